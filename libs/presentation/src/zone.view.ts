import { IndicatorFinding, reportPassed } from '@ledger/domain/policies/nmg-2022-zone';
import { fenToYuan } from '@ledger/domain/shared/money';
import { INDICATOR_SCALES, IndicatorUnit, ZoneIndicators } from '@ledger/domain/policies/zone-indicators';
import { scaledToDecimal } from '@ledger/domain/shared/scaled-decimal';
import { ZoneReport, ZoneState } from '@ledger/domain/zone/zone.state';
import { RegionalAverageState } from '@ledger/domain/zone/regional-average.state';

/**
 * Zones as the API shows them: money as yuan strings ("50000000.00"), the exact decimals as decimal strings with at
 * least two places ("1.60" per 10k population, shares as fractions of 1: "0.35"), counts as numbers. Shared by the
 * command answers and the queries, so a finding reads the same wherever it appears.
 */
const BASIS_POINTS_SCALE = INDICATOR_SCALES.hightechShare;
const HUNDREDTHS_SCALE = INDICATOR_SCALES.highValuePatentsPer10k;
const MILLIONTHS_SCALE = INDICATOR_SCALES.rdIntensity;

/** The unit a finding's `threshold` and `value` are written in, once converted from the domain's integer units. */
export const UNIT_VIEW: Record<IndicatorUnit, string> = {
  fen: 'yuan',
  hundredths: 'decimal',
  'basis-points': 'share',
  millionths: 'share',
  count: 'count',
  'yes-no': 'yes-no',
};

/** 160 at scale 2 → "1.60"; 3500 at scale 4 → "0.35"; 3125 at scale 4 → "0.3125". */
export function decimalView(scaled: number, scale: number): string {
  const [whole, fraction = ''] = scaledToDecimal(scaled, scale).split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

export function indicatorValueView(
  value: number | boolean | null,
  unit: IndicatorUnit,
): string | number | boolean | null {
  if (typeof value === 'boolean' || value === null) return value;
  switch (unit) {
    case 'millionths':
      return decimalView(value, MILLIONTHS_SCALE);
    case 'fen':
      return fenToYuan(value);
    case 'hundredths':
      return decimalView(value, HUNDREDTHS_SCALE);
    case 'basis-points':
      return decimalView(value, BASIS_POINTS_SCALE);
    default:
      return value;
  }
}

/** A finding as the API shows it; `comparison: "above"` and `assessed: false` only where the finding has them. */
export function findingView(finding: IndicatorFinding) {
  const { indicator, rule, citation, ok, unit, threshold, value, detail, parts, comparison, assessed } = finding;
  return {
    indicator,
    rule,
    citation,
    ok,
    ...(assessed === false && { assessed }),
    threshold: indicatorValueView(threshold, unit),
    value: indicatorValueView(value, unit),
    unit: UNIT_VIEW[unit],
    ...(comparison && { comparison }),
    detail,
    ...(parts && { parts }),
  };
}

/** A report's indicators under the request's field names (the figures of 四(二)(三) only where the report gave them). */
export function indicatorsView(indicators: ZoneIndicators) {
  const {
    techContractTurnoverFen,
    highValuePatentsPer10kHundredths,
    hightechShareBasisPoints,
    hightechRevenueShareBasisPoints,
    rdSpendingFen,
    parkGdpFen,
    ...counts
  } = indicators;
  return {
    techContractTurnover: fenToYuan(techContractTurnoverFen),
    highValuePatentsPer10k: decimalView(highValuePatentsPer10kHundredths, HUNDREDTHS_SCALE),
    hightechShare: decimalView(hightechShareBasisPoints, BASIS_POINTS_SCALE),
    hightechRevenueShare: decimalView(hightechRevenueShareBasisPoints, BASIS_POINTS_SCALE),
    ...counts,
    ...(rdSpendingFen !== undefined && { rdSpending: fenToYuan(rdSpendingFen) }),
    ...(parkGdpFen !== undefined && { parkGdp: fenToYuan(parkGdpFen) }),
  };
}

export function reportView(report: ZoneReport) {
  const { indicators, findings, ...rest } = report;
  return {
    ...rest,
    passed: reportPassed(findings),
    indicators: indicatorsView(indicators),
    findings: findings.map(findingView),
  };
}

export function zoneView(state: ZoneState) {
  const { exists: _exists, reports, ...rest } = state;
  const byYear = Object.values(reports).sort((a, b) => a.year - b.year);
  return { ...rest, reports: byYear.map(reportView) };
}

export function zoneSummaryView(state: ZoneState) {
  const years = Object.keys(state.reports).map(Number);
  return {
    id: state.id,
    policy: state.policy,
    name: state.name,
    status: state.status,
    approvedOn: state.approvedOn,
    ...(state.rectificationUntil && { rectificationUntil: state.rectificationUntil }),
    recommendedForNational: state.recommendedForNational,
    ...(state.removed && { removed: state.removed }),
    ...(years.length > 0 && { lastReportYear: Math.max(...years) }),
    ...(state.evaluations.length > 0 && { lastEvaluation: state.evaluations[state.evaluations.length - 1] }),
  };
}

/** An R&D intensity in millionths as a fraction of 1: 9300 → "0.0093". */
export const rdIntensityView = (millionths: number): string => decimalView(millionths, MILLIONTHS_SCALE);

/** The region's average for a year as the API shows it: the R&D intensity as a fraction of 1 ("0.0093"). */
export function regionalAverageView(state: RegionalAverageState) {
  return {
    year: state.year,
    rdIntensity: rdIntensityView(state.rdIntensityMillionths),
    ...(state.source !== undefined && { source: state.source }),
  };
}
