import { filingBody } from './support/consortium-requests';
import { RunningLedger, startLedger } from './support/ledger-test-app';

/**
 * Every answer with words speaks the language asked for: Chinese by default, English with `Accept-Language: en`; the
 * stable fields (`error`, `rule`, `citation`, field names) are the same in both.
 */
const CJK = /[\u4e00-\u9fff]/;

describe('the language of answers', () => {
  let ledger: RunningLedger;
  beforeAll(async () => {
    ledger = await startLedger();
  });
  afterAll(async () => {
    await ledger.close();
  });

  it('answers a refused command in Chinese by default and in English on request, the stable fields equal', async () => {
    const filing = filingBody('nmg-2024-consortium');
    expect((await ledger.http.post('/v1/consortia', filing, { as: 'officer' })).status).toBe(201);
    const again = (headers?: Record<string, string>) =>
      ledger.http.post('/v1/consortia', filing, { as: 'officer', headers });
    const zh = await again();
    const en = await again({ 'accept-language': 'en' });
    expect(zh.status).toBe(en.status);
    expect(zh.status).toBe(422);
    type Refusal = { message: string; details: Array<{ detail: string }> };
    const stable = ({ message: _m, details, ...rest }: Refusal) => ({
      ...rest,
      details: details.map(({ detail: _d, ...fields }) => fields),
    });
    expect(stable(zh.body as Refusal)).toEqual(stable(en.body as Refusal));
    expect(stable(zh.body as Refusal)).toMatchObject({ error: 'rule-violated', rule: 'nmg.one-per-lead' });
    expect((zh.body as Refusal).message).toMatch(CJK);
    expect((zh.body as Refusal).details[0].detail).toMatch(/已牵头联合体/);
    expect((en.body as Refusal).details[0].detail).toMatch(/already leads consortium/);
    expect(zh.headers.get('content-language')).toBe('zh-CN');
    expect(en.headers.get('content-language')).toBe('en');
    expect(zh.headers.get('vary')).toMatch(/accept-language/i);
  });

  it('names a 400 field in both, its problem in Chinese by default', async () => {
    const body = { ...filingBody('nmg-2024-consortium'), filedOn: 'yesterday' };
    const zh = await ledger.http.post('/v1/consortia', body, { as: 'officer' });
    const en = await ledger.http.post('/v1/consortia', body, { as: 'officer', headers: { 'accept-language': 'en' } });
    expect(zh.status).toBe(400);
    const fields = (answer: typeof zh) =>
      (answer.body as { details: Array<{ field: string; problems: string[] }> }).details;
    expect(fields(zh).map((d) => d.field)).toEqual(fields(en).map((d) => d.field));
    expect(
      fields(zh)
        .find((d) => d.field === 'filedOn')
        ?.problems.join(),
    ).toMatch(CJK);
    expect(
      fields(en)
        .find((d) => d.field === 'filedOn')
        ?.problems.join(),
    ).not.toMatch(CJK);
  });

  it("speaks the platform's own refusals in the language asked for (401)", async () => {
    const zh = await ledger.http.get('/v1/consortia', { as: null });
    const en = await ledger.http.get('/v1/consortia', { as: null, headers: { 'accept-language': 'en' } });
    expect(zh.status).toBe(401);
    expect(zh.body).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(CJK) });
    expect(en.body).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(/bearer token/) });
  });
});
