import { say } from '../shared/sentence';
import { InputProblem } from '../shared/input-problems';
import { Fen } from '../shared/money';

/** 附件2 序号3–6: the four kinds of technology-transfer institution (zone.transfer-institutions). */
export interface TransferInstitutionParts {
  national: number; // 国家技术转移机构
  regional: number; // 自治区技术转移服务机构
  universityAndInstitute: number; // 高校、科研院所专业化技术转移机构
  other: number; // 其他转移机构
}

/** 附件2 序号12–15: the four kinds of financing and incubation platform (zone.financing-institutions). */
export interface FinancingInstitutionParts {
  investmentAndFinancing: number; // 投融资机构
  makerSpaces: number; // 众创空间
  incubators: number; // 科技企业孵化器
  otherPlatforms: number; // 其他科技创新平台载体
}

/**
 * The values of an annual report (附件2), in exact integer units. The two combined indicators take either the
 * total or its four parts; parts are summed (POLICIES.md: "together").
 */
export interface ZoneIndicators {
  techContractTurnoverFen: Fen;
  /** 每万人口高价值发明专利拥有量 in hundredths: 1.6 → 160. */
  highValuePatentsPer10kHundredths: number;
  transferInstitutions: number | TransferInstitutionParts;
  brokers: number;
  parkEnterprises: number;
  /** Share of park enterprises in basis points: 0.35 → 3500. */
  hightechShareBasisPoints: number;
  /** Share of park revenue in basis points. */
  hightechRevenueShareBasisPoints: number;
  financingInstitutions: number | FinancingInstitutionParts;
  incubatedEnterprises: number;
  specialFund: boolean;
  /**
   * 四(三) 园区内研发经费投入 and 园区GDP, for zone.rd-intensity: given together or not at all (park GDP above zero).
   * Reports recorded before catalogue 2026-12-01 lack them.
   */
  rdSpendingFen?: Fen;
  parkGdpFen?: Fen;
  /** 四(二) 技术交易项数, the number of technology contracts, for zone.growth (with the turnover). */
  techContractCount?: number;
}

/** The API's names of the indicators (API.md), used on findings. */
export type IndicatorName =
  | 'techContractTurnover'
  | 'highValuePatentsPer10k'
  | 'transferInstitutions'
  | 'brokers'
  | 'parkEnterprises'
  | 'hightechShare'
  | 'hightechRevenueShare'
  | 'financingInstitutions'
  | 'incubatedEnterprises'
  | 'specialFund'
  | 'rdIntensity'
  | 'techContractCountGrowth'
  | 'techContractTurnoverGrowth';

/** `millionths`: a ratio in millionths (R&D spending / GDP: 0.0125 → 12500). */
export type IndicatorUnit = 'fen' | 'hundredths' | 'count' | 'basis-points' | 'millionths' | 'yes-no';

/** Decimal places of the scaled indicators, for the HTTP edge's `decimalToScaled(String(value), scale)`. */
export const INDICATOR_SCALES = {
  highValuePatentsPer10k: 2,
  hightechShare: 4,
  hightechRevenueShare: 4,
  rdIntensity: 6,
} as const;

export const MILLIONTHS_WHOLE = 1_000_000;

export const BASIS_POINTS_WHOLE = 10_000;

export const totalOf = (value: number | object): number =>
  typeof value === 'number' ? value : Object.values(value).reduce((sum: number, n) => sum + Number(n), 0);

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

const TRANSFER_PARTS: ReadonlyArray<keyof TransferInstitutionParts> = [
  'national',
  'regional',
  'universityAndInstitute',
  'other',
];
const FINANCING_PARTS: ReadonlyArray<keyof FinancingInstitutionParts> = [
  'investmentAndFinancing',
  'makerSpaces',
  'incubators',
  'otherPlatforms',
];

function countOrPartsProblems(field: string, value: unknown, parts: ReadonlyArray<string>): InputProblem[] {
  if (isCount(value)) return [];
  if (typeof value !== 'object' || value === null) {
    return [{ field, problem: say`must be a count, or its parts { ${parts.join(', ')} }` }];
  }
  const record = value as Record<string, unknown>;
  const unknownParts = Object.keys(record).filter((k) => !parts.includes(k));
  return [
    ...parts
      .filter((p) => !isCount(record[p]))
      .map((p) => ({ field: `${field}.${p}`, problem: say`must be a non-negative integer` })),
    ...unknownParts.map((p) => ({
      field: `${field}.${p}`,
      problem: say`is not a part; parts are ${parts.join(', ')}`,
    })),
  ];
}

/** Field-by-field problems with a report's indicators; empty when they are well-formed. Never throws. */
export function indicatorProblems(indicators: unknown): InputProblem[] {
  if (typeof indicators !== 'object' || indicators === null)
    return [{ field: 'indicators', problem: say`must be an object` }];
  const i = indicators as Record<string, unknown>;
  const problems: InputProblem[] = [];
  for (const field of [
    'techContractTurnoverFen',
    'highValuePatentsPer10kHundredths',
    'brokers',
    'parkEnterprises',
    'incubatedEnterprises',
  ]) {
    if (!isCount(i[field])) problems.push({ field, problem: say`must be a non-negative integer` });
  }
  for (const field of ['hightechShareBasisPoints', 'hightechRevenueShareBasisPoints']) {
    const bp = i[field];
    if (!isCount(bp) || bp > BASIS_POINTS_WHOLE)
      problems.push({ field, problem: say`must be basis points, an integer from 0 to 10000` });
  }
  problems.push(...countOrPartsProblems('transferInstitutions', i.transferInstitutions, TRANSFER_PARTS));
  problems.push(...countOrPartsProblems('financingInstitutions', i.financingInstitutions, FINANCING_PARTS));
  if (typeof i.specialFund !== 'boolean') problems.push({ field: 'specialFund', problem: say`must be true or false` });
  return [...problems, ...rdAndGrowthProblems(i)];
}

/** The optional figures of zone.rd-intensity and zone.growth: R&D spending and park GDP together, GDP above zero. */
function rdAndGrowthProblems(i: Record<string, unknown>): InputProblem[] {
  const problems: InputProblem[] = [];
  const optionalCount = (field: string, value: unknown) =>
    value === undefined || isCount(value) ? [] : [{ field, problem: say`must be a non-negative integer` }];
  problems.push(
    ...optionalCount('rdSpending', i.rdSpendingFen),
    ...optionalCount('techContractCount', i.techContractCount),
  );
  if (i.parkGdpFen !== undefined && !(isCount(i.parkGdpFen) && i.parkGdpFen > 0))
    problems.push({ field: 'parkGdp', problem: say`must be a positive amount` });
  if ((i.rdSpendingFen === undefined) !== (i.parkGdpFen === undefined)) {
    const [missing, given] = i.rdSpendingFen === undefined ? ['rdSpending', 'parkGdp'] : ['parkGdp', 'rdSpending'];
    problems.push({ field: missing, problem: say`is required with ${given}: the two are given together` });
  }
  return problems;
}
