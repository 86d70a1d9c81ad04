import { connect } from 'node:net';
import { filingBody } from './support/consortium-requests';
import { RunningLedger, startLedger, STORY_TODAY, TOKENS } from './support/ledger-test-app';
import { consortiumWith, leadFactory, postGrant } from './support/subsidy-requests';

/**
 * Found by a black-box review over HTTP (fast-check and hand-made requests against the built server): bad input that
 * is answered 500, accepted silently, or refused outside the envelope / in English by default.
 */
describe('bad input over HTTP, at its edges', () => {
  let ledger: RunningLedger;
  const leads = leadFactory(930);
  beforeAll(async () => {
    ledger = await startLedger({ today: STORY_TODAY });
  });
  afterAll(async () => {
    await ledger.close();
  });

  const head = async (): Promise<number> =>
    ((await ledger.http.get('/health', { as: 'viewer' })).body as { log: { headPosition: number } }).log.headPosition;

  const send = (path: string, body: string, token: string = TOKENS.officer, contentType = 'application/json') =>
    fetch(`${ledger.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });

  describe('null in an optional money field is a 400 naming it, never a 500', () => {
    for (const field of ['rdExpense3y', 'revenue3y', 'rdExpenseLastYear']) {
      it(`POST /v1/consortia with lead.${field}: null`, async () => {
        const before = await head();
        const body = filingBody('liaoning-2021-alliance');
        const answer = await ledger.http.post(
          '/v1/consortia',
          { ...body, lead: { ...body.lead, [field]: null } },
          { as: 'officer' },
        );
        expect(answer.status).toBe(400);
        expect(answer.body.details.map((d: { field: string }) => d.field)).toContain(`lead.${field}`);
        expect(await head()).toBe(before);
      });
    }

    it('POST /v1/consortia/{id}/lead-change with newLead.rdExpense3y: null', async () => {
      const { id } = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
      const before = await head();
      const newLead = { ...filingBody('liaoning-2021-alliance').lead, rdExpense3y: null };
      const answer = await ledger.http.post(
        `/v1/consortia/${id}/lead-change`,
        { on: '2026-01-05', newLead },
        { as: 'officer' },
      );
      expect(answer.status).toBe(400);
      expect(answer.body.details.map((d: { field: string }) => d.field)).toContain('newLead.rdExpense3y');
      expect(await head()).toBe(before);
    });

    for (const field of ['projectTotalInvestment', 'rdSpending']) {
      it(`POST /v1/subsidies with ${field}: null`, async () => {
        const lead = leads['liaoning-2021-alliance']();
        const { id } = await consortiumWith(ledger, 'liaoning-2021-alliance', lead);
        const before = await head();
        const answer = await postGrant(ledger, {
          consortiumId: id,
          recipient: lead.creditCode,
          category: 'liaoning.operating',
          amount: '1000000.00',
          fiscalYear: 2025,
          grantedOn: '2025-11-01',
          [field]: null,
        });
        expect(answer.status).toBe(400);
        expect(answer.body.details.map((d: { field: string }) => d.field)).toContain(field);
        expect(await head()).toBe(before);
      });
    }
  });

  describe('unknown body fields are refused (400), so none is silently ignored', () => {
    for (const name of ['toString', 'valueOf', 'hasOwnProperty', 'constructor', 'isPrototypeOf']) {
      it(`a JSON body with "${name}" is 400 naming it, and records nothing`, async () => {
        const before = await head();
        const answer = await send(
          '/v1/consortia',
          JSON.stringify({ ...filingBody('liaoning-2021-alliance'), [name]: 'x' }),
        );
        expect(answer.status).toBe(400);
        const body = (await answer.json()) as { details?: Array<{ field: string }> };
        expect(body.details?.map((d) => d.field)).toContain(name);
        expect(await head()).toBe(before);
      });
    }

    it('a form body with "toString" is 400 naming it, and records nothing', async () => {
      const { id } = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
      const before = await head();
      const answer = await send(
        `/v1/consortia/${id}/rename`,
        'on=2026-01-05&name=%E6%96%B0%E5%90%8D&toString=x',
        TOKENS.officer,
        'application/x-www-form-urlencoded',
      );
      expect(answer.status).toBe(400);
      expect(await head()).toBe(before);
    });
  });

  it('a JSON body giving a field twice is 400 naming it (as a query parameter or a form part given twice is)', async () => {
    const filing = JSON.stringify(filingBody('liaoning-2021-alliance'));
    // The same filing with "policy" given twice: first tianjin, then the filing's own.
    const twice = filing.replace('{', '{"policy":"tianjin-2018-alliance",');
    const before = await head();
    const answer = await send('/v1/consortia', twice);
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { details?: Array<{ field: string }> };
    expect(body.details?.map((d) => d.field)).toContain('policy');
    expect(await head()).toBe(before);
  });

  /** The answer to a request written as it stands (what `fetch` would not send). */
  const sendRaw = (request: string) =>
    new Promise<{ headers: string; body: string }>((resolve, reject) => {
      const socket = connect(Number(new URL(ledger.url).port), '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => {
        const [headers, body] = text.split('\r\n\r\n');
        resolve({ headers, body });
      });
      socket.on('error', reject);
      socket.write(request);
    });

  it('an HTTP/1.1 request without Host is refused in the envelope with a correlation id', async () => {
    const { headers, body } = await sendRaw('GET /health HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(headers).toMatch(/^HTTP\/1\.1 400/);
    expect(headers.toLowerCase()).toContain('x-correlation-id:');
    expect(JSON.parse(body)).toEqual({ error: 'invalid-input', message: expect.any(String) });
  });

  it('a request with two Authorization headers is 400 naming Authorization, not the first token taken', async () => {
    const before = await head();
    const filing = JSON.stringify(filingBody('liaoning-2021-alliance'));
    const { headers, body } = await sendRaw(
      `POST /v1/consortia HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n` +
        `Authorization: Bearer ${TOKENS.officer}\r\nAuthorization: Bearer ${TOKENS.finance}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(filing)}\r\n\r\n${filing}`,
    );
    expect(headers).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(body)).toMatchObject({ error: 'invalid-input', details: [{ field: 'Authorization' }] });
    expect(await head()).toBe(before);
  });

  describe('refusals speak Chinese by default (no English sentence without Accept-Language: en)', () => {
    const ENGLISH_RUN = /[A-Za-z]{2,}(?:[ ,']+[A-Za-z]{2,}){2,}/;
    const cases: Array<[string, () => Promise<Response>]> = [
      ['malformed JSON', () => send('/v1/consortia', '{')],
      ['a JSON body with a __proto__ key', () => send('/v1/consortia', '{"__proto__":{"x":1}}')],
      ['a media type nothing reads', () => send('/v1/consortia', '{}', TOKENS.officer, 'application/vnd.api+json')],
      [
        'members: null',
        () => send('/v1/consortia', JSON.stringify({ ...filingBody('liaoning-2021-alliance'), members: null })),
      ],
      [
        'a statement whose CSV has an unclosed quote',
        () => {
          const form = new FormData();
          form.append('file', new Blob(['凭证号,金额,日期\n"PZ-1,100,2025-11-05\n']), 'statement.csv');
          return fetch(`${ledger.url}/v1/reconciliations`, {
            method: 'POST',
            headers: { authorization: `Bearer ${TOKENS.finance}` },
            body: form,
          });
        },
      ],
    ];
    for (const [what, request] of cases) {
      it(what, async () => {
        const answer = await request();
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(answer.headers.get('content-language')).toBe('zh-CN');
        const body = (await answer.json()) as { message: string };
        expect(body.message).not.toMatch(ENGLISH_RUN);
      });
    }
  });

  it('a cursor the list did not give is 400 naming cursor', async () => {
    const forged = [
      [1, 2],
      [null, null],
      ['2025-02-30', 'not-an-id'],
    ];
    for (const values of forged) {
      const cursor = Buffer.from(JSON.stringify(values)).toString('base64url');
      for (const list of ['consortia', 'subsidies']) {
        const answer = await ledger.http.get(`/v1/${list}?cursor=${cursor}`, { as: 'viewer' });
        expect([list, values, answer.status]).toEqual([list, values, 400]);
        expect(answer.body.details[0].field).toBe('cursor');
      }
    }
  });

  it('an objection number {n} that is not a decimal position is 400 naming n, in Chinese, before any look-up', async () => {
    const { id } = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    for (const n of ['abc', '1.5', '-1', '1e3', '99999999999999999']) {
      const answer = await ledger.http.post(
        `/v1/consortia/${id}/objections/${n}/resolution`,
        { on: '2026-01-05', outcome: 'upheld' },
        { as: 'officer' },
      );
      expect([n, answer.status]).toEqual([n, 400]);
      expect([n, answer.body.details?.[0]?.field]).toEqual([n, 'n']);
      expect(answer.body.message).not.toMatch(/[A-Za-z]{2,}(?:[ ,']+[A-Za-z]{2,}){2,}/);
    }
  });
});
