import { enterprise, TIMELINES } from '@ledger/domain/consortium/consortium.fixtures';
import { policyCatalogueView } from '@ledger/presentation';
import { activeConsortium, filingBody, unitBody } from './support/consortium-requests';
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
    expect(answer.body).toEqual(JSON.parse(JSON.stringify(policyCatalogueView('zh'))));
    // docs/POLICIES.md is rendered from the English view.
    const inEnglish = await ledger.http.get('/v1/policies', { as: 'viewer', headers: { 'accept-language': 'en' } });
    expect(inEnglish.body).toEqual(JSON.parse(JSON.stringify(policyCatalogueView('en'))));
    expect(answer.headers.get('vary')).toMatch(/Accept-Language/i);
    expect(answer.body.catalogueVersion).toBe('2026-12-03');
    const nmg = (await ledger.http.get('/v1/policies/nmg-2024-consortium', { as: 'viewer' })).body;
    expect(nmg.rules).toEqual(
      expect.arrayContaining([
        {
          rule: 'nmg.one-per-lead',
          citation: '三(二)',
          // In Chinese a rule's text is its title, the clause's own words.
          text: '原则上一个牵头单位仅限牵头组建一个联合体',
          title: '原则上一个牵头单位仅限牵头组建一个联合体',
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

  it('titles every rule in Chinese, or in English with Accept-Language: en; the stable fields stay as they are', async () => {
    const title = (body: any, rule: string) =>
      body.rules.find((r: { rule: string }) => r.rule === rule) as { rule: string; citation: string; title: string };
    const zh = (await ledger.http.get('/v1/policies/nmg-2024-consortium', { as: 'viewer' })).body;
    expect(title(zh, 'nmg.members-min')).toMatchObject({
      rule: 'nmg.members-min',
      citation: '三(三)',
      title: '成员单位(含牵头单位)原则上不少于10个',
    });
    const en = await ledger.http.get('/v1/policies/nmg-2024-consortium', {
      as: 'viewer',
      headers: { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' },
    });
    expect(title(en.body, 'nmg.members-min')).toMatchObject({
      rule: 'nmg.members-min',
      citation: '三(三)',
      title: 'member units, lead included, at least 10',
      text: 'member units, lead included, at least 10',
    });
    const all = (await ledger.http.get('/v1/policies', { as: 'viewer', headers: { 'accept-language': 'en' } })).body;
    expect(all.ledgerRules.find((r: { rule: string }) => r.rule === 'lifecycle.approval').title).toMatch(/^approval/);
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

  it('answers the same dashboard with its tag (304 to If-None-Match) until a command moves the read models', async () => {
    const first = await ledger.http.get('/v1/dashboard', { as: 'viewer' });
    const etag = first.headers.get('etag') ?? '';
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(etag).toMatch(/^W\/"/);
    const unchanged = await ledger.http.get('/v1/dashboard', { as: 'viewer', headers: { 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);

    const filed = await ledger.http.post('/v1/consortia', filingBody('luzhou-2024-consortium'), { as: 'officer' });
    expect(filed.status).toBe(201);
    const after = await ledger.http.get(`/v1/dashboard?minPosition=${filed.body.position}`, {
      as: 'viewer',
      headers: { 'if-none-match': etag },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const count = (body: { consortia: Array<{ policy: string; status: string; count: number }> }) =>
      body.consortia.find((c) => c.policy === 'luzhou-2024-consortium' && c.status === 'filed')?.count ?? 0;
    expect(count(after.body)).toBe(count(first.body) + 1);
  });

  it('sends the dashboard gzipped to a client that asks for it, as a browser does, and as it is to one that does not', async () => {
    const asked = (encoding: string, more: Record<string, string> = {}) =>
      ledger.http.get('/v1/dashboard', { as: 'viewer', headers: { 'accept-encoding': encoding, ...more } });
    const plain = await asked('identity');
    const gzipped = await asked('gzip, deflate, br');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.body).toEqual(plain.body); // fetch ungzips it
    expect(Number(gzipped.headers.get('content-length'))).toBeLessThan(plain.bytes.length / 2);
    expect(gzipped.headers.get('etag')).toBe(plain.headers.get('etag'));
    expect(gzipped.headers.get('vary')).toMatch(/Accept-Encoding.*Accept-Language/i);
    expect((await asked('gzip;q=0')).headers.get('content-encoding')).toBeNull();

    const unchanged = await asked('gzip', { 'if-none-match': gzipped.headers.get('etag') ?? '' });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('content-encoding')).toBeNull();
  });

  it("shows progress toward the programmes' own targets, per key chain (产业链) under nmg-2024-consortium", async () => {
    const late = await startLedger({ today: '2026-01-05' });
    try {
      const chained = await activeConsortium(late, 'nmg-2024-consortium', { chain: '稀土新材料' });
      const refused = await late.http.post(
        '/v1/consortia',
        filingBody('liaoning-2021-alliance', { chain: '装备制造' }),
        { as: 'officer' },
      );
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([expect.objectContaining({ field: 'chain' })]);
      const answer = await late.http.get(`/v1/dashboard?minPosition=${chained.position}`, { as: 'viewer' });
      expect(answer.body.targets).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            policy: 'nmg-2024-consortium',
            rule: 'nmg.consortia-target',
            citation: '二',
            target: { count: 30, by: '2027-12-31', reading: 'about' },
            count: 1,
            chains: expect.objectContaining({
              rule: 'nmg.chain-coverage',
              perChainMin: 1,
              items: [{ chain: '稀土新材料', count: 1, met: true }],
            }),
          }),
          expect.objectContaining({ policy: 'liaoning-2021-alliance', rule: 'liaoning.alliances-target', count: 0 }),
        ]),
      );
      const state = await late.http.get(`/v1/consortia/${chained.id}`, { as: 'viewer' });
      expect(state.body.chain).toBe('稀土新材料');
    } finally {
      await late.close();
    }
  });
});
