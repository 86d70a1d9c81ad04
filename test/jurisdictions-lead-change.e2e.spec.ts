/**
 * Jurisdictions after a lead change, over real HTTP. INTERPRETATIONS.md, Statement matching and jurisdictions: "a
 * lead change to a unit registered elsewhere moves the consortium (and its subsidies) to that region". A Liaoning
 * alliance led from Shenyang (2101) is granted a subsidy; its lead passes to its Dalian member (2102). From then on the
 * consortium and its subsidies are Dalian's alone: reads of a subsidy and its history, lists and totals, the
 * dashboard's money, the reconciliation, the funding view, exports, the change feed, and the commands on a subsidy
 * (403 from Shenyang, 201 from Dalian). A subsidy is where its consortium's lead is now, not where the lead it was
 * granted under (its responsible unit) is.
 */
import { RunningLedger, startLedger, STORY_TODAY } from './support/ledger-test-app';
import { activeConsortium } from './support/consortium-requests';
import { TOKEN_LIST } from './support/test-tokens';
import { openStream } from './support/event-stream';
import { parseCsv } from './support/subsidy-requests';

const SUP_SHENYANG = { token: 't-sup2101' };
const SUP_DALIAN = { token: 't-sup2102' };
const FIN_SHENYANG = { token: 't-fin2101' };
const FIN_DALIAN = { token: 't-fin2102' };
type Who = { token: string };
const REGION_TOKENS = [
  't-sup2101:sup.sy:supervisor@2101',
  't-sup2102:sup.dl:supervisor@2102',
  't-fin2101:fin.sy:finance@2101',
  't-fin2102:fin.dl:finance+viewer@2102',
].join(',');

/** The reviews' units (real check characters): a Shenyang 盟主, a Shenyang university, a Dalian enterprise. */
const LEAD = { creditCode: '91210100MA00000099', name: '沈阳重型机械有限公司', kind: 'enterprise' };
const UNIVERSITY = { creditCode: '12210100MA0000011N', name: '沈阳工业大学', kind: 'university' };
const DALIAN = { creditCode: '91210200MA0000010K', name: '大连机器人有限公司', kind: 'enterprise' };

let ledger: RunningLedger;
let consortiumId: string;
let subsidyId: string;
let secondSubsidyId: string;
/** The log position every read waits for (minPosition): the last write so far. */
let position: number;

const headPosition = async () => (await ledger.http.get('/health', { as: 'viewer' })).body.log.headPosition as number;
const read = (path: string, who: Who, headers: Record<string, string> = {}) =>
  ledger.http.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`, { ...who, headers });
const idsOf = async (path: string, who: Who) => {
  const answer = await read(path, who);
  expect(answer.status).toBe(200);
  return { ids: answer.body.items.map((item: { id: string }) => item.id).sort(), total: answer.body.total };
};
const disburse = (who: Who, voucher: string, paidOn: string) =>
  ledger.http.post(`/v1/subsidies/${subsidyId}/disbursements`, { amount: '1000', paidOn, voucher }, who);

beforeAll(async () => {
  ledger = await startLedger({
    today: STORY_TODAY,
    acceptLanguage: 'en',
    env: { LEDGER_TOKENS: `${TOKEN_LIST},${REGION_TOKENS}` },
  });
  consortiumId = (
    await activeConsortium(ledger, 'liaoning-2021-alliance', {
      name: '辽宁重型装备实质性产学研联盟',
      lead: LEAD,
      members: [UNIVERSITY, DALIAN],
    })
  ).id;
  const granted = await ledger.http.post(
    '/v1/subsidies',
    {
      consortiumId,
      recipient: LEAD.creditCode,
      category: 'liaoning.operating',
      amount: '1500000',
      fiscalYear: 2025,
      grantedOn: '2025-11-01',
    },
    FIN_SHENYANG,
  );
  expect(granted.status).toBe(201);
  subsidyId = granted.body.id;
  const paid = await disburse(FIN_SHENYANG, 'SY-1', '2025-11-10');
  expect(paid.status).toBe(201);
  position = paid.body.position;
}, 90_000);
afterAll(() => ledger?.close());

describe('before the lead change: Shenyang’s alliance, Shenyang’s subsidy', () => {
  it('reads as Shenyang’s and not Dalian’s', async () => {
    for (const path of [`/v1/consortia/${consortiumId}`, `/v1/subsidies/${subsidyId}`]) {
      expect((await read(path, SUP_SHENYANG)).status).toBe(200);
      expect((await read(path, SUP_DALIAN)).status).toBe(404);
    }
    expect(await idsOf(`/v1/subsidies?consortiumId=${consortiumId}`, SUP_SHENYANG)).toEqual({
      ids: [subsidyId],
      total: 1,
    });
    expect(await idsOf(`/v1/subsidies?consortiumId=${consortiumId}`, SUP_DALIAN)).toEqual({ ids: [], total: 0 });
  });
});

describe('the lead passes to the Dalian member: the consortium and its subsidy move to Dalian', () => {
  it('the change feed brings Dalian the subsidy (at the lead change) and Shenyang nothing of either', async () => {
    const dalian = openStream(`${ledger.url}/v1/stream`, { authorization: `Bearer ${SUP_DALIAN.token}` });
    const shenyang = openStream(`${ledger.url}/v1/stream`, { authorization: `Bearer ${SUP_SHENYANG.token}` });
    try {
      const ready = (all: Array<{ event?: string }>) => all.some((m) => m.event === 'ready');
      await Promise.all([dalian.until(ready), shenyang.until(ready)]);
      const changed = await ledger.http.post(
        `/v1/consortia/${consortiumId}/lead-change`,
        { on: '2025-12-01', newLead: DALIAN },
        { as: 'officer' },
      );
      expect(changed.status).toBe(201);
      position = changed.body.position;

      const hasSubsidy = (all: Array<{ event?: string; data?: any }>) =>
        all.some((m) => m.event === 'change' && m.data.changes.some((c: { id: string }) => c.id === subsidyId));
      await dalian.until(hasSubsidy);
      const heard = dalian
        .changes()
        .flatMap((m) => m.data.changes as Array<{ kind: string; id: string; position: number }>);
      // Both at the LeadChanged event (the command's answer names its last event, a registry of leads' after it).
      const moved = heard.find((change) => change.id === consortiumId)!;
      expect(moved.position).toBeLessThanOrEqual(position);
      expect(heard.filter((change) => change.id === subsidyId)).toEqual([
        expect.objectContaining({ kind: 'subsidy', position: moved.position }),
      ]);
      // A payment afterwards is heard in Dalian; Shenyang, which heard neither, hears nothing of it either.
      const paid = await disburse(FIN_DALIAN, 'DL-0', '2025-12-02');
      expect(paid.status).toBe(201);
      position = paid.body.position;
      await dalian.until((all) => all.some((m) => m.event === 'change' && Number(m.id) === position));
      expect(shenyang.changes()).toEqual([]);
    } finally {
      dalian.close();
      shenyang.close();
    }
  });

  it.each([
    ['consortium', () => `/v1/consortia/${consortiumId}`],
    ['subsidy', () => `/v1/subsidies/${subsidyId}`],
    ['subsidy history', () => `/v1/subsidies/${subsidyId}/history`],
    ['subsidy as of', () => `/v1/subsidies/${subsidyId}?atPosition=${position}`],
    ['subsidy replay', () => `/v1/subsidies/${subsidyId}/replay`],
    ['subsidy diff', () => `/v1/subsidies/${subsidyId}/diff`],
  ])('the %s is Dalian’s (200) and no longer Shenyang’s (404)', async (_case, path) => {
    expect((await read(path(), SUP_DALIAN)).status).toBe(200);
    expect((await read(path(), SUP_SHENYANG)).status).toBe(404);
  });

  it('lists and their totals: the subsidy is Dalian’s, by consortium and in all', async () => {
    const byConsortium = `/v1/subsidies?consortiumId=${consortiumId}`;
    expect(await idsOf(byConsortium, SUP_DALIAN)).toEqual({ ids: [subsidyId], total: 1 });
    expect(await idsOf(byConsortium, SUP_SHENYANG)).toEqual({ ids: [], total: 0 });
    expect(await idsOf('/v1/subsidies', SUP_DALIAN)).toEqual({ ids: [subsidyId], total: 1 });
    expect(await idsOf('/v1/subsidies?fiscalYear=2025', SUP_SHENYANG)).toEqual({ ids: [], total: 0 });
    expect(await idsOf('/v1/consortia', SUP_DALIAN)).toEqual({ ids: [consortiumId], total: 1 });
    expect(await idsOf('/v1/consortia', SUP_SHENYANG)).toEqual({ ids: [], total: 0 });
  });

  it('the dashboard’s money is Dalian’s; Shenyang has none', async () => {
    const dalian = (await read('/v1/dashboard', SUP_DALIAN)).body;
    expect(dalian.money).toEqual([
      expect.objectContaining({
        policy: 'liaoning-2021-alliance',
        fiscalYear: 2025,
        granted: '1500000.00',
        disbursed: '2000.00',
      }),
    ]);
    expect(dalian.consortia).toEqual([{ policy: 'liaoning-2021-alliance', status: 'active', count: 1 }]);
    const shenyang = (await read('/v1/dashboard', SUP_SHENYANG)).body;
    expect(shenyang.money).toEqual([]);
    expect(shenyang.consortia).toEqual([]);
    expect((await read('/v1/dashboard/caps', SUP_SHENYANG)).body.caps).toEqual([]);
  });

  it('the reconciliation and the funding view: Dalian’s lines and sums, none in Shenyang', async () => {
    const dalian = (await read('/v1/reconciliation?fiscalYear=2025', FIN_DALIAN)).body;
    expect(dalian.subsidies.map((line: { id: string }) => line.id)).toEqual([subsidyId]);
    expect(dalian.totals).toMatchObject({ subsidies: 1, granted: '1500000.00', disbursed: '2000.00' });
    const shenyang = (await read('/v1/reconciliation?fiscalYear=2025', FIN_SHENYANG)).body;
    expect(shenyang.subsidies).toEqual([]);
    expect(shenyang.totals).toMatchObject({ subsidies: 0, granted: '0.00' });

    // The recipient is the former 盟主, registered in Shenyang: what decides is its consortium's region now.
    const funding = `/v1/funding/${LEAD.creditCode}?fiscalYear=2025`;
    expect((await read(funding, FIN_DALIAN)).body).toMatchObject({ granted: '1500000.00', disbursed: '2000.00' });
    expect((await read(funding, FIN_SHENYANG)).body).toMatchObject({ granted: '0.00', subsidies: [] });
  });

  it('exports go through the same reads: the CSV of the list is Dalian’s', async () => {
    const rows = async (who: Who) =>
      parseCsv((await read(`/v1/subsidies?consortiumId=${consortiumId}`, who, { accept: 'text/csv' })).text)
        .slice(1)
        .map((row) => row[0]);
    expect(await rows(FIN_DALIAN)).toContain(subsidyId);
    expect(await rows(FIN_SHENYANG)).not.toContain(subsidyId);
  });

  it('a payment from Shenyang is 403 and records nothing; from Dalian it is taken', async () => {
    const head = await headPosition();
    const refused = await disburse(FIN_SHENYANG, 'SY-2', '2025-12-05');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('forbidden');
    expect(refused.body.message).toMatch(new RegExp(`subsidy ${subsidyId} is outside the jurisdiction of fin\\.sy`));
    // In Chinese the record is named in Chinese too, as a 404 names it (补助…), not "subsidy …".
    const inChinese = await ledger.http.post(
      `/v1/subsidies/${subsidyId}/disbursements`,
      { amount: '1000', paidOn: '2025-12-05', voucher: 'SY-2' },
      { ...FIN_SHENYANG, headers: { 'accept-language': 'zh-CN' } },
    );
    expect(inChinese.status).toBe(403);
    expect(inChinese.body.message).toBe(`补助${subsidyId}不在fin.sy的管辖范围内（2101）`);
    expect(await headPosition()).toBe(head);

    const taken = await disburse(FIN_DALIAN, 'DL-1', '2025-12-05');
    expect(taken.status).toBe(201);
    position = taken.body.position;
    expect((await read(`/v1/subsidies/${subsidyId}`, SUP_DALIAN)).body.disbursed).toBe('3000.00');
  });

  it('so is every movement: a cancellation (whose decision reads no consortium) from Shenyang 403, from Dalian 201', async () => {
    const cancel = (who: Who) =>
      ledger.http.post(
        `/v1/subsidies/${subsidyId}/cancellation`,
        { amount: '1000', on: '2025-12-06', reason: '预算调整' },
        who,
      );
    const head = await headPosition();
    const refused = await cancel(FIN_SHENYANG);
    expect(refused.status).toBe(403);
    expect(await headPosition()).toBe(head);
    const taken = await cancel(FIN_DALIAN);
    expect(taken.status).toBe(201);
    position = taken.body.position;
    expect((await read(`/v1/subsidies/${subsidyId}`, SUP_DALIAN)).body.cancelled).toBe('1000.00');
  });

  it('a new grant from Dalian joins the first: by consortium Dalian sees both, Shenyang neither', async () => {
    const granted = await ledger.http.post(
      '/v1/subsidies',
      {
        consortiumId,
        recipient: DALIAN.creditCode,
        category: 'liaoning.operating',
        amount: '1000000',
        fiscalYear: 2026,
        grantedOn: '2026-01-05',
      },
      FIN_DALIAN,
    );
    expect(granted.status).toBe(201);
    secondSubsidyId = granted.body.id;
    position = granted.body.position;
    const byConsortium = `/v1/subsidies?consortiumId=${consortiumId}`;
    expect(await idsOf(byConsortium, SUP_DALIAN)).toEqual({ ids: [subsidyId, secondSubsidyId].sort(), total: 2 });
    expect(await idsOf(byConsortium, SUP_SHENYANG)).toEqual({ ids: [], total: 0 });
    const money = (await read('/v1/dashboard', SUP_DALIAN)).body.money;
    expect(money.map((row: { fiscalYear: number; granted: string }) => [row.fiscalYear, row.granted])).toEqual([
      [2025, '1500000.00'],
      [2026, '1000000.00'],
    ]);
  });

  it('resuming the change feed from the start: both subsidies to Dalian, nothing of the alliance to Shenyang', async () => {
    const resumed = (who: Who) =>
      openStream(`${ledger.url}/v1/stream`, { authorization: `Bearer ${who.token}`, 'last-event-id': '0' });
    const dalian = resumed(SUP_DALIAN);
    const shenyang = resumed(SUP_SHENYANG);
    const ids = (stream: typeof dalian) =>
      stream.changes().flatMap((m) => (m.data.changes as Array<{ id: string }>).map((c) => c.id));
    try {
      // The catch-up: every entity changed since, as it is now, in position order; the second grant comes last.
      await dalian.until(() => ids(dalian).includes(secondSubsidyId));
      expect(ids(dalian)).toEqual(expect.arrayContaining([consortiumId, subsidyId, secondSubsidyId]));
      // Shenyang's catch-up read the same pages at the same time: of this alliance it heard nothing.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(ids(shenyang)).toEqual([]);
    } finally {
      dalian.close();
      shenyang.close();
    }
  });

  it('unscoped users see everything as before', async () => {
    expect(await idsOf(`/v1/subsidies?consortiumId=${consortiumId}`, { token: 'tok-supervisor' })).toEqual({
      ids: [subsidyId, secondSubsidyId].sort(),
      total: 2,
    });
  });
});
