import { activeConsortium, filingBody, TIMELINES } from './support/consortium-requests';
import { RunningLedger, startLedger } from './support/ledger-test-app';
import { TOKEN_LIST } from './support/test-tokens';

/** Text, dates and keys as every route reads them (issue 10): one rule each, a 400 naming the field, nothing recorded. */
describe('input hygiene', () => {
  let ledger: RunningLedger;
  beforeAll(async () => {
    ledger = await startLedger();
  });
  afterAll(async () => {
    await ledger.close();
  });

  const head = async (): Promise<number> =>
    ((await ledger.http.get('/health', { as: 'viewer' })).body as { log: { headPosition: number } }).log.headPosition;
  const fieldsOf = (body: { details?: Array<{ field: string }> }) => (body.details ?? []).map((d) => d.field);

  describe('text', () => {
    it.each([
      ['a NUL in a name', { name: '辽宁\u0000联盟' }, 'name'],
      ['a line break in a name', { name: '辽宁\n联盟' }, 'name'],
      ['an escape in a member name', { members: [{ name: '\u001b[31m' }] }, 'members[0].name'],
      ['an unpaired surrogate', { name: '联盟\ud800' }, 'name'],
      ['a C1 control (NEL) in a name', { name: '辽宁\u0085联盟' }, 'name'],
      ['a line separator in a name', { name: '辽宁\u2028联盟' }, 'name'],
      ['a right-to-left override in a member name', { members: [{ name: '沈阳\u202e学大' }] }, 'members[0].name'],
      ['a noncharacter in the lead', { lead: { name: '沈阳\uffff' } }, 'lead.name'],
      ['a leading space', { name: ' 辽宁联盟' }, 'name'],
      ['a trailing tab in the lead', { lead: { name: '沈阳\t' } }, 'lead.name'],
    ])('refuses %s with 400 naming the field, recording nothing', async (_case, override, field) => {
      const before = await head();
      const body = filingBody('liaoning-2021-alliance');
      const merged = {
        ...body,
        ...override,
        ...('members' in override && {
          members: [{ ...body.members[0], ...override.members[0] }, ...body.members.slice(1)],
        }),
        ...('lead' in override && { lead: { ...body.lead, ...override.lead } }),
      };
      const answer = await ledger.http.post('/v1/consortia', merged, { as: 'officer' });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid-input');
      expect(fieldsOf(answer.body)).toEqual([field]);
      expect(await head()).toBe(before);
    });

    it('takes tabs and line breaks in free text (a reason), not other control characters', async () => {
      const { id } = await activeConsortium(ledger, 'liaoning-2021-alliance');
      const on = TIMELINES['liaoning-2021-alliance'].approvedOn;
      const bell = await ledger.http.post(
        `/v1/consortia/${id}/dissolution`,
        { on, reason: '任务完成\u0007' },
        { as: 'officer' },
      );
      expect([bell.status, fieldsOf(bell.body)]).toEqual([400, ['reason']]);
      const isolate = await ledger.http.post(
        `/v1/consortia/${id}/dissolution`,
        { on, reason: '任务完成\u2066' },
        { as: 'officer' },
      );
      expect([isolate.status, fieldsOf(isolate.body)]).toEqual([400, ['reason']]);
      const lines = await ledger.http.post(
        `/v1/consortia/${id}/dissolution`,
        { on, reason: '任务完成：\n\t一、成果已验收\u2028二、经费已结算' },
        { as: 'officer' },
      );
      expect(lines.status).toBe(201);
    });

    it('refuses control characters in a query string and a path id too', async () => {
      const query = await ledger.http.get('/v1/consortia?status=filed%00', { as: 'viewer' });
      expect([query.status, fieldsOf(query.body)]).toEqual([400, ['status']]);
      const path = await ledger.http.get('/v1/consortia/abc%07', { as: 'viewer' });
      expect([path.status, fieldsOf(path.body)]).toEqual([400, ['id']]);
    });
  });

  describe('dates: one strict reader for bodies and query strings', () => {
    it.each([
      '2025-02-30',
      '2025-13-01',
      '2025-00-10',
      '2025-04-31',
      '2025-2-3',
      '2025-02-29T10:00:00Z',
      '2025-06-30T24:00:00Z',
      '2025-06-30T10:00:00+15:00',
    ])('?asOf=%s is 400 naming asOf', async (asOf) => {
      const answer = await ledger.http.get(`/v1/consortia/any-id?asOf=${encodeURIComponent(asOf)}`, {
        as: 'supervisor',
      });
      expect([answer.status, fieldsOf(answer.body)]).toEqual([400, ['asOf']]);
    });

    it('takes a date, a leap day and a timestamp with its zone', async () => {
      for (const asOf of [
        '2024-02-29',
        '2025-06-30T16:00:00Z',
        '2025-06-30T16:00:00.123+08:00',
        '2025-06-30T16:00+0800',
      ]) {
        const answer = await ledger.http.get(`/v1/consortia/any-id?asOf=${encodeURIComponent(asOf)}`, {
          as: 'supervisor',
        });
        expect([asOf, answer.status]).toEqual([asOf, 404]);
      }
    });

    it('refuses an impossible date in a body with 400 naming it', async () => {
      const answer = await ledger.http.post(
        '/v1/consortia',
        filingBody('liaoning-2021-alliance', { filedOn: '2025-02-29' }),
        { as: 'officer' },
      );
      expect([answer.status, fieldsOf(answer.body)]).toEqual([400, ['filedOn']]);
    });
  });

  describe('Idempotency-Key', () => {
    it.each([
      ['empty', ''],
      ['whitespace', '   '],
      ['longer than 255', 'k'.repeat(256)],
      ['with a space inside', 'my key'],
    ])('refuses a key that is %s with 400, recording nothing', async (_case, key) => {
      const before = await head();
      const answer = await ledger.http.post('/v1/consortia', filingBody('tianjin-2018-alliance'), {
        as: 'officer',
        headers: { 'idempotency-key': key },
      });
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body)).toEqual(['Idempotency-Key']);
      expect(await head()).toBe(before);
    });

    it('an empty key never blocks a later request with another body', async () => {
      const empty = { as: 'officer' as const, headers: { 'idempotency-key': '' } };
      expect((await ledger.http.post('/v1/consortia', filingBody('liaoning-2021-alliance'), empty)).status).toBe(400);
      const other = await ledger.http.post('/v1/consortia', filingBody('tianjin-2018-alliance'), {
        as: 'officer',
        headers: { 'idempotency-key': 'k'.repeat(255) },
      });
      expect(other.status).toBe(201);
    });
  });
});

/** A path id is checked before anything looks it up: the same 400 whoever asks, a jurisdiction or none. */
describe('a control character in a path id, for scoped and unscoped users alike', () => {
  const SCOPED = { supervisor: 'tok-scoped-supervisor', officer: 'tok-scoped-officer' };
  let ledger: RunningLedger;
  beforeAll(async () => {
    ledger = await startLedger({
      env: {
        LEDGER_TOKENS: [
          TOKEN_LIST,
          `${SCOPED.supervisor}:supervisor.ln:supervisor@21`,
          `${SCOPED.officer}:officer.ln:officer@liaoning-2021-alliance`,
        ].join(','),
      },
    });
  });
  afterAll(async () => {
    await ledger.close();
  });

  it.each([
    ['GET', '/v1/consortia/%00/history'],
    ['GET', '/v1/consortia/%01abc'],
    ['GET', '/v1/consortia/%00?asOf=2025-06-30'],
    ['GET', '/v1/consortia/abc%7F/replay'],
    ['GET', '/v1/subsidies/%00'],
    ['GET', '/v1/subsidies/%00/history'],
    ['GET', '/v1/zones/%1b%5B31m/diff'],
    ['POST', '/v1/consortia/%00/reviews'],
  ])('%s %s is 400 naming id, the same answer for both', async (method, path) => {
    const ask = (token: string) =>
      method === 'GET'
        ? ledger.http.get(path, { token })
        : ledger.http.post(path, { stage: 'preliminary', outcome: 'pass', on: '2025-09-12' }, { token });
    const [unscoped, scoped] =
      method === 'GET'
        ? [await ask('tok-supervisor'), await ask(SCOPED.supervisor)]
        : [await ask('tok-officer'), await ask(SCOPED.officer)];
    expect([unscoped.status, scoped.status]).toEqual([400, 400]);
    expect(scoped.body).toEqual(unscoped.body);
    expect(scoped.body).toMatchObject({ error: 'invalid-input', details: [{ field: 'id' }] });
    // eslint-disable-next-line no-control-regex
    expect(scoped.text).not.toMatch(/\\u00(0|1|7f)|[\u0000-\u001f\u007f]/i);
  });
});
