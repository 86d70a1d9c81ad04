/**
 * Demonstration zones (nmg-2022-zone) end to end: real HTTP through the whole ledger, commands → log → projections →
 * queries. The ledger's clock is pinned to 2028-01-10 so the issue's 2027 dates are in the past.
 */
import { FULL_MARKS_INDICATORS_HTTP, ISSUE_SCENARIO, ZONE_NAME } from '@ledger/domain/zone/zone.fixtures';
import { ACTORS, RunningLedger, startLedger } from './support/ledger-test-app';

const TODAY = '2028-01-10';
const officer = { as: 'officer' } as const;
const viewer = { as: 'viewer' } as const;

let ledger: RunningLedger;
beforeAll(async () => {
  ledger = await startLedger({ today: TODAY, acceptLanguage: 'en' });
});
afterAll(() => ledger.close());

const designate = (body: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  ledger.http.post(
    '/v1/zones',
    { policy: 'nmg-2022-zone', name: ZONE_NAME, approvedOn: ISSUE_SCENARIO.approvedOn, ...body },
    { ...officer, headers },
  );

const report = (zoneId: string, year: number, submittedOn: string, indicators: Record<string, unknown> = {}) =>
  ledger.http.post(
    `/v1/zones/${zoneId}/annual-reports`,
    { year, submittedOn, indicators: { ...FULL_MARKS_INDICATORS_HTTP, ...indicators } },
    officer,
  );

const evaluate = (zoneId: string, on: string, grade: string) =>
  ledger.http.post(`/v1/zones/${zoneId}/evaluations`, { on, grade }, officer);

const headPosition = async (): Promise<number> =>
  (await ledger.http.get('/health', { as: 'viewer' })).body.log.headPosition;

const listZones = async (query: string, minPosition: number) => {
  const answer = await ledger.http.get(`/v1/zones?${query}&minPosition=${minPosition}`, viewer);
  expect(answer.status).toBe(200);
  return answer.body.items as Array<Record<string, any>>;
};

const findingOf = (findings: Array<Record<string, any>>, indicator: string) =>
  findings.find((f) => f.indicator === indicator);

describe('the issue: a zone approved 2022-12-01, unqualified in 2025 and again after rectification', () => {
  let zoneId: string;
  let position: number;

  it('designates the zone: 201, active, with its id and log position', async () => {
    const answer = await designate();
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      status: 'active',
      policy: 'nmg-2022-zone',
      name: ZONE_NAME,
      approvedOn: '2022-12-01',
      recommendedForNational: false,
    });
    expect(answer.body.decisions).toEqual([
      { type: 'ZoneDesignated', rule: 'zone.in-force', citation: '发布时间 2022-11-14' },
    ]);
    expect(answer.body.position).toBeGreaterThan(0);
    ({ id: zoneId, position } = answer.body);
  });

  it('is due for evaluation in 2025, on the third anniversary of approval (zone.evaluation-cycle 六(四)), and not in 2024', async () => {
    const due2025 = (await listZones('dueInYear=2025', position)).find((z) => z.id === zoneId);
    expect(due2025).toMatchObject({ status: 'active', approvedOn: '2022-12-01' });
    expect(due2025?.evaluationsDue).toEqual([
      { kind: 'evaluation', due: ISSUE_SCENARIO.firstEvaluationDue, rule: 'zone.evaluation-cycle', citation: '六(四)' },
    ]);
    expect((await listZones('dueInYear=2024', position)).map((z) => z.id)).not.toContain(zoneId);
  });

  it('judges a report with 技术合同成交额 4000万 as failing zone.tech-contract-turnover, every other indicator passing', async () => {
    const answer = await report(zoneId, 2024, '2024-12-20', {
      techContractTurnover: ISSUE_SCENARIO.failingTurnoverYuan,
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      status: 'active',
      year: 2024,
      due: '2024-12-31',
      late: false,
      corrected: false,
      passed: false,
    });
    const findings = answer.body.findings;
    // The ten indicators of 附件2, then zone.rd-intensity (四(三)) and zone.growth (四(二), count and turnover): no
    // R&D figures, no regional average and no previous report here, so those three are "not assessed".
    expect(findings).toHaveLength(13);
    expect(
      findings.filter((f: { assessed?: boolean }) => f.assessed === false).map((f: { rule: string }) => f.rule),
    ).toEqual(['zone.rd-intensity', 'zone.growth', 'zone.growth']);
    expect(findingOf(findings, 'techContractTurnover')).toMatchObject({
      rule: 'zone.tech-contract-turnover',
      citation: '附件2 序号1; 四(二)',
      ok: false,
      threshold: '50000000.00',
      value: '40000000.00',
      unit: 'yuan',
    });
    expect(
      findings
        .filter((f: { ok: boolean; assessed?: boolean }) => !f.ok && f.assessed !== false)
        .map((f: { rule: string }) => f.rule),
    ).toEqual(['zone.tech-contract-turnover']);
    expect(findingOf(findings, 'highValuePatentsPer10k')).toMatchObject({
      rule: 'zone.high-value-patents',
      threshold: '1.50',
      value: '1.60',
      ok: true,
    });
    expect(findingOf(findings, 'hightechShare')).toMatchObject({
      rule: 'zone.hightech-share',
      threshold: '0.30',
      value: '0.35',
      ok: true,
    });
    expect(findingOf(findings, 'specialFund')).toMatchObject({
      rule: 'zone.special-fund',
      threshold: true,
      value: true,
      ok: true,
    });
    expect(answer.body.decisions).toEqual([
      { type: 'AnnualReportSubmitted', rule: 'zone.annual-report-due', citation: '六(四)' },
    ]);
  });

  it('refuses an evaluation before the zone has been approved 3 years (满3年), the day before included: 422 zone.evaluation-cycle, nothing recorded', async () => {
    const before = await headPosition();
    for (const on of ['2025-09-01', '2025-11-30']) {
      const answer = await evaluate(zoneId, on, 'qualified');
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ error: 'rule-violated', rule: 'zone.evaluation-cycle', citation: '六(四)' });
      expect(answer.body.message).toContain('the next is due on 2025-12-01 and is accepted from 2025-12-01');
    }
    expect(await headPosition()).toBe(before);
  });

  it('puts the zone in rectification until 2027-12-10 when unqualified on 2025-12-10 (zone.rectification 七(三))', async () => {
    const answer = await evaluate(zoneId, ISSUE_SCENARIO.unqualifiedOn, 'unqualified');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      status: 'rectification',
      rectificationUntil: ISSUE_SCENARIO.rectificationUntil,
      recommendedForNational: false,
      evaluation: {
        on: '2025-12-10',
        grade: 'unqualified',
        kind: 'cycle',
        cycle: { number: 1, due: '2025-12-01', opens: '2025-12-01' },
        nextDue: '2027-12-10',
      },
    });
    expect(answer.body.decisions).toEqual([
      { type: 'ZoneEvaluated', rule: 'zone.evaluation-cycle', citation: '六(四)' },
      { type: 'ZoneRectificationStarted', rule: 'zone.rectification', citation: '七(三)' },
    ]);
    const due2027 = (await listZones('dueInYear=2027&status=rectification', answer.body.position)).find(
      (z) => z.id === zoneId,
    );
    expect(due2027?.evaluationsDue).toEqual([
      { kind: 'rectification-end', due: '2027-12-10', rule: 'zone.rectification', citation: '七(三)' },
    ]);
  });

  it('refuses any evaluation before the rectification ends, even qualified: 422 zone.rectification, nothing recorded', async () => {
    const before = await headPosition();
    for (const grade of ['excellent', 'qualified', 'unqualified']) {
      const answer = await evaluate(zoneId, '2027-12-09', grade);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ error: 'rule-violated', rule: 'zone.rectification', citation: '七(三)' });
      expect(answer.body.message).toContain('no evaluation ends it early');
    }
    expect(await headPosition()).toBe(before);
  });

  it('removes the zone when still unqualified on 2027-12-15, after the rectification period (zone.removal 七(三))', async () => {
    const answer = await evaluate(zoneId, ISSUE_SCENARIO.unqualifiedAgainOn, 'unqualified');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      status: 'removed',
      evaluation: { on: '2027-12-15', grade: 'unqualified', kind: 'rectification-end' },
      removed: { on: '2027-12-15', rule: 'zone.removal', citation: '七(三)' },
    });
    expect(answer.body.rectificationUntil).toBeUndefined();
    expect(answer.body.decisions.map((d: { type: string }) => d.type)).toEqual(['ZoneEvaluated', 'ZoneRemoved']);
    position = answer.body.position;
  });

  it('a removed zone accepts no further command: 422 invalid-state citing the removal, nothing recorded', async () => {
    const before = await headPosition();
    for (const answer of [
      await report(zoneId, 2027, '2027-12-20'),
      await evaluate(zoneId, '2027-12-20', 'excellent'),
    ]) {
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ error: 'invalid-state', rule: 'zone.removal', citation: '七(三)' });
      expect(answer.body.message).toContain('removed');
    }
    expect(await headPosition()).toBe(before);
  });

  it('shows the removed zone with its report in yuan and owes nothing more', async () => {
    const answer = await ledger.http.get(`/v1/zones/${zoneId}?minPosition=${position}`, viewer);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: zoneId,
      status: 'removed',
      removed: { on: '2027-12-15', rule: 'zone.removal' },
      nextDeadlines: [],
    });
    expect(answer.body.reports).toHaveLength(1);
    expect(answer.body.reports[0]).toMatchObject({
      year: 2024,
      passed: false,
      indicators: { techContractTurnover: '40000000.00', highValuePatentsPer10k: '1.60', hightechShare: '0.35' },
    });
    expect(answer.body.rectifications).toEqual([
      { from: '2025-12-10', until: '2027-12-10', ended: { on: '2027-12-15', outcome: 'removed' } },
    ]);
    expect(answer.body.evaluations.map((e: { grade: string }) => e.grade)).toEqual(['unqualified', 'unqualified']);
    expect((await listZones('status=removed', position)).map((z) => z.id)).toContain(zoneId);
    expect((await listZones('status=active', position)).map((z) => z.id)).not.toContain(zoneId);
  });

  it('gives supervisors the audit trail: every event with actor, position and the rule/citation behind it', async () => {
    const answer = await ledger.http.get(`/v1/zones/${zoneId}/history?minPosition=${position}`, { as: 'supervisor' });
    expect(answer.status).toBe(200);
    const events = answer.body.events as Array<Record<string, any>>;
    expect(events.map((e) => [e.type, e.rule, e.citation])).toEqual([
      ['ZoneDesignated', 'zone.in-force', '发布时间 2022-11-14'],
      ['AnnualReportSubmitted', 'zone.annual-report-due', '六(四)'],
      ['ZoneEvaluated', 'zone.evaluation-cycle', '六(四)'],
      ['ZoneRectificationStarted', 'zone.rectification', '七(三)'],
      ['ZoneEvaluated', 'zone.rectification', '七(三)'],
      ['ZoneRemoved', 'zone.removal', '七(三)'],
    ]);
    expect(events.every((e) => e.actor === ACTORS.officer && typeof e.recordedAt === 'string')).toBe(true);
    expect(events.map((e) => e.position)).toEqual([...events.map((e) => e.position)].sort((a, b) => a - b));
    expect(events[1].data.indicators.techContractTurnover).toBe('40000000.00');
    expect(findingOf(events[1].data.findings, 'techContractTurnover')).toMatchObject({
      ok: false,
      threshold: '50000000.00',
    });
    expect((await ledger.http.get(`/v1/zones/${zoneId}/history`, viewer)).status).toBe(403);
  });
});

describe("the review's case: a zone approved 2022-11-14 is not evaluated before 满3年 (zone.evaluation-cycle 六(四))", () => {
  let zoneId: string;
  beforeAll(async () => {
    zoneId = (await designate({ name: '赤峰科技成果转移转化示范区', approvedOn: '2022-11-14' })).body.id;
  });

  it('refuses an unqualified evaluation on 2025-08-14 (422 zone.evaluation-cycle): no rectification, nothing recorded', async () => {
    const before = await headPosition();
    const answer = await evaluate(zoneId, '2025-08-14', 'unqualified');
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      error: 'rule-violated',
      rule: 'zone.evaluation-cycle',
      citation: '六(四)',
      details: [{ cycle: { number: 1, due: '2025-11-14', opens: '2025-11-14' } }],
    });
    expect(await headPosition()).toBe(before);
    const zone = await ledger.http.get(`/v1/zones/${zoneId}?minPosition=${before}`, viewer);
    expect(zone.body).toMatchObject({ status: 'active', evaluations: [] });
  });

  it('takes it on the third anniversary, 2025-11-14: 201, in rectification until 2027-11-14', async () => {
    const answer = await evaluate(zoneId, '2025-11-14', 'unqualified');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      status: 'rectification',
      rectificationUntil: '2027-11-14',
      evaluation: { cycle: { number: 1, due: '2025-11-14', opens: '2025-11-14' } },
    });
  });
});

describe('evaluation cycles: one per cycle, each from its due date on (zone.evaluation-cycle 六(四))', () => {
  let zoneId: string;
  beforeAll(async () => {
    zoneId = (await designate({ name: '锡林郭勒科技成果转移转化示范区', approvedOn: '2023-02-01' })).body.id;
  });

  it('takes an evaluation from the due date on as that cycle, naming it and the next due date', async () => {
    const early = await evaluate(zoneId, '2025-11-01', 'qualified');
    expect(early.status).toBe(422);
    expect(early.body.message).toContain('is accepted from 2026-02-01');
    const answer = await evaluate(zoneId, '2026-02-01', 'qualified');
    expect(answer.status).toBe(201);
    expect(answer.body.evaluation).toEqual({
      on: '2026-02-01',
      grade: 'qualified',
      kind: 'cycle',
      cycle: { number: 1, due: '2026-02-01', opens: '2026-02-01' },
      nextDue: '2029-02-01',
    });
    const detail = await ledger.http.get(`/v1/zones/${zoneId}?minPosition=${answer.body.position}`, viewer);
    expect(detail.body.nextDeadlines.filter((d: { kind: string }) => d.kind === 'evaluation')).toEqual([]);
  });

  it('refuses a second evaluation in the same cycle: 422 zone.evaluation-cycle, nothing recorded', async () => {
    const before = await headPosition();
    const answer = await evaluate(zoneId, '2026-03-01', 'excellent');
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: 'rule-violated', rule: 'zone.evaluation-cycle', citation: '六(四)' });
    expect(answer.body.message).toContain('one evaluation per cycle');
    expect(await headPosition()).toBe(before);
  });
});

describe('a rectification judged when it ends (zone.rectification 七(三)): restored, the next evaluation 3 years later', () => {
  let zoneId: string;
  let position: number;
  beforeAll(async () => {
    zoneId = (await designate({ name: '乌兰察布科技成果转移转化示范区', approvedOn: '2022-12-20' })).body.id;
    const unqualified = await evaluate(zoneId, '2025-12-20', 'unqualified');
    expect(unqualified.body).toMatchObject({ status: 'rectification', rectificationUntil: '2027-12-20' });
  });

  it('refuses a qualified evaluation before the end: the two years are not cut short', async () => {
    const answer = await evaluate(zoneId, '2026-12-20', 'qualified');
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: 'rule-violated', rule: 'zone.rectification' });
  });

  it('restores the zone with the qualified evaluation at the end; the next is due 3 years after it', async () => {
    const answer = await evaluate(zoneId, '2027-12-22', 'qualified');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      status: 'active',
      evaluation: { on: '2027-12-22', grade: 'qualified', kind: 'rectification-end', nextDue: '2030-12-22' },
    });
    expect(answer.body.decisions).toEqual([
      { type: 'ZoneEvaluated', rule: 'zone.rectification', citation: '七(三)' },
      { type: 'ZoneRectified', rule: 'zone.rectification', citation: '七(三)' },
    ]);
    position = answer.body.position;
  });

  it('lists it as due in 2030, not in 2028 (the cycles of its approval no longer count)', async () => {
    expect((await listZones('dueInYear=2028', position)).map((z) => z.id)).not.toContain(zoneId);
    const due = (await listZones('dueInYear=2030', position)).find((z) => z.id === zoneId);
    expect(due?.evaluationsDue).toEqual([
      { kind: 'evaluation', due: '2030-12-22', rule: 'zone.evaluation-cycle', citation: '六(四)' },
    ]);
  });

  it('refuses an evaluation before the third anniversary of the restoring evaluation: 422 zone.evaluation-cycle', async () => {
    const answer = await evaluate(zoneId, '2028-01-10', 'qualified');
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: 'rule-violated', rule: 'zone.evaluation-cycle' });
    expect(answer.body.message).toContain('the next is due on 2030-12-22 and is accepted from 2030-12-22');
  });
});

describe('annual reports: reportMissingFor= and lateness (zone.annual-report-due 六(四))', () => {
  let zoneId: string;
  let position: number;

  beforeAll(async () => {
    zoneId = (await designate({ name: '鄂尔多斯科技成果转移转化示范区', approvedOn: '2023-03-01' })).body.id;
    expect((await report(zoneId, 2023, '2023-12-20')).body.late).toBe(false);
    const late = await report(zoneId, 2025, '2026-01-15');
    expect(late.body).toMatchObject({ year: 2025, due: '2025-12-31', late: true, passed: true });
    position = late.body.position;
  });

  it('lists a zone whose report for a past year is missing, naming the due date', async () => {
    const missing = (await listZones('reportMissingFor=2024', position)).find((z) => z.id === zoneId);
    expect(missing?.reportMissing).toEqual({
      year: 2024,
      due: '2024-12-31',
      rule: 'zone.annual-report-due',
      citation: '六(四)',
    });
  });

  it('does not list it for years it reported (even late), nor before its approval year', async () => {
    for (const year of [2022, 2023, 2025]) {
      expect((await listZones(`reportMissingFor=${year}`, position)).map((z) => z.id)).not.toContain(zoneId);
    }
  });

  it('combines with the status filter', async () => {
    expect((await listZones('reportMissingFor=2024&status=active', position)).map((z) => z.id)).toContain(zoneId);
    expect((await listZones('reportMissingFor=2024&status=rectification', position)).map((z) => z.id)).not.toContain(
      zoneId,
    );
  });

  it('lists what the zone owes among its next deadlines, overdue ones included', async () => {
    const answer = await ledger.http.get(`/v1/zones/${zoneId}?minPosition=${position}`, viewer);
    expect(answer.body.nextDeadlines).toEqual(
      expect.arrayContaining([
        {
          kind: 'annual-report',
          year: 2024,
          due: '2024-12-31',
          overdue: true,
          rule: 'zone.annual-report-due',
          citation: '六(四)',
        },
        { kind: 'evaluation', due: '2026-03-01', overdue: true, rule: 'zone.evaluation-cycle', citation: '六(四)' },
        {
          kind: 'annual-report',
          year: 2028,
          due: '2028-12-31',
          overdue: false,
          rule: 'zone.annual-report-due',
          citation: '六(四)',
        },
      ]),
    );
  });

  it('takes a second report for a year as a correction', async () => {
    const answer = await report(zoneId, 2025, '2026-01-20', { brokers: 8 });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ corrected: true, late: true, passed: false });
    expect(findingOf(answer.body.findings, 'brokers')).toMatchObject({
      rule: 'zone.brokers',
      ok: false,
      value: 8,
      threshold: 10,
    });
  });
});

describe('excellent → recommended for national level (zone.excellent-recommend 七(三))', () => {
  it('marks the zone recommended and keeps it active', async () => {
    const zoneId = (await designate({ name: '呼和浩特科技成果转移转化示范区', approvedOn: '2022-11-20' })).body.id;
    const answer = await evaluate(zoneId, '2025-11-20', 'excellent');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'active', recommendedForNational: true });
    expect(answer.body.decisions).toContainEqual({
      type: 'ZoneRecommendedForNational',
      rule: 'zone.excellent-recommend',
      citation: '七(三)',
    });
    const detail = await ledger.http.get(`/v1/zones/${zoneId}?minPosition=${answer.body.position}`, viewer);
    expect(detail.body).toMatchObject({ recommendedForNational: true, recommendedForNationalOn: ['2025-11-20'] });
  });

  it('accepts the combined indicators as their parts and sums them', async () => {
    const zoneId = (await designate({ name: '赤峰科技成果转移转化示范区' })).body.id;
    const answer = await report(zoneId, 2023, '2023-12-01', {
      transferInstitutions: { national: 2, regional: 3, universityAndInstitute: 4, other: 1 },
      financingInstitutions: { investmentAndFinancing: 1, makerSpaces: 2, incubators: 3, otherPlatforms: 1 },
    });
    expect(answer.status).toBe(201);
    expect(findingOf(answer.body.findings, 'transferInstitutions')).toMatchObject({
      ok: true,
      value: 10,
      parts: { national: 2, regional: 3, universityAndInstitute: 4, other: 1 },
    });
    expect(findingOf(answer.body.findings, 'financingInstitutions')).toMatchObject({
      ok: false,
      value: 7,
      threshold: 10,
    });
  });
});

describe("zone.rd-intensity (四(三)): R&D spending / park GDP above the region's average, recorded by an admin", () => {
  let zoneId: string;
  const admin = { as: 'admin' } as const;
  const recordAverage = (body: Record<string, unknown>, as: { as: 'admin' | 'officer' } = admin) =>
    ledger.http.post('/v1/zones/regional-averages', body, as);
  /** 1.25% of a park GDP of 1亿元. */
  const RD_FIGURES = { rdSpending: '1250000.00', parkGdp: '100000000.00' };

  beforeAll(async () => {
    zoneId = (await designate({ name: '阿拉善高新区科技成果转移转化示范区', approvedOn: '2023-05-01' })).body.id;
  });

  it('a report before any average for its year: the finding is "not assessed", saying why; the report is recorded', async () => {
    const answer = await report(zoneId, 2026, '2026-12-20', RD_FIGURES);
    expect(answer.status).toBe(201);
    expect(answer.body.passed).toBe(true);
    expect(findingOf(answer.body.findings, 'rdIntensity')).toMatchObject({
      rule: 'zone.rd-intensity',
      citation: '四(三)',
      ok: false,
      assessed: false,
      value: '0.0125',
      threshold: null,
      unit: 'share',
      comparison: 'above',
      detail: expect.stringContaining('no regional average for 2026 was recorded when the report was'),
    });
  });

  it('only an admin records the average (403 for an officer), nothing recorded', async () => {
    const before = await headPosition();
    const answer = await recordAverage({ year: 2026, rdIntensity: 0.0093 }, officer);
    expect(answer.status).toBe(403);
    expect(await headPosition()).toBe(before);
  });

  it.each([
    ['an average of 0', { year: 2026, rdIntensity: 0 }, 'rdIntensity'],
    ['an average above 1', { year: 2026, rdIntensity: 1.5 }, 'rdIntensity'],
    ['more than 6 decimals', { year: 2026, rdIntensity: 0.00931234 }, 'rdIntensity'],
    ['an average as a string', { year: 2026, rdIntensity: '0.0093' }, 'rdIntensity'],
    ['a year that has not begun', { year: 2029, rdIntensity: 0.0093 }, 'year'],
    ['no year', { rdIntensity: 0.0093 }, 'year'],
  ])('refuses %s: 400 naming the field, nothing recorded', async (_why, body, field) => {
    const before = await headPosition();
    const answer = await recordAverage(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid-input');
    expect(answer.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await headPosition()).toBe(before);
  });

  it('records the average for a year: 201 with the value and the rule it serves', async () => {
    const answer = await recordAverage({ year: 2026, rdIntensity: 0.0093, source: '2026年全区科技经费投入统计公报' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ year: 2026, rdIntensity: '0.0093', source: '2026年全区科技经费投入统计公报' });
    expect(answer.body.decisions).toEqual([
      { type: 'RegionalAverageRecorded', rule: 'zone.rd-intensity', citation: '四(三)' },
    ]);
    const list = await ledger.http.get(`/v1/zones/regional-averages?minPosition=${answer.body.position}`, viewer);
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual({
      year: 2026,
      rdIntensity: '0.0093',
      source: '2026年全区科技经费投入统计公报',
      revisions: ['0.0093'],
    });
  });

  it('the earlier report keeps its "not assessed" finding: an average recorded later does not judge it again', async () => {
    const detail = await ledger.http.get(`/v1/zones/${zoneId}?minPosition=${await headPosition()}`, viewer);
    const reported = detail.body.reports.find((r: { year: number }) => r.year === 2026);
    expect(findingOf(reported.findings, 'rdIntensity')).toMatchObject({ assessed: false, threshold: null });
  });

  it('a report (here a correction) recorded after the average is judged on it: 1.25% above 0.93% passes', async () => {
    const answer = await report(zoneId, 2026, '2026-12-28', RD_FIGURES);
    expect(answer.status).toBe(201);
    expect(answer.body.corrected).toBe(true);
    expect(findingOf(answer.body.findings, 'rdIntensity')).toEqual({
      indicator: 'rdIntensity',
      rule: 'zone.rd-intensity',
      citation: '四(三)',
      ok: true,
      threshold: '0.0093',
      value: '0.0125',
      unit: 'share',
      comparison: 'above',
      detail:
        "园区研发经费投入强度 1.25% (1250000.00 / 100000000.00 元); above the region's average for 2026, 0.93%, required",
    });
  });

  it('fails below the average; the indicators show the figures in yuan', async () => {
    const answer = await report(zoneId, 2026, '2026-12-29', { rdSpending: '500000', parkGdp: '100000000' });
    expect(findingOf(answer.body.findings, 'rdIntensity')).toMatchObject({ ok: false, value: '0.005' });
    expect(answer.body.passed).toBe(false);
    const detail = await ledger.http.get(`/v1/zones/${zoneId}?minPosition=${answer.body.position}`, viewer);
    const reported = detail.body.reports.find((r: { year: number }) => r.year === 2026);
    expect(reported.indicators).toMatchObject({ rdSpending: '500000.00', parkGdp: '100000000.00' });
  });

  it.each([
    ['R&D spending without park GDP', { rdSpending: '1000' }, 'indicators.parkGdp'],
    ['park GDP without R&D spending', { parkGdp: '1000' }, 'indicators.rdSpending'],
    ['a park GDP of zero', { rdSpending: '0', parkGdp: '0' }, 'indicators.parkGdp'],
    ['R&D spending as a number', { rdSpending: 1000, parkGdp: '1000' }, 'indicators.rdSpending'],
  ])('refuses %s: 400 naming the field, nothing recorded', async (_why, indicators, field) => {
    const before = await headPosition();
    const answer = await report(zoneId, 2026, '2026-12-30', indicators);
    expect(answer.status).toBe(400);
    expect(answer.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    expect(await headPosition()).toBe(before);
  });
});

describe("zone.growth (四(二)): technology contracts' number and turnover above the previous year's report", () => {
  let zoneId: string;
  beforeAll(async () => {
    zoneId = (await designate({ name: '巴彦淖尔农业科技园区科技成果转移转化示范区', approvedOn: '2023-06-01' })).body
      .id;
  });

  it('the first report has no previous one: both parts "not assessed", saying why', async () => {
    const answer = await report(zoneId, 2023, '2023-12-20', { techContractCount: 100 });
    expect(answer.status).toBe(201);
    for (const indicator of ['techContractCountGrowth', 'techContractTurnoverGrowth']) {
      expect(findingOf(answer.body.findings, indicator)).toMatchObject({
        rule: 'zone.growth',
        citation: '四(二)',
        assessed: false,
        threshold: null,
        detail: 'not assessed: no report for 2022 to compare with was recorded when this one was',
      });
    }
  });

  it('assessed against the previous report: more contracts and more turnover pass', async () => {
    const answer = await report(zoneId, 2024, '2024-12-20', {
      techContractCount: 120,
      techContractTurnover: '65000000',
    });
    expect(answer.status).toBe(201);
    expect(findingOf(answer.body.findings, 'techContractCountGrowth')).toMatchObject({
      ok: true,
      value: 120,
      threshold: 100,
      unit: 'count',
      comparison: 'above',
    });
    expect(findingOf(answer.body.findings, 'techContractTurnoverGrowth')).toMatchObject({
      ok: true,
      value: '65000000.00',
      threshold: '60000000.00',
      unit: 'yuan',
    });
  });

  it('fewer contracts than the year before fail (the turnover part judged on its own)', async () => {
    const answer = await report(zoneId, 2025, '2025-12-20', {
      techContractCount: 110,
      techContractTurnover: '70000000',
    });
    expect(findingOf(answer.body.findings, 'techContractCountGrowth')).toMatchObject({ ok: false, threshold: 120 });
    expect(findingOf(answer.body.findings, 'techContractTurnoverGrowth')).toMatchObject({ ok: true });
    expect(answer.body.passed).toBe(false);
  });

  it('refuses a contract count that is not a count: 400 naming it', async () => {
    const answer = await report(zoneId, 2025, '2025-12-21', { techContractCount: -1 });
    expect(answer.status).toBe(400);
    expect(answer.body.details.map((d: { field: string }) => d.field)).toEqual(['indicators.techContractCount']);
  });
});

describe('refusals: bad input is 400 invalid-input naming each field, and nothing is recorded', () => {
  let zoneId: string;
  beforeAll(async () => {
    zoneId = (await designate({ name: '通辽科技成果转移转化示范区' })).body.id;
  });

  const fieldsOf = (body: { details: Array<{ field: string }> }) => body.details.map((d) => d.field);

  it('refuses a designation with an impossible date or no name', async () => {
    const before = await headPosition();
    const answer = await designate({ approvedOn: '2025-02-30', name: '', policy: 'nmg-2024-consortium' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid-input');
    expect(fieldsOf(answer.body).sort()).toEqual(['approvedOn', 'name', 'policy']);
    expect(await headPosition()).toBe(before);
  });

  it.each([
    ['a turnover written "1e6"', { techContractTurnover: '1e6' }, 'indicators.techContractTurnover'],
    ['a turnover as a JSON number', { techContractTurnover: 40000000 }, 'indicators.techContractTurnover'],
    ['a turnover with three decimals', { techContractTurnover: '40000000.001' }, 'indicators.techContractTurnover'],
    ['a negative count', { brokers: -1 }, 'indicators.brokers'],
    ['a fractional count', { incubatedEnterprises: 35.5 }, 'indicators.incubatedEnterprises'],
    [
      'a ratio with more decimals than it is kept in',
      { highValuePatentsPer10k: 1.555 },
      'indicators.highValuePatentsPer10k',
    ],
    ['a ratio written as a string', { highValuePatentsPer10k: '1.6' }, 'indicators.highValuePatentsPer10k'],
    ['a share above 1', { hightechShare: 1.2 }, 'indicators.hightechShare'],
    ['a negative share', { hightechRevenueShare: -0.3 }, 'indicators.hightechRevenueShare'],
    [
      'parts with one missing',
      { transferInstitutions: { national: 2, regional: 3, other: 1 } },
      'indicators.transferInstitutions',
    ],
    ['a special fund as a string', { specialFund: 'yes' }, 'indicators.specialFund'],
    ['an unknown indicator', { visitors: 10 }, 'indicators.visitors'],
  ])('refuses %s', async (_, indicators, field) => {
    const before = await headPosition();
    const answer = await report(zoneId, 2023, '2023-12-01', indicators);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid-input');
    expect(fieldsOf(answer.body)).toEqual([field]);
    expect(await headPosition()).toBe(before);
  });

  it('refuses indicators sent as a list (400 naming indicators), recording nothing', async () => {
    const before = await headPosition();
    const answer = await ledger.http.post(
      `/v1/zones/${zoneId}/annual-reports`,
      { year: 2023, submittedOn: '2023-12-01', indicators: [] },
      officer,
    );
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toContain('indicators');
    expect(await headPosition()).toBe(before);
  });

  it('names every bad field of a report at once', async () => {
    const answer = await ledger.http.post(
      `/v1/zones/${zoneId}/annual-reports`,
      { year: 'last', submittedOn: '2023-13-01', indicators: { brokers: -1 } },
      officer,
    );
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(
      expect.arrayContaining([
        'year',
        'submittedOn',
        'indicators.brokers',
        'indicators.techContractTurnover',
        'indicators.specialFund',
      ]),
    );
  });

  it("refuses dates after the ledger's today (400) and approvals before the policy was issued (422 policy-not-in-force)", async () => {
    const before = await headPosition();
    const future = await designate({ approvedOn: '2028-01-11' });
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ error: 'invalid-input', details: [{ field: 'approvedOn' }] });
    const early = await designate({ approvedOn: '2022-11-13' });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ error: 'policy-not-in-force', rule: 'zone.in-force' });
    expect((await evaluate(zoneId, '2028-02-01', 'qualified')).status).toBe(400);
    expect(await headPosition()).toBe(before);
  });

  it('answers 404 not-found for an unknown zone, on commands and queries', async () => {
    expect((await evaluate('no-such-zone', '2025-12-10', 'qualified')).body).toMatchObject({ error: 'not-found' });
    const detail = await ledger.http.get('/v1/zones/no-such-zone', viewer);
    expect(detail.status).toBe(404);
    expect(detail.body.error).toBe('not-found');
    expect((await ledger.http.get('/v1/zones/no-such-zone/history', { as: 'supervisor' })).status).toBe(404);
  });

  it('refuses bad or unknown query parameters', async () => {
    for (const query of ['dueInYear=soon', 'reportMissingFor=2024.5', 'status=dissolved', 'grade=excellent']) {
      const answer = await ledger.http.get(`/v1/zones?${query}`, viewer);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid-input');
    }
  });
});

describe('auth: officers command, viewers read', () => {
  it('answers 401 without a token', async () => {
    expect(
      (
        await ledger.http.post(
          '/v1/zones',
          { policy: 'nmg-2022-zone', name: 'x', approvedOn: '2023-01-01' },
          { as: null },
        )
      ).status,
    ).toBe(401);
    const list = await ledger.http.get('/v1/zones', { as: null });
    expect(list.status).toBe(401);
    expect(list.body.error).toBe('unauthorized');
  });

  it('answers 403 to a finance or viewer token on a command, recording nothing', async () => {
    const before = await headPosition();
    for (const as of ['finance', 'viewer'] as const) {
      const answer = await ledger.http.post(
        '/v1/zones',
        { policy: 'nmg-2022-zone', name: 'x', approvedOn: '2023-01-01' },
        { as },
      );
      expect(answer.status).toBe(403);
      expect(answer.body.error).toBe('forbidden');
    }
    expect(await headPosition()).toBe(before);
  });

  it('lets viewers and supervisors list zones', async () => {
    expect((await ledger.http.get('/v1/zones', viewer)).status).toBe(200);
    expect((await ledger.http.get('/v1/zones', { as: 'supervisor' })).status).toBe(200);
  });
});

describe('read-your-writes and Idempotency-Key', () => {
  it("answers a query with minPosition=<the command's position> with the command's effect", async () => {
    const answer = await designate({ name: '巴彦淖尔科技成果转移转化示范区' });
    const detail = await ledger.http.get(`/v1/zones/${answer.body.id}?minPosition=${answer.body.position}`, viewer);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: answer.body.id, name: '巴彦淖尔科技成果转移转化示范区', status: 'active' });
  });

  it('answers a repeat with the same key and body with the first answer: the same zone, nothing new recorded', async () => {
    const headers = { 'Idempotency-Key': 'designate-wuhai-1' };
    const body = { name: '乌海科技成果转移转化示范区', approvedOn: '2023-06-01' };
    const first = await designate(body, headers);
    expect(first.status).toBe(201);
    const head = await headPosition();
    const repeat = await designate(body, headers);
    expect(repeat.status).toBe(201);
    expect(repeat.body).toEqual(first.body);
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    expect(await headPosition()).toBe(head);
    const reused = await designate({ ...body, name: '另一个示范区' }, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.error).toBe('idempotency-key-reused');
    const named = (await listZones('status=active', head)).filter((z) => z.name === body.name);
    expect(named).toHaveLength(1);
  });
});
