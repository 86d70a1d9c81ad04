/**
 * The OpenAPI document is the contract: requests made through the client openapi-typescript generated from it
 * (typed-client.ts: a body or an answer it does not describe does not typecheck) get answers, successes and errors,
 * that validate against the response schemas the running ledger declares at /docs-json.
 */
import Ajv from 'ajv';
import { filingBody, TIMELINES } from './support/consortium-requests';
import { RunningLedger, startLedger, STORY_TODAY } from './support/ledger-test-app';
import { TypedClient } from './support/typed-client';
import type { HttpAnswer } from './support/http-client';

type Document = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
  components: { schemas: Record<string, object> };
};

let ledger: RunningLedger;
let api: TypedClient;
let document: Document;
let ajv: Ajv.Ajv;

beforeAll(async () => {
  ledger = await startLedger({ today: STORY_TODAY });
  api = new TypedClient(ledger.http);
  document = (await ledger.http.get<Document>('/docs-json', { as: null })).body;
  ajv = new Ajv({ nullable: true, allErrors: true, unknownFormats: 'ignore', validateSchema: false });
  ajv.addSchema({ components: document.components }, 'openapi');
});
afterAll(() => ledger.close());

/** The answer matches the schema the document declares for this route, method and status. */
function expectConforms(method: string, path: string, answer: HttpAnswer<unknown>) {
  const response = document.paths[path]?.[method]?.responses[String(answer.status)];
  if (!response)
    throw new Error(`${method.toUpperCase()} ${path} answered ${answer.status}, which it does not declare`);
  const schema = response.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} ${answer.status} declares no JSON schema`);
  const local = JSON.parse(JSON.stringify(schema).replace(/"#\/components/g, '"openapi#/components')) as object;
  const valid = ajv.validate(local, answer.body);
  expect({ route: `${method.toUpperCase()} ${path} ${answer.status}`, errors: valid ? null : ajv.errors }).toEqual({
    route: `${method.toUpperCase()} ${path} ${answer.status}`,
    errors: null,
  });
}

describe('answers validate against the declared response schemas', () => {
  it('a consortium filed, reviewed, noticed and approved; read back as a list, one, its history and the dashboard', async () => {
    const policy = 'liaoning-2021-alliance';
    const t = TIMELINES[policy];
    const filed = await api.post('/v1/consortia', filingBody(policy), { as: 'officer' });
    expect(filed.status).toBe(201);
    expectConforms('post', '/v1/consortia', filed);
    const id = filed.body.id; // typed: ConsortiumAnswerDto
    const params = { id };
    for (const review of t.reviews) {
      const reviewed = await api.post('/v1/consortia/{id}/reviews', { ...review, outcome: 'pass' } as never, {
        as: 'officer',
        params,
      });
      expectConforms('post', '/v1/consortia/{id}/reviews', reviewed);
    }
    const notice = await api.post(
      '/v1/consortia/{id}/public-notice',
      { startsOn: t.noticeStartsOn },
      { as: 'officer', params },
    );
    expectConforms('post', '/v1/consortia/{id}/public-notice', notice);
    const approved = await api.post('/v1/consortia/{id}/approval', { on: t.approvedOn }, { as: 'officer', params });
    expect(approved.status).toBe(201);
    expectConforms('post', '/v1/consortia/{id}/approval', approved);
    const position: number = approved.body.position;

    const query = { minPosition: position };
    expectConforms('get', '/v1/consortia', await api.get('/v1/consortia', { as: 'viewer', query }));
    expectConforms('get', '/v1/consortia/{id}', await api.get('/v1/consortia/{id}', { as: 'viewer', params, query }));
    expectConforms(
      'get',
      '/v1/consortia/{id}/history',
      await api.get('/v1/consortia/{id}/history', { as: 'supervisor', params, query }),
    );
    expectConforms('get', '/v1/dashboard', await api.get('/v1/dashboard', { as: 'viewer', query }));
    expectConforms('get', '/v1/policies', await api.get('/v1/policies', { as: 'viewer' }));

    // A grant: the subsidy answer, the subsidy read back, the funding view and the reconciliation.
    const lead = filingBody(policy).lead;
    const granted = await api.post(
      '/v1/subsidies',
      {
        consortiumId: id,
        recipient: lead.creditCode,
        category: 'liaoning.operating',
        amount: '1000000.00',
        fiscalYear: 2025,
        grantedOn: t.approvedOn,
      },
      { as: 'finance' },
    );
    expectConforms('post', '/v1/subsidies', granted);
    expect(granted.status).toBe(201);
    {
      const at = { minPosition: granted.body.position };
      expectConforms(
        'get',
        '/v1/subsidies/{id}',
        await api.get('/v1/subsidies/{id}', { as: 'viewer', params: { id: granted.body.id }, query: at }),
      );
      expectConforms(
        'get',
        '/v1/funding/{creditCode}',
        await api.get('/v1/funding/{creditCode}', {
          as: 'viewer',
          params: { creditCode: lead.creditCode },
          query: { ...at, fiscalYear: 2025 },
        }),
      );
      expectConforms('get', '/v1/reconciliation', await api.get('/v1/reconciliation', { as: 'finance', query: at }));
    }
  });

  it('errors are the declared LedgerError: 400, 401, 403, 404, 422', async () => {
    const bad = await api.post('/v1/consortia', { policy: 'nowhere' } as never, { as: 'officer' });
    expect(bad.status).toBe(400);
    expectConforms('post', '/v1/consortia', bad);
    const anonymous = await api.get('/v1/consortia', { as: null });
    expect(anonymous.status).toBe(401);
    expectConforms('get', '/v1/consortia', anonymous);
    const wrongRole = await api.post('/v1/subsidies', {} as never, { as: 'viewer' });
    expect(wrongRole.status).toBe(403);
    expectConforms('post', '/v1/subsidies', wrongRole);
    const missing = await api.get('/v1/consortia/{id}', { as: 'viewer', params: { id: 'no-such-consortium' } });
    expect(missing.status).toBe(404);
    expectConforms('get', '/v1/consortia/{id}', missing);
    const early = await api.post(
      '/v1/consortia/{id}/approval',
      { on: '2025-01-01' },
      {
        as: 'officer',
        params: { id: 'no-such-consortium' },
      },
    );
    expectConforms('post', '/v1/consortia/{id}/approval', early);
  });

  it('the public health answer conforms too', async () => {
    expectConforms('get', '/health', await api.get('/health', { as: null }));
  });

  it('a schema that does not describe the answer fails the check (the check can fail)', () => {
    const answer = { status: 200, body: { items: 'not a list' } } as unknown as HttpAnswer<unknown>;
    expect(() => expectConforms('get', '/v1/consortia', answer)).toThrow();
  });
});
