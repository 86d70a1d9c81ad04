import { enterprise, TIMELINES } from '@ledger/domain/consortium/consortium.fixtures';
import { policyCatalogueView } from '@ledger/presentation';
import { filingBody, unitBody } from './support/consortium-requests';
import { RunningLedger, startLedger } from './support/ledger-test-app';

describe('policies and the dashboard over HTTP', () => {
  let ledger: RunningLedger;

  beforeAll(async () => {
    ledger = await startLedger({ today: '2025-10-01' });
  });
  afterAll(async () => {
    await ledger.close();
  });

  it('lists every policy with its numbers, clauses, dates and Ledger interpretations', async () => {
    const answer = await ledger.http.get('/v1/policies', { as: 'viewer' });
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((p: { id: string }) => p.id)).toEqual([
      'nmg-2024-consortium',
      'luzhou-2024-consortium',
      'liaoning-2021-alliance',
      'tianjin-2018-alliance',
      'nmg-2022-zone',
    ]);
    const nmg = (await ledger.http.get('/v1/policies/nmg-2024-consortium', { as: 'viewer' })).body;
    expect(nmg.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'nmg.members-min',
          citation: '三(三)',
          versions: [expect.objectContaining({ value: 10 })],
        }),
      ]),
    );
    const tianjin = (await ledger.http.get('/v1/policies/tianjin-2018-alliance', { as: 'viewer' })).body;
    expect(tianjin.inForce).toMatchObject({ to: '2020-12-31', citation: '第二十一条' });
    const liaoning = (await ledger.http.get('/v1/policies/liaoning-2021-alliance', { as: 'viewer' })).body;
    const operatingMin = liaoning.funding.parameters.find((p: { name: string }) => p.name === 'operatingMin');
    expect(operatingMin).toMatchObject({
      rule: 'liaoning.operating-funds',
      unit: 'yuan',
      versions: [{ from: '2021-03-01', value: '1000000.00' }],
    });
    expect(operatingMin.interpretation).toContain('[100万, 300万]');
    expect((await ledger.http.get('/v1/policies/beijing-2030', { as: 'viewer' })).status).toBe(404);
  });

  it('serves the catalogue docs/POLICIES.md is rendered from: rules in words, waivable or not, and interpretations', async () => {
    const answer = await ledger.http.get('/v1/policies', { as: 'viewer' });
    expect(answer.body).toEqual(JSON.parse(JSON.stringify(policyCatalogueView())));
    expect(answer.body.catalogueVersion).toBe('2026-12-01');
    const nmg = (await ledger.http.get('/v1/policies/nmg-2024-consortium', { as: 'viewer' })).body;
    expect(nmg.rules).toEqual(
      expect.arrayContaining([
        {
          rule: 'nmg.one-per-lead',
          citation: '三(二)',
          text: 'one lead unit leads at most one consortium',
          waivable: true,
          waiver: { text: '原则上一个牵头单位仅限牵头组建一个联合体', decidedAt: 'filing' },
        },
        expect.objectContaining({ rule: 'nmg.agreement', citation: '三(四)', waivable: false }),
      ]),
    );
    expect(nmg.ledgerInterpretations.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining(['nmg.naming-scripts', 'ledger.waivers']),
    );
    const rules = answer.body.ledgerRules.map((r: { rule: string }) => r.rule);
    expect(rules).toEqual(expect.arrayContaining(['lifecycle.approval', 'ledger.movement-dates']));
    expect(answer.body.ledgerInterpretations).toContainEqual(
      expect.objectContaining({ id: 'ledger.no-future-facts', since: '2026-12-01' }),
    );
  });

  it('counts consortia by policy and status and lists what falls due: notices ending, zone reports', async () => {
    const t = TIMELINES['liaoning-2021-alliance'];
    const filed = await ledger.http.post(
      '/v1/consortia',
      filingBody('liaoning-2021-alliance', { lead: unitBody(enterprise('dalian', 4242)) }),
      { as: 'officer' },
    );
    const id = filed.body.id;
    await ledger.http.post(`/v1/consortia/${id}/reviews`, { ...t.reviews[0], outcome: 'pass' }, { as: 'officer' });
    const notice = await ledger.http.post(
      `/v1/consortia/${id}/public-notice`,
      { startsOn: t.noticeStartsOn },
      { as: 'officer' },
    );
    const zone = await ledger.http.post(
      '/v1/zones',
      { policy: 'nmg-2022-zone', name: '鄂尔多斯高新区', approvedOn: '2023-03-01' },
      { as: 'officer' },
    );
    expect(zone.status).toBe(201);

    const dashboard = await ledger.http.get(`/v1/dashboard?minPosition=${zone.body.position}`, { as: 'viewer' });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.today).toBe('2025-10-01');
    expect(dashboard.body.consortia).toEqual(
      expect.arrayContaining([{ policy: 'liaoning-2021-alliance', status: 'public-notice', count: 1 }]),
    );
    const items = dashboard.body.deadlines.items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subject: 'consortium',
          kind: 'notice-end',
          due: notice.body.endsOn,
          consortiumId: id,
        }),
        expect.objectContaining({ subject: 'zone', zoneId: zone.body.id, rule: 'zone.annual-report-due' }),
      ]),
    );
    const dues = items.map((d: { due: string }) => d.due);
    expect(dues).toEqual([...dues].sort());
    expect((await ledger.http.get('/v1/dashboard', { as: null })).status).toBe(401);
  });
});
