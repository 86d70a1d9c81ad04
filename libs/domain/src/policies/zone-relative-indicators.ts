import { Words, say } from '../shared/sentence';
/**
 * The two indicators of nmg-2022-zone a report cannot be judged on alone: zone.rd-intensity (四(三), against the
 * region's average for the year) and zone.growth (四(二), against the zone's report for the previous year). Each is
 * judged on what the ledger holds when the report is recorded and the finding is kept on the event; where there is
 * nothing to compare with, the finding says "not assessed" and why (a finding, never a refusal).
 * Ratios are compared by cross-multiplication in BigInt: no floating point.
 */
import { BusinessDate } from '../shared/dates';
import { fenToYuan } from '../shared/money';
import { paramOn, PolicyParam } from '../shared/rule';
import { formatIndicatorValue, IndicatorFinding, nmg2022ZoneParams } from './nmg-2022-zone';
import { IndicatorName, IndicatorUnit, MILLIONTHS_WHOLE, ZoneIndicators } from './zone-indicators';

const p = nmg2022ZoneParams;

/** The region's average R&D intensity for a year, as recorded (RegionalAverageRecorded). */
export interface RegionalRdIntensity {
  year: number;
  rdIntensityMillionths: number;
}

/** The zone's report for the year before, as the ledger holds it. */
export interface PreviousReport {
  year: number;
  indicators: ZoneIndicators;
}

interface Judged {
  indicator: IndicatorName;
  unit: IndicatorUnit;
  value: number | null;
  threshold: number | null;
  ok: boolean;
  detail: Words;
}

const finding = (rule: PolicyParam<boolean>, judged: Judged): IndicatorFinding => ({
  rule: rule.rule,
  citation: rule.citation,
  ...judged,
  comparison: 'above',
});

/** Nothing to compare with: `ok` false (nothing shows the condition met), `assessed` false, and why. */
const notAssessed = (rule: PolicyParam<boolean>, judged: Omit<Judged, 'ok'>): IndicatorFinding => ({
  ...finding(rule, { ...judged, ok: false, detail: say`not assessed: ${judged.detail}` }),
  assessed: false,
});

/** R&D spending / GDP in millionths, rounded down: for display only (the verdict compares exactly). */
const intensityMillionths = (rdFen: number, gdpFen: number): number =>
  Number((BigInt(rdFen) * BigInt(MILLIONTHS_WHOLE)) / BigInt(gdpFen));

/** zone.rd-intensity (四(三)): the park's R&D spending / park GDP strictly above the region's average for the year. */
export function assessRdIntensity(
  indicators: ZoneIndicators,
  average: RegionalRdIntensity | undefined,
  year: number,
  on: BusinessDate,
): IndicatorFinding | undefined {
  const rule = p.rdIntensityAboveRegionalAverage;
  if (!paramOn(rule, on)) return undefined;
  const base = { indicator: 'rdIntensity' as const, unit: 'millionths' as const };
  const threshold = average?.rdIntensityMillionths ?? null;
  const { rdSpendingFen: rd, parkGdpFen: gdp } = indicators;
  if (rd === undefined || gdp === undefined || gdp <= 0) {
    const detail = say`the report gives no R&D spending and park GDP (rdSpending, parkGdp)`;
    return notAssessed(rule, { ...base, value: null, threshold, detail });
  }
  const value = intensityMillionths(rd, gdp);
  const figures = `园区研发经费投入强度 ${formatIndicatorValue(value, 'millionths')} (${fenToYuan(rd)} / ${fenToYuan(gdp)} 元)`;
  if (threshold === null) {
    const detail = say`${figures}; no regional average for ${year} was recorded when the report was`;
    return notAssessed(rule, { ...base, value, threshold, detail });
  }
  const ok = BigInt(rd) * BigInt(MILLIONTHS_WHOLE) > BigInt(threshold) * BigInt(gdp);
  const detail = say`${figures}; above the region's average for ${year}, ${formatIndicatorValue(threshold, 'millionths')}, required`;
  return finding(rule, { ...base, value, threshold, ok, detail });
}

/** zone.growth (四(二)): the number and the turnover of technology contracts both above the previous year's report. */
export function assessGrowth(
  indicators: ZoneIndicators,
  previous: PreviousReport | undefined,
  year: number,
  on: BusinessDate,
): IndicatorFinding[] {
  const rule = p.techContractsGrow;
  if (!paramOn(rule, on)) return [];
  const count = { indicator: 'techContractCountGrowth' as const, unit: 'count' as const };
  const turnover = { indicator: 'techContractTurnoverGrowth' as const, unit: 'fen' as const };
  const current = indicators.techContractTurnoverFen;
  if (!previous) {
    const detail = say`no report for ${year - 1} to compare with was recorded when this one was`;
    return [
      notAssessed(rule, { ...count, value: indicators.techContractCount ?? null, threshold: null, detail }),
      notAssessed(rule, { ...turnover, value: current, threshold: null, detail }),
    ];
  }
  const before = previous.indicators.techContractTurnoverFen;
  const turnoverDetail = say`技术合同成交额 ${formatIndicatorValue(current, 'fen')}, ${previous.year}: ${formatIndicatorValue(before, 'fen')}; more than the year before required`;
  return [
    countGrowth(rule, indicators.techContractCount, previous),
    finding(rule, { ...turnover, value: current, threshold: before, ok: current > before, detail: turnoverDetail }),
  ];
}

function countGrowth(rule: PolicyParam<boolean>, value: number | undefined, previous: PreviousReport) {
  const base = { indicator: 'techContractCountGrowth' as const, unit: 'count' as const };
  const threshold = previous.indicators.techContractCount ?? null;
  if (value === undefined)
    return notAssessed(rule, { ...base, value: null, threshold, detail: say`the report gives no techContractCount` });
  if (threshold === null) {
    const detail = say`技术合同项数 ${value}; the report for ${previous.year} gives no techContractCount`;
    return notAssessed(rule, { ...base, value, threshold, detail });
  }
  const detail = say`技术合同项数 ${value}, ${previous.year}: ${threshold}; more than the year before required`;
  return finding(rule, { ...base, value, threshold, ok: value > threshold, detail });
}

/** Both relative indicators of a report for `year`, judged on the thresholds in force on `on` (its due date). */
export function assessRelativeIndicators(
  indicators: ZoneIndicators,
  context: { average?: RegionalRdIntensity; previous?: PreviousReport },
  year: number,
  on: BusinessDate,
): IndicatorFinding[] {
  const rdIntensity = assessRdIntensity(indicators, context.average, year, on);
  return [...(rdIntensity ? [rdIntensity] : []), ...assessGrowth(indicators, context.previous, year, on)];
}
