import { say } from '../shared/sentence';
/**
 * nmg-2022-zone — 内蒙古自治区科技成果转移转化示范区建设指引 (内蒙古自治区科学技术厅, 2022-11-14).
 * Demonstration zones are parks: approved once, reporting every year (六(四)), evaluated every three years (六(四)),
 * given two years to rectify when unqualified and removed when still unqualified (七(三)).
 * Every threshold and period below is a named parameter with its clause; the indicator rules read them.
 */
import { BusinessDate } from '../shared/dates';
import { Fen, fenToYuan, wan } from '../shared/money';
import { param, paramOn, PolicyParam, RuleCheck, RuleRef } from '../shared/rule';
import { scaledToDecimal } from '../shared/scaled-decimal';
import { IndicatorName, IndicatorUnit, totalOf, ZoneIndicators } from './zone-indicators';
import { LEDGER_INTERPRETATIONS } from './ledger-interpretations';

const ISSUED_ON: BusinessDate = '2022-11-14';

export const nmg2022ZoneParams = {
  inForce: param<{ from: BusinessDate; to?: BusinessDate }>(
    'zone.in-force',
    '发布时间 2022-11-14',
    'zones are designated (approved) under the guideline while it is in force',
    { from: ISSUED_ON },
    ISSUED_ON,
    {
      interpretation:
        'The guideline states no period of validity: in force from its publication (2022-11-14), with no end date. ' +
        'A zone approved before that is not designated under it (policy-not-in-force); each designation names this rule.',
    },
  ),
  techContractTurnoverMinFen: param<Fen>(
    'zone.tech-contract-turnover',
    '附件2 序号1; 四(二)',
    '上年度技术合同成交额 (technology input included) at least 5000万元',
    wan(5000),
    ISSUED_ON,
  ),
  highValuePatentsPer10kMinHundredths: param(
    'zone.high-value-patents',
    '附件2 序号2',
    '每万人口高价值发明专利拥有量 at least 1.50 (in hundredths)',
    150,
    ISSUED_ON,
  ),
  transferInstitutionsMin: param(
    'zone.transfer-institutions',
    '附件2 序号3–6; 四(二)',
    '技术转移机构 at least 10: national + regional + university/institute + other, together',
    10,
    ISSUED_ON,
    { interpretation: 'A report gives the total or the four parts; parts are summed.' },
  ),
  brokersMin: param('zone.brokers', '附件2 序号7; 四(二)', '技术经纪人/经理人 at least 10', 10, ISSUED_ON),
  parkEnterprisesMin: param('zone.park-enterprises', '附件2 序号8; 四(三)', '园区企业数量 at least 80', 80, ISSUED_ON),
  hightechShareMinBasisPoints: param(
    'zone.hightech-share',
    '附件2 序号9; 四(三)',
    '高新技术企业和科技型中小企业 at least 30% of park enterprises (basis points; 以上 includes 30%)',
    3000,
    ISSUED_ON,
  ),
  hightechRevenueShareMinBasisPoints: param(
    'zone.hightech-revenue-share',
    '附件2 序号10; 四(三)',
    '高新技术产业营业总收入 at least 30% of park revenue (basis points; 以上 includes 30%)',
    3000,
    ISSUED_ON,
  ),
  financingInstitutionsMin: param(
    'zone.financing-institutions',
    '附件2 序号12–15',
    '投融资机构 + 众创空间 + 孵化器 + other platforms at least 10, together',
    10,
    ISSUED_ON,
    { interpretation: 'A report gives the total or the four parts; parts are summed.' },
  ),
  incubatedEnterprisesMin: param(
    'zone.incubated-enterprises',
    '附件2 序号16',
    '科技企业孵化器在孵企业数 at least 35',
    35,
    ISSUED_ON,
  ),
  specialFundRequired: param(
    'zone.special-fund',
    '附件2 序号11; 四(一)',
    '地方财政设立科技成果转移转化专项资金 (qualitative: yes)',
    true,
    ISSUED_ON,
  ),
  rdIntensityAboveRegionalAverage: param(
    'zone.rd-intensity',
    '四(三)',
    "园区内研发经费投入占园区GDP的比重高于全区平均水平: the park's R&D spending / park GDP above the region's average",
    true,
    ISSUED_ON,
    { interpretation: LEDGER_INTERPRETATIONS.zoneRdIntensityAverage.text },
  ),
  techContractsGrow: param(
    'zone.growth',
    '四(二)',
    '技术交易项数、金额等主要指标实现持续增长: the number and turnover of technology contracts grow year on year',
    true,
    ISSUED_ON,
    { interpretation: LEDGER_INTERPRETATIONS.zoneGrowthYearOnYear.text },
  ),
  annualReportDueMonthDay: param(
    'zone.annual-report-due',
    '六(四)',
    'each zone reports every year by 31 December',
    '12-31',
    ISSUED_ON,
    {
      interpretation:
        'A report is due for every calendar year from the year of approval on. A report for year Y submitted after ' +
        'its due date is recorded and flagged late. Its indicators are judged by the thresholds in force on the due date.',
    },
  ),
  evaluationCycleYears: param(
    'zone.evaluation-cycle',
    '六(四)',
    'zones approved at least 3 years are evaluated every 3 years; grades 优秀/合格/不合格',
    3,
    ISSUED_ON,
    {
      interpretation:
        'The evaluation is due on the anniversary of approval every 3 years; the first evaluation year is approval ' +
        'year + 3. After a rectification the cycles count from the evaluation that ended it. ' +
        `${LEDGER_INTERPRETATIONS.zoneEvaluationFromAnniversary.id}: an evaluation is accepted from its due date on ` +
        '(满3年) and takes that cycle; one per cycle; none before the first due date. "One third each year" is a list, ' +
        'not a rule.',
    },
  ),
  /**
   * The months before a due date from which a cycle's evaluation is accepted: none, 满3年 (zone.evaluation-from-anniversary,
   * catalogue 2026-12-03). Until then the zone read ledger.evaluation-window's 3 months, as Luzhou and Tianjin still do.
   */
  evaluationWindowMonths: param(
    'zone.evaluation-cycle',
    '六(四)',
    "months before a cycle's due date from which its evaluation is accepted",
    0,
    ISSUED_ON,
    { interpretation: LEDGER_INTERPRETATIONS.zoneEvaluationFromAnniversary.text },
  ),
  excellentRecommendsForNational: param(
    'zone.excellent-recommend',
    '七(三)',
    '优秀 → recommended first for national-level zones',
    true,
    ISSUED_ON,
  ),
  rectificationYears: param('zone.rectification', '七(三)', '不合格 → a 2-year rectification period', 2, ISSUED_ON, {
    interpretation:
      'The period runs from the unqualified evaluation to the same date 2 years later. It is judged when it ends ' +
      `(${LEDGER_INTERPRETATIONS.zoneRectificationAtEnd.id}): no evaluation before its end date is accepted; the ` +
      'evaluation on or after the end decides: 不合格 removes the zone; 合格 or 优秀 puts it back in good standing, and ' +
      'its evaluation cycles count from that evaluation: the next is due 3 years after it and accepted from that ' +
      `anniversary on (${LEDGER_INTERPRETATIONS.zoneEvaluationFromAnniversary.id}).`,
  }),
  removalWhenStillUnqualified: param(
    'zone.removal',
    '七(三)',
    'still 不合格 when the rectification period ends → removed from the list',
    true,
    ISSUED_ON,
    {
      interpretation:
        'Decided by the evaluation on or after the end date when it is unqualified; a removed zone takes no command.',
    },
  ),
} as const;

export type Nmg2022ZoneParams = typeof nmg2022ZoneParams;

export interface ZonePolicy {
  id: 'nmg-2022-zone';
  title: string;
  issuer: string;
  issuedOn: BusinessDate;
  /** The period designations must fall in, and the rule a designation (or its refusal) names: zone.in-force. */
  inForce: { from: BusinessDate; to?: BusinessDate } & RuleRef;
  params: Nmg2022ZoneParams;
}

export const nmg2022Zone: ZonePolicy = {
  id: 'nmg-2022-zone',
  title: '内蒙古自治区科技成果转移转化示范区建设指引',
  issuer: '内蒙古自治区科学技术厅',
  issuedOn: ISSUED_ON,
  inForce: {
    ...paramOn(nmg2022ZoneParams.inForce, ISSUED_ON),
    rule: nmg2022ZoneParams.inForce.rule,
    citation: nmg2022ZoneParams.inForce.citation,
  },
  params: nmg2022ZoneParams,
};

export const ZONE_POLICY_IDS = ['nmg-2022-zone'] as const;
export type ZonePolicyId = (typeof ZONE_POLICY_IDS)[number];

export const zonePolicyById = (id: string): ZonePolicy | undefined => (id === nmg2022Zone.id ? nmg2022Zone : undefined);

export const isZonePolicyInForce = (policy: ZonePolicy, on: BusinessDate): boolean =>
  policy.inForce.from <= on && (policy.inForce.to === undefined || on <= policy.inForce.to);

/**
 * One indicator of an annual report judged against its threshold: "at least" (附件2), "yes" for the fund, or "above"
 * (`comparison`) for zone.rd-intensity (the region's average) and zone.growth (the previous year's report).
 */
export interface IndicatorFinding extends RuleCheck {
  indicator: IndicatorName;
  unit: IndicatorUnit;
  /** null: nothing to compare with (no regional average, no previous report). */
  threshold: number | boolean | null;
  /** null: the report does not give it. */
  value: number | boolean | null;
  /** The parts a combined indicator was given in, when it was. */
  parts?: Record<string, number>;
  /** The value must be strictly above the threshold; absent: at least the threshold. */
  comparison?: 'above';
  /**
   * false: the rule could not be judged (the detail says why). `ok` is then false, as nothing shows the condition met,
   * and the report's `passed` leaves the finding out. Absent on every judged finding.
   */
  assessed?: false;
}

/** A report passes when every finding that could be judged passes; "not assessed" findings are listed, not failed. */
export const reportPassed = (findings: ReadonlyArray<IndicatorFinding>): boolean =>
  findings.every((f) => f.ok || f.assessed === false);

interface IndicatorRule {
  indicator: IndicatorName;
  label: string;
  unit: IndicatorUnit;
  threshold: (p: Nmg2022ZoneParams) => PolicyParam<number> | PolicyParam<boolean>;
  value: (i: ZoneIndicators) => number | boolean;
  parts?: (i: ZoneIndicators) => object | number;
}

/** The indicator rules in the order of 附件2. */
const INDICATOR_RULES: ReadonlyArray<IndicatorRule> = [
  {
    indicator: 'techContractTurnover',
    label: '技术合同成交额',
    unit: 'fen',
    threshold: (p) => p.techContractTurnoverMinFen,
    value: (i) => i.techContractTurnoverFen,
  },
  {
    indicator: 'highValuePatentsPer10k',
    label: '每万人口高价值发明专利拥有量',
    unit: 'hundredths',
    threshold: (p) => p.highValuePatentsPer10kMinHundredths,
    value: (i) => i.highValuePatentsPer10kHundredths,
  },
  {
    indicator: 'transferInstitutions',
    label: '技术转移机构',
    unit: 'count',
    threshold: (p) => p.transferInstitutionsMin,
    value: (i) => totalOf(i.transferInstitutions),
    parts: (i) => i.transferInstitutions,
  },
  {
    indicator: 'brokers',
    label: '技术经纪人/经理人',
    unit: 'count',
    threshold: (p) => p.brokersMin,
    value: (i) => i.brokers,
  },
  {
    indicator: 'parkEnterprises',
    label: '园区企业数量',
    unit: 'count',
    threshold: (p) => p.parkEnterprisesMin,
    value: (i) => i.parkEnterprises,
  },
  {
    indicator: 'hightechShare',
    label: '高新技术企业和科技型中小企业占比',
    unit: 'basis-points',
    threshold: (p) => p.hightechShareMinBasisPoints,
    value: (i) => i.hightechShareBasisPoints,
  },
  {
    indicator: 'hightechRevenueShare',
    label: '高新技术产业营业总收入占比',
    unit: 'basis-points',
    threshold: (p) => p.hightechRevenueShareMinBasisPoints,
    value: (i) => i.hightechRevenueShareBasisPoints,
  },
  {
    indicator: 'specialFund',
    label: '科技成果转移转化专项资金',
    unit: 'yes-no',
    threshold: (p) => p.specialFundRequired,
    value: (i) => i.specialFund,
  },
  {
    indicator: 'financingInstitutions',
    label: '投融资机构及孵化载体',
    unit: 'count',
    threshold: (p) => p.financingInstitutionsMin,
    value: (i) => totalOf(i.financingInstitutions),
    parts: (i) => i.financingInstitutions,
  },
  {
    indicator: 'incubatedEnterprises',
    label: '在孵企业数',
    unit: 'count',
    threshold: (p) => p.incubatedEnterprisesMin,
    value: (i) => i.incubatedEnterprises,
  },
];

/** Renders a value in its unit for the finding's sentence: fen as yuan, basis points and millionths as percentages. */
export function formatIndicatorValue(value: number | boolean, unit: IndicatorUnit): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  switch (unit) {
    case 'millionths':
      return `${scaledToDecimal(value, 4)}%`;
    case 'fen':
      return `${fenToYuan(value)} 元`;
    case 'hundredths':
      return scaledToDecimal(value, 2);
    case 'basis-points':
      return `${scaledToDecimal(value, 2)}%`;
    default:
      return String(value);
  }
}

function judge(rule: IndicatorRule, indicators: ZoneIndicators, on: BusinessDate): IndicatorFinding {
  const p = rule.threshold(nmg2022ZoneParams);
  const threshold = paramOn<number | boolean>(p, on);
  const value = rule.value(indicators);
  const ok = typeof threshold === 'boolean' ? value === threshold : typeof value === 'number' && value >= threshold;
  const given = rule.parts?.(indicators);
  const parts = typeof given === 'object' ? { ...(given as Record<string, number>) } : undefined;
  const required =
    typeof threshold === 'boolean'
      ? 'required: yes'
      : say`at least ${formatIndicatorValue(threshold, rule.unit)} required`;
  return {
    rule: p.rule,
    citation: p.citation,
    ok,
    detail: say`${rule.label} ${formatIndicatorValue(value, rule.unit)}${parts ? say` (parts summed)` : ''}; ${required}`,
    indicator: rule.indicator,
    unit: rule.unit,
    threshold,
    value,
    ...(parts ? { parts } : {}),
  };
}

/** Every indicator of 附件2 judged against the thresholds in force on `on`; one finding each, in 附件2 order. */
export function assessZoneIndicators(indicators: ZoneIndicators, on: BusinessDate): IndicatorFinding[] {
  return INDICATOR_RULES.map((rule) => judge(rule, indicators, on));
}
