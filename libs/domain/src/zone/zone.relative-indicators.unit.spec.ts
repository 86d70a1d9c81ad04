/**
 * The two indicators a zone's annual report is judged on against something outside it: zone.rd-intensity (四(三), the
 * region's average for the year, recorded by an administrator) and zone.growth (四(二), the zone's report for the
 * previous year). Given/when/then over the zone decider, the average handed in through the context as the handler
 * reads it from the log.
 */
import { yuan } from '../shared/money';
import { IndicatorFinding, nmg2022ZoneParams as P } from '../policies/nmg-2022-zone';
import { ZoneIndicators } from '../policies/zone-indicators';
import { deciderSpec } from '../testing/decider-spec';
import { named } from '../testing/named';
import { RegionalAverageState } from './regional-average.state';
import { ZoneContext } from './zone.context';
import { zoneDecider } from './zone.decider';
import { ZoneEvent } from './zone.events';
import { submitAnnualReport, zoneDesignated } from './zone.fixtures';
import { inEnglish } from '../policies/rules/in-english';

const { given } = deciderSpec(zoneDecider, (): ZoneContext => ({ today: '2026-06-30' }));
const replay = (events: ZoneEvent[]) => events.reduce(zoneDecider.evolve, zoneDecider.initialState());

const RD_INTENSITY = { rule: 'zone.rd-intensity', citation: '四(三)' };
const GROWTH = { rule: 'zone.growth', citation: '四(二)' };

/** The region's average for 2025: 0.93% (9300 millionths). */
const average = (year = 2025, rdIntensityMillionths = 9300): RegionalAverageState => ({
  exists: true,
  year,
  rdIntensityMillionths,
  history: [rdIntensityMillionths],
});
/** A park with 1亿元 GDP (10^10 fen) spending `rdFen` on R&D. */
const rd = (rdFen: number): Partial<ZoneIndicators> => ({ rdSpendingFen: rdFen, parkGdpFen: yuan(100_000_000) });

function findingsOf(events: ZoneEvent[]): IndicatorFinding[] {
  const [event] = events;
  if (event.type !== 'AnnualReportSubmitted' && event.type !== 'AnnualReportCorrected')
    throw new Error(`expected a report, got ${event.type}`);
  return event.data.findings;
}
const findingOf = (events: ZoneEvent[], indicator: string) => findingsOf(events).find((f) => f.indicator === indicator);

describe(named(P.rdIntensityAboveRegionalAverage), () => {
  const report = (
    indicators: Partial<ZoneIndicators>,
    context: Partial<ZoneContext> = { regionalAverage: average() },
  ) => given([zoneDesignated()]).when(submitAnnualReport(2025, '2025-12-20', indicators), context);

  it("passes above the region's average for the report's year: 1.25% against 0.93%", () => {
    const outcome = report(rd(yuan(1_250_000))).thenMatches([{ type: 'AnnualReportSubmitted' }]);
    expect(inEnglish(findingOf(outcome, 'rdIntensity'))).toEqual({
      ...RD_INTENSITY,
      ok: true,
      indicator: 'rdIntensity',
      unit: 'millionths',
      value: 12500,
      threshold: 9300,
      comparison: 'above',
      detail:
        "园区研发经费投入强度 1.25% (1250000.00 / 100000000.00 元); above the region's average for 2025, 0.93%, required",
    });
  });

  it('fails at the average itself (高于: strictly above); the report is recorded with the failing finding', () => {
    const outcome = report(rd(yuan(930_000))).thenMatches([{ type: 'AnnualReportSubmitted' }]);
    expect(findingOf(outcome, 'rdIntensity')).toMatchObject({ ok: false, value: 9300, threshold: 9300 });
    expect(findingOf(outcome, 'rdIntensity')).not.toHaveProperty('assessed');
  });

  it('compares exactly: one fen above the average passes though the shown ratio rounds down to it', () => {
    const outcome = report(rd(yuan(930_000) + 1)).thenMatches([{ type: 'AnnualReportSubmitted' }]);
    expect(findingOf(outcome, 'rdIntensity')).toMatchObject({ ok: true, value: 9300, threshold: 9300 });
  });

  it.each<[string, Partial<ZoneContext>]>([
    ['no average recorded', {}],
    ['only an average for another year', { regionalAverage: average(2024) }],
  ])('%s: "not assessed", saying why; not a refusal', (_why, context) => {
    const outcome = report(rd(yuan(1_250_000)), context).thenMatches([{ type: 'AnnualReportSubmitted' }]);
    expect(inEnglish(findingOf(outcome, 'rdIntensity'))).toMatchObject({
      ...RD_INTENSITY,
      ok: false,
      assessed: false,
      value: 12500,
      threshold: null,
      detail: expect.stringMatching(/^not assessed: .*no regional average for 2025 was recorded when the report was/),
    });
  });

  it('a report without R&D spending and park GDP: "not assessed"', () => {
    const outcome = report({}).thenMatches([{ type: 'AnnualReportSubmitted' }]);
    expect(inEnglish(findingOf(outcome, 'rdIntensity'))).toMatchObject({
      assessed: false,
      value: null,
      threshold: 9300,
      detail: 'not assessed: the report gives no R&D spending and park GDP (rdSpending, parkGdp)',
    });
  });

  it('an average recorded after a report does not judge it again; it applies to a correction recorded after it', () => {
    const first = given([zoneDesignated()])
      .when(submitAnnualReport(2025, '2025-12-20', rd(yuan(1_250_000))), {})
      .thenMatches([{ type: 'AnnualReportSubmitted' }]);
    expect(findingOf(first, 'rdIntensity')).toMatchObject({ assessed: false });
    const correction = given([zoneDesignated(), ...first])
      .when(submitAnnualReport(2025, '2026-01-10', rd(yuan(1_250_000))), { regionalAverage: average() })
      .thenMatches([{ type: 'AnnualReportCorrected' }]);
    expect(findingOf(correction, 'rdIntensity')).toMatchObject({ ok: true, threshold: 9300 });
  });

  it.each<[string, Partial<ZoneIndicators>, string]>([
    ['R&D spending without park GDP', { rdSpendingFen: yuan(1) }, 'parkGdp'],
    ['park GDP without R&D spending', { parkGdpFen: yuan(1) }, 'rdSpending'],
    ['a park GDP of nothing', { rdSpendingFen: 0, parkGdpFen: 0 }, 'parkGdp'],
  ])('refuses %s as invalid input naming %s; nothing recorded', (_why, indicators, field) => {
    report(indicators).thenRejects({ code: 'invalid-input', details: [expect.objectContaining({ field })] });
  });
});

describe(named(P.techContractsGrow), () => {
  const REPORTED_2024 = submitAnnualReport(2024, '2024-12-20', { techContractCount: 100 });
  const history = (): ZoneEvent[] => {
    const { outcome } = given([zoneDesignated()]).when(REPORTED_2024);
    return [zoneDesignated(), ...(outcome as ZoneEvent[])];
  };
  const report2025 = (indicators: Partial<ZoneIndicators>) =>
    given(history()).when(submitAnnualReport(2025, '2025-12-20', indicators));

  it("passes when the number and the turnover of technology contracts are both above the previous year's report", () => {
    const outcome = report2025({ techContractCount: 101, techContractTurnoverFen: yuan(60_000_001) }).thenMatches([{}]);
    expect(inEnglish(findingsOf(outcome).filter((f) => f.rule === GROWTH.rule))).toEqual([
      {
        ...GROWTH,
        ok: true,
        indicator: 'techContractCountGrowth',
        unit: 'count',
        value: 101,
        threshold: 100,
        comparison: 'above',
        detail: '技术合同项数 101, 2024: 100; more than the year before required',
      },
      {
        ...GROWTH,
        ok: true,
        indicator: 'techContractTurnoverGrowth',
        unit: 'fen',
        value: yuan(60_000_001),
        threshold: yuan(60_000_000),
        comparison: 'above',
        detail: '技术合同成交额 60000001.00 元, 2024: 60000000.00 元; more than the year before required',
      },
    ]);
  });

  it.each<[string, Partial<ZoneIndicators>, string]>([
    [
      'the same number of contracts (增长: growth)',
      { techContractCount: 100, techContractTurnoverFen: yuan(70_000_000) },
      'techContractCountGrowth',
    ],
    ['a turnover no higher than the year before', { techContractCount: 120 }, 'techContractTurnoverGrowth'],
  ])('fails with %s; the report is recorded with the failing finding', (_why, indicators, indicator) => {
    const outcome = report2025(indicators).thenMatches([{ type: 'AnnualReportSubmitted' }]);
    const failed = findingsOf(outcome).filter((f) => f.rule === GROWTH.rule && !f.ok);
    expect(failed.map((f) => f.indicator)).toEqual([indicator]);
  });

  it('with no report for the previous year: both "not assessed", saying why', () => {
    const outcome = given([zoneDesignated()])
      .when(submitAnnualReport(2025, '2025-12-20', { techContractCount: 120 }))
      .thenMatches([{ type: 'AnnualReportSubmitted' }]);
    const growth = findingsOf(outcome).filter((f) => f.rule === GROWTH.rule);
    expect(growth).toHaveLength(2);
    for (const f of growth) {
      expect(f).toMatchObject({ ok: false, assessed: false, threshold: null });
      expect(inEnglish(f.detail)).toBe(
        'not assessed: no report for 2024 to compare with was recorded when this one was',
      );
    }
  });

  it('a previous report without a contract count (recorded before the field existed): the count is not assessed, the turnover is', () => {
    const outcome = given([zoneDesignated(), ...history().slice(1).map(withoutContractCount)])
      .when(
        submitAnnualReport(2025, '2025-12-20', { techContractCount: 120, techContractTurnoverFen: yuan(70_000_000) }),
      )
      .thenMatches([{}]);
    expect(inEnglish(findingOf(outcome, 'techContractCountGrowth'))).toMatchObject({
      assessed: false,
      value: 120,
      detail: 'not assessed: 技术合同项数 120; the report for 2024 gives no techContractCount',
    });
    expect(findingOf(outcome, 'techContractTurnoverGrowth')).toMatchObject({ ok: true });
  });

  it('a report for the previous year recorded later does not judge this one again', () => {
    const [, ...reported2025] = [
      zoneDesignated(),
      ...(given([zoneDesignated()]).when(submitAnnualReport(2025, '2025-12-20', { techContractCount: 120 }))
        .outcome as ZoneEvent[]),
    ];
    const { outcome } = given([zoneDesignated(), ...reported2025]).when(REPORTED_2024);
    const state = replay([zoneDesignated(), ...reported2025, ...(outcome as ZoneEvent[])]);
    expect(state.reports[2025].findings.filter((f) => f.rule === GROWTH.rule).map((f) => f.assessed)).toEqual([
      false,
      false,
    ]);
  });
});

/** A report as recorded before reports carried a contract count. */
function withoutContractCount(event: ZoneEvent): ZoneEvent {
  if (event.type !== 'AnnualReportSubmitted') return event;
  const { techContractCount: _, ...indicators } = event.data.indicators;
  return { ...event, data: { ...event.data, indicators } };
}
