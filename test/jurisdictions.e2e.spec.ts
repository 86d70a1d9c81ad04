/**
 * Jurisdictions (issue 14) over real HTTP on a real SQLite log: tokens scoped in LEDGER_TOKENS after `@` — a Luzhou
 * officer (`@luzhou-2024-consortium`) and a Liaoning one (`@21|liaoning-2021-alliance`: a region prefix and a
 * policy). Commands on another jurisdiction's records are 403 with nothing recorded; its records are 404; lists, the
 * dashboard, the funding view, the reconciliation, statement matching and exports show only the user's jurisdiction;
 * an unscoped token sees all.
 */
import { RunningLedger, startLedger, STORY_TODAY } from './support/ledger-test-app';
import { filingBody } from './support/consortium-requests';
import {
  consortiumWith,
  FundedConsortium,
  leadFactory,
  parseCsv,
  postGrant,
  postSubsidy,
} from './support/subsidy-requests';
import { TOKEN_LIST } from './support/test-tokens';
import { openStream } from './support/event-stream';

const isLuzhouSubsidy = (change: { id: string }) => change.id === luzhouSubsidy;

const LZ = { token: 'tok-lz' };
const LN = { token: 'tok-ln' };
const SCOPED_TOKENS = [
  'tok-lz:officer.lz:officer+finance+supervisor@luzhou-2024-consortium',
  'tok-ln:officer.ln:officer+finance+supervisor@21|liaoning-2021-alliance',
].join(',');

let ledger: RunningLedger;
let luzhou: FundedConsortium;
let liaoning: FundedConsortium;
let luzhouSubsidy: string;
let liaoningSubsidy: string;
let zoneId: string;
let position: number;
const leads = leadFactory(9300);

const headPosition = async () => (await ledger.http.get('/health', { as: 'viewer' })).body.log.headPosition as number;

beforeAll(async () => {
  ledger = await startLedger({
    today: STORY_TODAY,
    acceptLanguage: 'en',
    env: { LEDGER_TOKENS: `${TOKEN_LIST},${SCOPED_TOKENS}` },
  });
  luzhou = await consortiumWith(ledger, 'luzhou-2024-consortium', leads['luzhou-2024-consortium']());
  liaoning = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
  const lz = await postGrant(ledger, {
    consortiumId: luzhou.id,
    recipient: luzhou.lead.creditCode,
    category: 'luzhou.platform',
    amount: '800000',
    platformId: 'LZ-JUR-PF',
    fiscalYear: 2027,
    grantedOn: '2027-03-01',
  });
  const ln = await postGrant(ledger, {
    consortiumId: liaoning.id,
    recipient: liaoning.lead.creditCode,
    category: 'liaoning.talent',
    amount: '1500000',
    fiscalYear: 2027,
    grantedOn: '2027-03-01',
  });
  expect([lz.status, ln.status]).toEqual([201, 201]);
  [luzhouSubsidy, liaoningSubsidy] = [lz.body.id, ln.body.id];
  expect(
    (
      await postSubsidy(ledger, luzhouSubsidy, 'disbursements', {
        amount: '100000',
        paidOn: '2027-04-01',
        voucher: 'LZ-1',
      })
    ).status,
  ).toBe(201);
  const paid = await postSubsidy(ledger, liaoningSubsidy, 'disbursements', {
    amount: '200000',
    paidOn: '2027-04-02',
    voucher: 'LN-1',
  });
  expect(paid.status).toBe(201);
  const zone = await ledger.http.post(
    '/v1/zones',
    { policy: 'nmg-2022-zone', name: '包头稀土高新区科技成果转移转化示范区', approvedOn: '2023-02-01' },
    { as: 'officer' },
  );
  zoneId = zone.body.id;
  position = zone.body.position;
}, 90_000);
afterAll(() => ledger.close());

const read = (path: string, as: { token: string } | { as: 'supervisor' }, headers: Record<string, string> = {}) =>
  ledger.http.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`, { ...as, headers });

describe('commands outside the jurisdiction: 403, nothing recorded', () => {
  it.each<[string, string, () => string, () => Record<string, unknown>]>([
    [
      'renaming a Liaoning alliance',
      'consortium',
      () => `/v1/consortia/${liaoning.id}/rename`,
      () => ({ on: '2027-05-01', name: '改名' }),
    ],
    [
      'filing a Liaoning alliance',
      'consortium',
      () => '/v1/consortia',
      () =>
        filingBody('liaoning-2021-alliance', { lead: { ...leads['liaoning-2021-alliance'](), kind: 'enterprise' } }),
    ],
    [
      'granting to a Liaoning alliance',
      'consortium',
      () => '/v1/subsidies',
      () => ({
        consortiumId: liaoning.id,
        recipient: liaoning.lead.creditCode,
        category: 'liaoning.talent',
        amount: '1000',
        fiscalYear: 2027,
        grantedOn: '2027-05-01',
      }),
    ],
    [
      'paying a Liaoning subsidy',
      'subsidy',
      () => `/v1/subsidies/${liaoningSubsidy}/disbursements`,
      () => ({ amount: '1000', paidOn: '2027-05-01', voucher: 'X' }),
    ],
    [
      'designating a zone',
      'zone',
      () => '/v1/zones',
      () => ({ policy: 'nmg-2022-zone', name: '鄂尔多斯科技成果转移转化示范区', approvedOn: '2023-02-01' }),
    ],
  ])('%s as the Luzhou officer', async (_case, kind, path, body) => {
    const head = await headPosition();
    const answer = await ledger.http.post(path(), body(), LZ);
    expect(answer.status).toBe(403);
    expect(answer.body.error).toBe('forbidden');
    expect(answer.body.message).toMatch(
      new RegExp(`${kind} .* is outside the jurisdiction of officer.lz \\(luzhou-2024-consortium\\)`),
    );
    expect(await headPosition()).toBe(head);
  });

  it('inside it the same commands are taken: the Luzhou officer pays Luzhou, the Liaoning one (region 21) Liaoning', async () => {
    const lz = await ledger.http.post(
      `/v1/subsidies/${luzhouSubsidy}/disbursements`,
      { amount: '1', paidOn: '2027-04-03', voucher: 'LZ-2' },
      LZ,
    );
    expect(lz.status).toBe(201);
    const ln = await ledger.http.post(
      `/v1/consortia/${liaoning.id}/rename`,
      { on: '2027-05-01', name: '辽宁重型装备联盟' },
      LN,
    );
    expect(ln.status).toBe(201);
    position = ln.body.position;
  });
});

describe('reads: only the jurisdiction', () => {
  it.each([
    ['consortium', () => `/v1/consortia/${liaoning.id}`],
    ['consortium history', () => `/v1/consortia/${liaoning.id}/history`],
    ['consortium as of', () => `/v1/consortia/${liaoning.id}?atPosition=${position}`],
    ['consortium replay', () => `/v1/consortia/${liaoning.id}/replay`],
    ['consortium diff', () => `/v1/consortia/${liaoning.id}/diff?to=${position}`],
    ['subsidy', () => `/v1/subsidies/${liaoningSubsidy}`],
    ['subsidy history', () => `/v1/subsidies/${liaoningSubsidy}/history`],
    ['subsidy replay', () => `/v1/subsidies/${liaoningSubsidy}/replay`],
    ['zone', () => `/v1/zones/${zoneId}`],
    ['zone replay', () => `/v1/zones/${zoneId}/replay`],
  ])("another jurisdiction's %s is 404 (and 200 unscoped)", async (_case, path) => {
    expect((await read(path(), LZ)).status).toBe(404);
    expect((await read(path(), { as: 'supervisor' })).status).toBe(200);
  });

  it('the Luzhou officer reads Luzhou records', async () => {
    expect((await read(`/v1/consortia/${luzhou.id}`, LZ)).status).toBe(200);
    expect((await read(`/v1/subsidies/${luzhouSubsidy}/history`, LZ)).status).toBe(200);
  });

  it('lists hold the jurisdiction alone', async () => {
    const ids = async (path: string, as: { token: string } | { as: 'supervisor' }) =>
      (await read(path, as)).body.items.map((item: { id: string }) => item.id).sort();
    expect(await ids('/v1/consortia', LZ)).toEqual([luzhou.id]);
    expect(await ids('/v1/consortia', LN)).toEqual([liaoning.id]);
    expect(await ids('/v1/consortia', { as: 'supervisor' })).toEqual([luzhou.id, liaoning.id].sort());
    expect(await ids('/v1/subsidies', LZ)).toEqual([luzhouSubsidy]);
    expect((await read('/v1/subsidies', LN)).body.total).toBe(1);
    expect(await ids('/v1/zones', LZ)).toEqual([]);
    expect(await ids('/v1/zones', { as: 'supervisor' })).toEqual([zoneId]);
  });

  it('the live stream (GET /v1/stream) carries the jurisdiction alone, funding boundaries to nobody scoped', async () => {
    const stream = openStream(`${ledger.url}/v1/stream`, {
      authorization: `Bearer ${LZ.token}`,
      'last-event-id': '0',
    });
    try {
      await stream.until((all) => all.some((m) => m.event === 'change' && m.data.changes.some(isLuzhouSubsidy)));
      const seen = stream.changes().flatMap((m) => m.data.changes as Array<{ kind: string; id: string }>);
      expect(seen.map((c) => c.id)).toEqual(expect.arrayContaining([luzhou.id, luzhouSubsidy]));
      expect(seen.map((c) => c.id)).not.toEqual(expect.arrayContaining([liaoning.id]));
      expect(seen.map((c) => c.id)).not.toContain(liaoningSubsidy);
      expect(seen.map((c) => c.id)).not.toContain(zoneId);
      expect(seen.filter((c) => c.kind === 'funding-boundary' || c.kind === 'funding')).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it('the dashboard counts and sums the jurisdiction alone', async () => {
    const lz = (await read('/v1/dashboard', LZ)).body;
    expect(lz.consortia).toEqual([{ policy: 'luzhou-2024-consortium', status: 'active', count: 1 }]);
    expect(lz.zones).toEqual([]);
    expect(lz.money).toEqual([
      expect.objectContaining({
        policy: 'luzhou-2024-consortium',
        fiscalYear: 2027,
        granted: '800000.00',
        disbursed: '100001.00',
      }),
    ]);
    const all = (await read('/v1/dashboard', { as: 'supervisor' })).body;
    expect(all.consortia.map((row: { policy: string }) => row.policy).sort()).toEqual([
      'liaoning-2021-alliance',
      'luzhou-2024-consortium',
    ]);
    expect(all.zones).toHaveLength(1);
  });

  it('the reconciliation: lines and totals of the jurisdiction', async () => {
    const report = (await read('/v1/reconciliation?fiscalYear=2027', LN)).body;
    expect(report.jurisdiction).toBe('liaoning-2021-alliance|21');
    expect(report.subsidies.map((line: { id: string }) => line.id)).toEqual([liaoningSubsidy]);
    expect(report.totals).toMatchObject({ subsidies: 1, granted: '1500000.00', disbursed: '200000.00' });
    const all = (await read('/v1/reconciliation?fiscalYear=2027', { as: 'supervisor' })).body;
    expect(all.totals).toMatchObject({ subsidies: 2, granted: '2300000.00' });
  });

  it("the funding view of another jurisdiction's recipient shows nothing of it", async () => {
    const other = (await read(`/v1/funding/${liaoning.lead.creditCode}?fiscalYear=2027`, LZ)).body;
    expect(other).toMatchObject({ granted: '0.00', subsidies: [] });
    const own = (await read(`/v1/funding/${liaoning.lead.creditCode}?fiscalYear=2027`, LN)).body;
    expect(own).toMatchObject({ granted: '1500000.00' });
  });

  it('exports go through the same reads: the subsidy list as CSV holds the jurisdiction alone', async () => {
    const csv = parseCsv((await read('/v1/subsidies', LZ, { accept: 'text/csv' })).text);
    const ids = csv.slice(1).map((row) => row[0]);
    expect(ids).toContain(luzhouSubsidy);
    expect(ids).not.toContain(liaoningSubsidy);
  });
});

describe('statement matching within a jurisdiction', () => {
  const statement = Buffer.from('凭证号,日期,金额\nLZ-1,2027-04-01,100000\nLN-1,2027-04-02,200000\n');
  const post = async (token: string) => {
    const form = new FormData();
    form.append('file', new Blob([statement]), 'statement.csv');
    const response = await fetch(`${ledger.url}/v1/reconciliations?minPosition=${position}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it("compares the jurisdiction's disbursements alone, records the jurisdiction, and hides the run from others", async () => {
    const lz = await post(LZ.token);
    expect(lz.status).toBe(201);
    expect(lz.body.jurisdiction).toEqual(['luzhou-2024-consortium']);
    expect(lz.body.counts).toMatchObject({ matched: 1, onlyInStatement: 1, onlyInLedger: 0 });
    expect((await ledger.http.get(`/v1/reconciliations/${lz.body.id}`, LZ)).status).toBe(200);
    expect((await ledger.http.get(`/v1/reconciliations/${lz.body.id}`, LN)).status).toBe(404);
    expect((await ledger.http.get(`/v1/reconciliations/${lz.body.id}`, { as: 'supervisor' })).status).toBe(200);
    const head = await headPosition();
    const resolve = await ledger.http.post(
      `/v1/reconciliations/${lz.body.id}/resolutions`,
      { item: 2, note: '辽宁的' },
      LN,
    );
    expect(resolve.status).toBe(403);
    expect(await headPosition()).toBe(head);
    const all = await post('tok-finance');
    expect(all.body.counts).toMatchObject({ matched: 2, onlyInStatement: 0 });
    expect((await ledger.http.get(`/v1/reconciliations/${all.body.id}`, LZ)).status).toBe(404);
  });
});
