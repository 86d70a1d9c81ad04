/**
 * The ledger speaks Chinese unless asked for English (issue 15, item 5): a walk over a representative set of answers —
 * a filing refused, an approval refused, a grant refused over a cap, a zone's findings, audit histories, the
 * reconciliation, a projection's own 400 and the policy catalogue's interpretations and rule texts — asked with no
 * Accept-Language, finds no English sentence in them: no run of three ASCII words outside the stable fields (ids,
 * codes, rule ids, citations, field names, event types) and URLs. The same answers in English say their words in
 * English, so the walk can tell.
 */
import { FULL_MARKS_INDICATORS_HTTP, ISSUE_SCENARIO, ZONE_NAME } from '@ledger/domain/zone/zone.fixtures';
import { MEMBERS } from '@ledger/domain/consortium/consortium.fixtures';
import { filingBody, TIMELINES, unitBody } from './support/consortium-requests';
import { RunningLedger, startLedger, STORY_TODAY, TOKENS } from './support/ledger-test-app';
import { consortiumWith, leadFactory, postGrant } from './support/subsidy-requests';

/** Fields whose values are identifiers or codes in every language, not words. */
const STABLE = new Set([
  'error',
  'rule',
  'rules',
  'citation',
  'field',
  'id',
  'type',
  'streamId',
  'actor',
  'correlationId',
  'commandId',
  'reason', // a code (lead-change, …); an officer's typed reason stays as typed, and none is typed here
]);
const ENGLISH_RUN = /[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}/;
const URL = /https?:\/\/\S+/g;
const CODE = /`[^`]*`/g;
/** A rule id quoted with its citation, as a refusal's message starts: stable as the `rule` and `citation` fields are. */
const RULE_AND_CITATION = /[a-z]+\.[a-z0-9-]+（[^）]*）/g;

/** Every text in `value` (outside the stable fields) that holds a run of three or more English words. */
function englishIn(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    if (STABLE.has(key)) return [];
    return ENGLISH_RUN.test(value.replace(URL, '').replace(CODE, '').replace(RULE_AND_CITATION, ''))
      ? [`${key}: ${value}`]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item) => englishIn(item, key));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([field, item]) => englishIn(item, field));
  return [];
}

describe('answers in Chinese by default: no English sentence', () => {
  let ledger: RunningLedger;
  const answers: Array<[string, unknown]> = [];
  const englishAnswers: Array<[string, unknown]> = [];
  const leads = leadFactory(700);

  /** The answer in the default language and in English, both kept for the checks below. */
  async function ask(
    what: string,
    request: (headers: Record<string, string>) => Promise<{ status?: number; body: any }>,
  ) {
    const zh = await request({});
    answers.push([what, zh.body]);
    englishAnswers.push([what, (await request({ 'accept-language': 'en' })).body]);
    return zh;
  }

  beforeAll(async () => {
    ledger = await startLedger({ today: STORY_TODAY });
    const { http } = ledger;

    // A filing refused (nmg.one-per-lead: the lead already leads a consortium).
    const filing = filingBody('nmg-2024-consortium', { lead: unitBody(leads['nmg-2024-consortium']()) });
    expect((await http.post('/v1/consortia', filing, { as: 'officer' })).status).toBe(201);
    const refusedFiling = await ask('filing refused', (headers) =>
      http.post('/v1/consortia', filing, { as: 'officer', headers }),
    );
    expect(refusedFiling.body).toMatchObject({ error: 'rule-violated', rule: 'nmg.one-per-lead' });

    // An approval refused: too few members, no reviews, no public notice.
    const short = filingBody('nmg-2024-consortium', {
      lead: unitBody(leads['nmg-2024-consortium']()),
      members: MEMBERS['nmg-2024-consortium'].slice(0, 5).map(unitBody),
    });
    const filed = await http.post('/v1/consortia', short, { as: 'officer' });
    expect(filed.status).toBe(201);
    const consortiumId: string = filed.body.id;
    const approval = await ask('approval refused', (headers) =>
      http.post(
        `/v1/consortia/${consortiumId}/approval`,
        { on: TIMELINES['nmg-2024-consortium'].approvedOn },
        { as: 'officer', headers },
      ),
    );
    expect(approval.body).toMatchObject({ error: 'rule-violated', rule: 'nmg.members-min' });

    // A grant refused over a cap (liaoning.operating-funds: at most 300万).
    const alliance = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    const grant = {
      consortiumId: alliance.id,
      recipient: alliance.lead.creditCode,
      category: 'liaoning.operating',
      fiscalYear: 2025,
      grantedOn: '2025-11-03',
    };
    const overCap = await ask('grant refused over a cap', (headers) =>
      postGrant(ledger, { ...grant, amount: '4000000' }, headers),
    );
    expect(overCap.status).toBe(422);
    expect(overCap.body).toMatchObject({ rule: 'liaoning.operating-funds' });

    // An Idempotency-Key sent again with another request, and one that is no key.
    const keyed = (key: string, amount: string) => (headers: Record<string, string>) =>
      postGrant(ledger, { ...grant, amount }, { 'idempotency-key': key, ...headers });
    expect((await keyed('no-english-1', '1000000')({})).status).toBe(201);
    const reused = await ask('Idempotency-Key reused', keyed('no-english-1', '2000000'));
    expect(reused.body).toMatchObject({ error: 'idempotency-key-reused' });
    const badKey = await ask('Idempotency-Key that is no key', keyed('has spaces in it', '1000000'));
    expect(badKey.body).toMatchObject({ error: 'invalid-input' });

    // Money movements refused beyond what the grant allows: the movement said in Chinese too (不得拨付, 不得取消).
    const paid = await postGrant(ledger, { ...grant, amount: '1000000' });
    expect(paid.status).toBe(201);
    const subsidy = `/v1/subsidies/${paid.body.id}`;
    const beyondGrant = await ask('a disbursement beyond the grant', (headers) =>
      http.post(
        `${subsidy}/disbursements`,
        { amount: '2000000.00', paidOn: '2025-11-10', voucher: 'PZ-NE-1' },
        { as: 'finance', headers },
      ),
    );
    expect(beyondGrant.body).toMatchObject({ rule: 'ledger.disburse-within-grant' });
    expect(beyondGrant.body.message).toContain('不得拨付');
    const cancelBeyond = await ask('a cancellation beyond the undisbursed', (headers) =>
      http.post(
        `${subsidy}/cancellation`,
        { amount: '2000000.00', on: '2025-11-10', reason: '项目调整' },
        { as: 'finance', headers },
      ),
    );
    expect(cancelBeyond.body).toMatchObject({ rule: 'ledger.cancel-undisbursed' });
    expect(cancelBeyond.body.message).toContain('不得取消');

    // A command refused for the consortium's status (its status said as a word, not a code).
    const again = await ask('approval refused for the status', (headers) =>
      http.post(
        `/v1/consortia/${alliance.id}/approval`,
        { on: TIMELINES['liaoning-2021-alliance'].approvedOn },
        { as: 'officer', headers },
      ),
    );
    expect(again.body).toMatchObject({ error: 'invalid-state' });
    expect(again.body.message).toContain('已生效');

    // A zone's findings: 技术合同成交额 4000万 fails; R&D intensity and growth are "not assessed".
    const zone = await http.post(
      '/v1/zones',
      { policy: 'nmg-2022-zone', name: ZONE_NAME, approvedOn: ISSUE_SCENARIO.approvedOn },
      { as: 'officer' },
    );
    expect(zone.status).toBe(201);
    const finding = await ask('a zone finding', (headers) =>
      http.post(
        `/v1/zones/${zone.body.id}/annual-reports`,
        {
          year: 2024,
          submittedOn: '2024-12-20',
          indicators: { ...FULL_MARKS_INDICATORS_HTTP, techContractTurnover: ISSUE_SCENARIO.failingTurnoverYuan },
        },
        { as: 'officer', headers },
      ),
    );

    expect(finding.status).toBe(201);
    // A 400 of the command app's own validators (an indicator's exact decimals).
    await ask("a command's 400 from its own validators", (headers) =>
      http.post(
        `/v1/zones/${zone.body.id}/annual-reports`,
        { year: 2025, submittedOn: '2025-12-20', indicators: { ...FULL_MARKS_INDICATORS_HTTP, hightechShare: 1.5 } },
        { as: 'officer', headers },
      ),
    );
    const head: number = (await http.get('/health', { as: 'viewer' })).body.log.headPosition;
    await ask('consortium history', (headers) =>
      http.get(`/v1/consortia/${consortiumId}/history?minPosition=${head}`, { as: 'supervisor', headers }),
    );
    await ask('zone history', (headers) =>
      http.get(`/v1/zones/${zone.body.id}/history?minPosition=${head}`, { as: 'supervisor', headers }),
    );
    await ask('reconciliation', (headers) =>
      http.get(`/v1/reconciliation?fiscalYear=2025&minPosition=${head}`, { as: 'finance', headers }),
    );
    const bad = await ask("a projection's own 400", (headers) =>
      http.get(`/v1/consortia/${consortiumId}/history?asOf=yesterday`, { as: 'supervisor', headers }),
    );
    expect(bad.body).toMatchObject({ error: 'invalid-input', details: [{ field: 'asOf' }] });
    await ask('the policy catalogue: interpretations, rule texts, descriptions', async (headers) => {
      const { body } = await http.get('/v1/policies', { as: 'viewer', headers });
      return {
        body: {
          ledgerInterpretations: body.ledgerInterpretations,
          ledgerRules: body.ledgerRules.map(({ text, title }: { text: string; title: string }) => ({ text, title })),
          rules: body.items.flatMap((policy: { rules: Array<{ text: string; title: string }> }) =>
            policy.rules.map(({ text, title }) => ({ text, title })),
          ),
          descriptions: body.items.flatMap((policy: Record<string, any>) => [
            ...policy.parameters.map((p: { description: string }) => p.description),
            ...(policy.funding?.parameters ?? []).map((p: { description: string }) => p.description),
            ...(policy.funding?.categoryDetails ?? []).map((c: { description: string }) => c.description),
          ]),
          // The rows', parameters' and in-force dates' own readings.
          readings: [
            ...body.ledgerRules.map((row: { interpretation?: string }) => row.interpretation),
            ...body.items.flatMap((policy: Record<string, any>) => [
              policy.inForce.interpretation,
              policy.funding?.inForce.interpretation,
              ...policy.rules.map((row: { interpretation?: string }) => row.interpretation),
              ...policy.parameters.map((p: { interpretation?: string }) => p.interpretation),
              ...(policy.funding?.parameters ?? []).map((p: { interpretation?: string }) => p.interpretation),
            ]),
          ].filter((text) => text !== undefined),
        },
      };
    });
    // A statement upload's problems (a bad amount, a bad date).
    await ask('a statement upload refused', async (headers) => {
      const form = new FormData();
      form.append(
        'file',
        new Blob([Buffer.from('凭证号,日期,金额\nPZ-1,2027-04-01,-5\nPZ-2,someday,7\n')]),
        'statement',
      );
      const response = await fetch(`${ledger.url}/v1/reconciliations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKENS.finance}`, ...headers },
        body: form,
      });
      return { status: response.status, body: await response.json() };
    });
    // A grant accepted: its checks and caps (their interpretations are the catalogue's readings), and the funding view.
    const granted = await postGrant(ledger, { ...grant, amount: '2000000' });
    expect(granted.status).toBe(201);
    await ask('a granted subsidy', (headers) =>
      http.get(`/v1/subsidies/${granted.body.id}?minPosition=${granted.body.position}`, { as: 'viewer', headers }),
    );
    await ask('the funding view with its caps', (headers) =>
      http.get(`/v1/funding/${alliance.lead.creditCode}?fiscalYear=2025&minPosition=${granted.body.position}`, {
        as: 'viewer',
        headers,
      }),
    );
    // A 404 names what it did not find: its noun a word, its id as it is.
    const missing = await ask('a subsidy not found', (headers) =>
      http.get('/v1/subsidies/S-404', { as: 'viewer', headers }),
    );
    expect(missing.body).toMatchObject({ error: 'not-found', message: '未找到补助S-404' });
  });
  afterAll(() => ledger?.close());

  it('says no English sentence in any of them', () => {
    expect(answers.map(([what, body]) => [what, englishIn(body)])).toEqual(answers.map(([what]) => [what, []]));
  });

  it('says them in Chinese (the reconciliation has figures and codes only)', () => {
    const CJK = /[\u4e00-\u9fff]/;
    const worded = answers.filter(([what]) => what !== 'reconciliation');
    expect(worded.map(([what, body]) => [what, CJK.test(JSON.stringify(body))])).toEqual(
      worded.map(([what]) => [what, true]),
    );
  });

  it('says English words in English on request (the walk would see them)', () => {
    const withEnglish = englishAnswers.filter(([, body]) => englishIn(body).length > 0).map(([what]) => what);
    expect(withEnglish).toEqual(
      expect.arrayContaining([
        'filing refused',
        'approval refused',
        'approval refused for the status',
        'grant refused over a cap',
        'a zone finding',
        "a projection's own 400",
        "a command's 400 from its own validators",
        'the policy catalogue: interpretations, rule texts, descriptions',
        'a statement upload refused',
      ]),
    );
  });
});
