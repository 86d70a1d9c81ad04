/**
 * The OpenAPI document is the contract: requests made through the client openapi-typescript generated from it
 * (typed-client.ts: a body or an answer it does not describe does not typecheck) get answers, successes and errors,
 * that validate against the response schemas the running ledger declares at /docs-json — strictly: every object of
 * the document is closed (`additionalProperties: false`), so a field added to an answer without being documented
 * fails here. Every operation of the document answers a success that is validated (the last case counts them).
 */
import Ajv from 'ajv';
import { enterprise } from '@ledger/domain/consortium/consortium.fixtures';
import { FULL_MARKS_INDICATORS_HTTP } from '@ledger/domain/zone/zone.fixtures';
import { filingBody, TIMELINES, unitBody } from './support/consortium-requests';
import { RunningLedger, startLedger, STORY_TODAY, TOKENS } from './support/ledger-test-app';
import { leadFactory } from './support/subsidy-requests';
import { TypedClient } from './support/typed-client';
import type { HttpAnswer, RequestOptions } from './support/http-client';

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

/** Every `METHOD /path` whose success answer has been validated. */
const validated = new Set<string>();

beforeAll(async () => {
  // Grants of 2,500,000 yuan or more wait for a second signature: the approval and the decline answer too.
  ledger = await startLedger({ today: STORY_TODAY, env: { LEDGER_DUAL_CONTROL_AMOUNT: '2500000.00' } });
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
  if (valid && answer.status < 300) validated.add(`${method} ${path}`);
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

  it('health: /health without a token (status and lag) and with one (the details); /health/live and /health/ready', async () => {
    const anonymous = await api.get('/health', { as: null });
    expect(Object.keys(anonymous.body as object).sort()).toEqual(['projections', 'status']);
    expectConforms('get', '/health', anonymous);
    const detailed = await api.get('/health', { as: 'viewer' });
    expect(detailed.body).toHaveProperty('log.headPosition');
    expectConforms('get', '/health', detailed);
    expectConforms('get', '/health/live', await api.get('/health/live', { as: null }));
    expectConforms('get', '/health/ready', await api.get('/health/ready', { as: null }));
  });

  it('a schema that does not describe the answer fails the check (the check can fail)', () => {
    const answer = { status: 200, body: { items: 'not a list' } } as unknown as HttpAnswer<unknown>;
    expect(() => expectConforms('get', '/v1/consortia', answer)).toThrow();
  });

  it('a field the document does not name fails the check, at any depth', async () => {
    const real = await api.get('/v1/dashboard', { as: 'viewer' });
    expectConforms('get', '/v1/dashboard', real);
    const added = (body: object) => ({ ...real, body }) as HttpAnswer<unknown>;
    expect(() => expectConforms('get', '/v1/dashboard', added({ ...real.body, undocumented: 1 }))).toThrow();
    const deadlines = { ...real.body.deadlines, undocumented: 1 };
    expect(() => expectConforms('get', '/v1/dashboard', added({ ...real.body, deadlines }))).toThrow();
  });
});

/** `METHOD /path` with its path parameters filled in and a query, answered 2xx and validated; its body. */
async function ok(
  method: 'get' | 'post' | 'delete',
  path: string,
  options: RequestOptions & { params?: Record<string, string | number>; query?: Record<string, unknown> } = {},
  body?: unknown,
): Promise<any> {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(options.params?.[name])));
  const query = new URLSearchParams(
    Object.entries(options.query ?? {}).map(([name, value]): [string, string] => [name, String(value)]),
  ).toString();
  const url = query ? `${filled}?${query}` : filled;
  const answer = await ledger.http.request(method.toUpperCase(), url, body, options);
  if (answer.status >= 300) throw new Error(`${method.toUpperCase()} ${url} answered ${answer.status}: ${answer.text}`);
  expectConforms(method, path, answer);
  return answer.body;
}

describe('every operation answers as documented', () => {
  const leads = leadFactory(7000);
  const officer = { as: 'officer' } as const;
  const finance = { as: 'finance' } as const;
  const supervisor = { as: 'supervisor' } as const;
  let position = 0;
  const at = () => ({ minPosition: position });
  const moved = <T extends { position: number }>(answer: T): T => {
    position = Math.max(position, answer.position);
    return answer;
  };

  /** Files a consortium under `policy` with a fresh lead and takes it as far as `until`; its id. */
  async function consortium(
    policy: keyof typeof TIMELINES,
    until: 'filed' | 'noticed' | 'active',
    overrides: Record<string, unknown> = {},
  ) {
    const t = TIMELINES[policy];
    const lead = leads[policy]();
    const filed = moved(
      await ok('post', '/v1/consortia', officer, filingBody(policy, { lead: unitBody(lead), ...overrides })),
    );
    const params = { id: filed.id };
    if (until === 'filed') return { id: filed.id as string, lead, params };
    for (const review of t.reviews)
      moved(await ok('post', '/v1/consortia/{id}/reviews', { ...officer, params }, { ...review, outcome: 'pass' }));
    moved(await ok('post', '/v1/consortia/{id}/public-notice', { ...officer, params }, { startsOn: t.noticeStartsOn }));
    if (until === 'active')
      moved(await ok('post', '/v1/consortia/{id}/approval', { ...officer, params }, { on: t.approvedOn }));
    return { id: filed.id as string, lead, params };
  }

  let alliance: Awaited<ReturnType<typeof consortium>>;
  let grantId: string;
  let continuedId: string;
  let zoneId: string;

  it('consortia: objections, membership, lead, name, evaluations, annual reports, waivers, the ends', async () => {
    // liaoning: an objection dismissed, approved; a lead change, a member added and removed (later: dissolved).
    const liaoning = TIMELINES['liaoning-2021-alliance'];
    alliance = await consortium('liaoning-2021-alliance', 'noticed');
    const params = alliance.params;
    moved(
      await ok('post', '/v1/consortia/{id}/objections', { ...officer, params }, { on: '2025-10-09', text: '协议未签' }),
    );
    moved(
      await ok(
        'post',
        '/v1/consortia/{id}/objections/{n}/resolution',
        { ...officer, params: { ...params, n: 1 } },
        {
          on: '2025-10-10',
          outcome: 'dismissed',
        },
      ),
    );
    moved(await ok('post', '/v1/consortia/{id}/approval', { ...officer, params }, { on: liaoning.approvedOn }));

    // A rejected and a withdrawn filing.
    const refused = await consortium('liaoning-2021-alliance', 'noticed');
    moved(
      await ok(
        'post',
        '/v1/consortia/{id}/rejection',
        { ...officer, params: refused.params },
        {
          on: '2025-10-13',
          reason: '专家评审未通过',
        },
      ),
    );
    const withdrawn = await consortium('liaoning-2021-alliance', 'filed');
    moved(
      await ok(
        'post',
        '/v1/consortia/{id}/withdrawal',
        { ...officer, params: withdrawn.params },
        {
          on: liaoning.filedOn,
        },
      ),
    );

    // nmg: nmg.members-min waived on the approving document, approved, then renamed (which dissolves it).
    const nmg = TIMELINES['nmg-2024-consortium'];
    const nine = filingBody('nmg-2024-consortium').members.slice(0, 8);
    const waived = await consortium('nmg-2024-consortium', 'noticed', { members: nine });
    moved(
      await ok(
        'post',
        '/v1/consortia/{id}/waivers',
        { ...officer, params: waived.params },
        {
          on: '2025-10-11',
          rule: 'nmg.members-min',
          reason: '上游单位不足,经厅务会研究同意',
          reference: '内科发〔2025〕31号',
        },
      ),
    );
    moved(
      await ok('post', '/v1/consortia/{id}/approval', { ...officer, params: waived.params }, { on: nmg.approvedOn }),
    );
    moved(
      await ok(
        'post',
        '/v1/consortia/{id}/rename',
        { ...officer, params: waived.params },
        {
          on: '2025-12-01',
          name: '内蒙古自治区新名称产业链创新联合体',
        },
      ),
    );

    // luzhou: an evaluation in its window; tianjin: an annual report.
    const luzhou = await consortium('luzhou-2024-consortium', 'active');
    moved(
      await ok(
        'post',
        '/v1/consortia/{id}/evaluations',
        { ...officer, params: luzhou.params },
        {
          period: '2026',
          on: '2027-08-01',
          grade: 'qualified',
          scores: { 研发投入: 90 },
        },
      ),
    );
    const tianjin = await consortium('tianjin-2018-alliance', 'active');
    moved(
      await ok(
        'post',
        '/v1/consortia/{id}/annual-reports',
        { ...officer, params: tianjin.params },
        {
          year: 2020,
          submittedOn: '2020-12-28',
          summary: true,
          plan: true,
        },
      ),
    );
  });

  it('subsidies: granted, paid, cancelled, clawed back, refunded, terminated, signed twice, declined, continued', async () => {
    const recipient = alliance.lead.creditCode;
    const grant = (category: string, amount: string) =>
      ok('post', '/v1/subsidies', finance, {
        consortiumId: alliance.id,
        recipient,
        category,
        amount,
        fiscalYear: 2025,
        grantedOn: '2025-10-12',
      });
    const granted = moved(await grant('liaoning.operating', '1000000.00'));
    grantId = granted.id;
    const params = { id: grantId };
    const on = (path: string, body: object) => ok('post', `/v1/subsidies/{id}/${path}`, { ...finance, params }, body);
    moved(await on('disbursements', { amount: '300000.00', paidOn: '2025-10-13', voucher: 'PZ-CONTRACT-1' }));
    moved(await on('cancellation', { amount: '100000.00', on: '2025-10-14', reason: '预算调整' }));
    moved(await on('clawbacks', { amount: '50000.00', on: '2025-10-15', reason: 'misuse' }));
    moved(await on('refunds', { amount: '50000.00', receivedOn: '2025-10-16', voucher: 'TK-CONTRACT-1' }));
    moved(await on('termination', { on: '2025-10-17', reason: '任务未执行' }));

    // Dual control: one large grant signed by a second finance user (the admin), another declined.
    const signedGrant = moved(await grant('liaoning.talent', '2500000.00'));
    const declinedGrant = moved(await grant('liaoning.talent', '2600000.00'));
    moved(
      await ok(
        'post',
        '/v1/subsidies/{id}/approval',
        { as: 'admin', params: { id: signedGrant.id } },
        {
          on: '2025-10-20',
          note: '经复核同意',
        },
      ),
    );
    moved(
      await ok(
        'post',
        '/v1/subsidies/{id}/decline',
        { as: 'admin', params: { id: declinedGrant.id } },
        {
          on: '2025-10-20',
        },
      ),
    );
    continuedId = signedGrant.id;
    // A third waits for its second signature: the dashboard lists it among the deadlines.
    const waiting = moved(await grant('liaoning.talent', '2500000.00'));
    expect(waiting.status).toBe('pending');

    // The consortium changes lead and members, then dissolves: the signed grant continues by a document.
    const ids = alliance.params;
    moved(
      await ok(
        'post',
        '/v1/consortia/{id}/lead-change',
        { ...officer, params: ids },
        {
          on: '2025-11-01',
          newLead: unitBody(enterprise('dalian', 7601)),
        },
      ),
    );
    const member = unitBody(enterprise('dalian', 7602));
    moved(await ok('post', '/v1/consortia/{id}/members', { ...officer, params: ids }, { on: '2025-11-02', member }));
    moved(
      await ok('delete', '/v1/consortia/{id}/members/{creditCode}', {
        ...officer,
        params: { ...ids, creditCode: member.creditCode },
        query: { on: '2025-11-03' },
      }),
    );
    moved(
      await ok(
        'post',
        '/v1/consortia/{id}/dissolution',
        { ...officer, params: ids },
        {
          on: '2025-12-01',
          reason: '联盟任务完成',
        },
      ),
    );
    moved(
      await ok(
        'post',
        '/v1/subsidies/{id}/continuation',
        { ...finance, params: { id: continuedId } },
        {
          on: '2025-12-05',
          authority: '辽宁省科学技术厅',
          reference: '辽科发〔2025〕88号',
        },
      ),
    );
  });

  it('zones: designated, reported on, evaluated; a regional average', async () => {
    const zone = moved(
      await ok('post', '/v1/zones', officer, {
        policy: 'nmg-2022-zone',
        name: '包头稀土高新技术产业开发区科技成果转移转化示范区',
        approvedOn: '2022-12-01',
      }),
    );
    zoneId = zone.id;
    const params = { id: zoneId };
    moved(
      await ok(
        'post',
        '/v1/zones/{id}/annual-reports',
        { ...officer, params },
        {
          year: 2023,
          submittedOn: '2024-01-20',
          indicators: FULL_MARKS_INDICATORS_HTTP,
        },
      ),
    );
    moved(
      await ok(
        'post',
        '/v1/zones/{id}/evaluations',
        { ...officer, params },
        { on: '2025-12-10', grade: 'unqualified' },
      ),
    );
    moved(
      await ok(
        'post',
        '/v1/zones/regional-averages',
        { as: 'admin' },
        {
          year: 2023,
          rdIntensity: 0.0093,
          source: '2023年内蒙古自治区科技经费投入统计公报',
        },
      ),
    );
  });

  it('queries: lists, details now and as of a moment, histories, replays and diffs, funding, dashboards, policies', async () => {
    const q = at();
    await ok('get', '/v1/consortia', { as: 'viewer', query: q });
    await ok('get', '/v1/zones', { as: 'viewer', query: q });
    await ok('get', '/v1/zones/regional-averages', { as: 'viewer', query: q });
    await ok('get', '/v1/subsidies', { as: 'viewer', query: q });
    const dashboard = await ok('get', '/v1/dashboard', { as: 'viewer', query: { ...q, deadlinesLimit: 1000 } });
    expect(new Set(dashboard.deadlines.items.map((d: { subject: string }) => d.subject))).toEqual(
      new Set(['consortium', 'zone', 'subsidy']),
    );
    await ok('get', '/v1/dashboard/caps', { as: 'viewer', query: q });
    await ok('get', '/v1/policies', { as: 'viewer', query: q });
    await ok('get', '/v1/policies', { as: 'viewer', headers: { 'accept-language': 'en' } });
    await ok('get', '/v1/policies/{id}', { as: 'viewer', params: { id: 'nmg-2024-consortium' } });
    await ok('get', '/v1/policies/{id}', { as: 'viewer', params: { id: 'nmg-2022-zone' } });
    await ok('get', '/v1/funding/{creditCode}', {
      as: 'viewer',
      params: { creditCode: alliance.lead.creditCode },
      query: { ...q, fiscalYear: 2025 },
    });
    await ok('get', '/v1/reconciliation', { as: 'finance', query: q });
    await ok('get', '/v1/reconciliation', {
      as: 'finance',
      query: { ...q, fiscalYear: 2025, policy: 'liaoning-2021-alliance' },
    });
    for (const [collection, id] of [
      ['consortia', alliance.id],
      ['subsidies', grantId],
      ['subsidies', continuedId],
      ['zones', zoneId],
    ] as const) {
      const params = { id };
      const detail = await ok('get', `/v1/${collection}/{id}`, { as: 'viewer', params, query: q });
      expect(detail.id).toBe(id);
      await ok('get', `/v1/${collection}/{id}`, { ...supervisor, params, query: { atPosition: position } });
      await ok('get', `/v1/${collection}/{id}`, { ...supervisor, params, query: { asOf: '2099-01-01' } });
      const history = await ok('get', `/v1/${collection}/{id}/history`, { ...supervisor, params, query: q });
      const replay = await ok('get', `/v1/${collection}/{id}/replay`, { ...supervisor, params });
      const second = replay.steps[Math.min(1, replay.steps.length - 1)].position;
      await ok('get', `/v1/${collection}/{id}/replay`, { ...supervisor, params, query: { at: second } });
      await ok('get', `/v1/${collection}/{id}/diff`, { ...supervisor, params });
      await ok('get', `/v1/${collection}/{id}/diff`, { ...supervisor, params, query: { from: second, to: position } });
      expect(history.events.length).toBe(replay.steps.length);
    }
  });

  it('reconciliations: a statement matched, shown again, a difference resolved', async () => {
    const statement = [
      '凭证号,支付日期,收款单位,金额(元)',
      `PZ-CONTRACT-1,2025-10-13,${alliance.lead.name},300000.00`,
      'PZ-ELSEWHERE,2025-10-14,某某公司,1234.56',
    ].join('\r\n');
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(statement, 'utf8')]), 'statement.csv');
    const answer = await fetch(`${ledger.url}/v1/reconciliations?minPosition=${position}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.finance}` },
      body: form,
    });
    const run = { status: answer.status, body: (await answer.json()) as any } as HttpAnswer<any>;
    if (run.status !== 201)
      throw new Error(`POST /v1/reconciliations answered ${run.status}: ${JSON.stringify(run.body)}`);
    expectConforms('post', '/v1/reconciliations', run);
    const params = { id: run.body.id };
    await ok('get', '/v1/reconciliations/{id}', { ...supervisor, params });
    const open = run.body.lines.onlyInStatement[0].item;
    await ok(
      'post',
      '/v1/reconciliations/{id}/resolutions',
      { ...finance, params },
      { item: open, note: '非本项目支付' },
    );
  });

  it('the change feed answers an event stream, as documented', async () => {
    const controller = new AbortController();
    const answer = await fetch(`${ledger.url}/v1/stream`, {
      headers: { authorization: `Bearer ${TOKENS.viewer}` },
      signal: controller.signal,
    });
    expect(answer.status).toBe(200);
    const media = answer.headers.get('content-type') ?? '';
    expect(Object.keys(document.paths['/v1/stream'].get.responses['200'].content ?? {})).toContain(media.split(';')[0]);
    controller.abort();
    validated.add('get /v1/stream');
  });

  it('every operation of the document had a success answer validated', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    expect(operations.filter((operation) => !validated.has(operation))).toEqual([]);
  });
});

describe('the document describes answers strictly', () => {
  /**
   * Every schema a success answer uses (following `$ref`s): each object closed (`additionalProperties: false`, or a map
   * of typed values) and every property typed. The one exception is a value marked `x-json-value` — any JSON by design,
   * its description says what: a policy parameter's value, an event's data as recorded, a field's values in a diff.
   */
  it('every object of every success answer is closed and every property typed', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    const visit = (schema: any, where: string): void => {
      if (!schema || typeof schema !== 'object' || schema['x-json-value']) return;
      if (schema.$ref) {
        const name = String(schema.$ref).split('/').pop()!;
        if (!seen.has(name)) {
          seen.add(name);
          visit(document.components.schemas[name], name);
        }
        return;
      }
      const union = schema.oneOf ?? schema.anyOf ?? schema.allOf;
      if (union) return union.forEach((branch: unknown, i: number) => visit(branch, `${where}|${i}`));
      if (!schema.type) problems.push(`${where}: untyped`);
      if (schema.type === 'object' && !(schema.enum?.length === 1 && schema.enum[0] === null)) {
        const map = typeof schema.additionalProperties === 'object';
        if (map) visit(schema.additionalProperties, `${where}{}`);
        else if (schema.additionalProperties !== false) problems.push(`${where}: open object`);
        else if (!schema.properties) problems.push(`${where}: an object without properties`);
      }
      for (const [name, property] of Object.entries(schema.properties ?? {})) visit(property, `${where}.${name}`);
      if (schema.type === 'array') visit(schema.items, `${where}[]`);
    };
    for (const [path, item] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(item))
        for (const [status, response] of Object.entries(operation.responses))
          if (/^2/.test(status)) visit(response.content?.['application/json']?.schema, `${method} ${path} ${status}`);
    expect(seen.size).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});
