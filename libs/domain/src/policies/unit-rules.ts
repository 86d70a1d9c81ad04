/** Small counting helpers the policies' eligibility rules share. */
import { isEnterpriseCode, isRegisteredIn } from '../shared/credit-code';
import { fenToYuan } from '../shared/money';
import { say, Sentence } from '../shared/sentence';
import { Unit } from '../shared/unit';

/**
 * Ledger interpretation: an enterprise is a unit declared `kind: 'enterprise'` whose credit code is issued by market
 * regulation (registering authority 9). A branch (e.g. a central SOE's branch in Inner Mongolia) has its own code
 * with the division of its own registration, so it counts where it is registered.
 */
export const ENTERPRISE_INTERPRETATION =
  'An enterprise is a unit declared kind "enterprise" whose unified social credit code is issued by market regulation ' +
  '(registering authority 9). A branch has its own code with the division where it is registered.';

export const isEnterprise = (unit: Unit): boolean => unit.kind === 'enterprise' && isEnterpriseCode(unit.creditCode);

export const isAcademic = (unit: Unit): boolean => unit.kind === 'university' || unit.kind === 'research-institute';

export const registeredIn =
  (divisionPrefix: string) =>
  (unit: Unit): boolean =>
    isRegisteredIn(unit.creditCode, divisionPrefix);

export const countOf = (units: Unit[], predicate: (unit: Unit) => boolean): number => units.filter(predicate).length;

/** part ≥ percent% of whole, in integers. */
export const isAtLeastPercent = (part: number, whole: number, percent: number): boolean =>
  whole > 0 && part * 100 >= whole * percent;

/** part > percent% of whole, in integers. */
export const isMoreThanPercent = (part: number, whole: number, percent: number): boolean =>
  whole > 0 && part * 100 > whole * percent;

export const describeUnit = (unit: Pick<Unit, 'name' | 'creditCode'>): string => `${unit.name} (${unit.creditCode})`;

export const yuanText = (fen: number): string => `${fenToYuan(fen)} yuan`;

/** Why a lead is not an enterprise, or null when it is one. */
export function notAnEnterpriseBecause(unit: Unit): Sentence | null {
  if (unit.kind !== 'enterprise') return say`declared kind is ${unit.kind}`;
  if (!isEnterpriseCode(unit.creditCode))
    return say`credit code ${unit.creditCode} is not issued by market regulation (9)`;
  return null;
}

/** part / whole as a percentage with two decimals, in integer arithmetic: "3.25%". */
export function percentText(part: number, whole: number): string {
  if (whole <= 0) return 'n/a';
  const basisPoints = (BigInt(part) * 10000n) / BigInt(whole);
  const whole100 = basisPoints / 100n;
  const cents = String(basisPoints % 100n).padStart(2, '0');
  return `${whole100}.${cents}%`;
}

export type GovernanceBody = 'council' | 'expertCommittee' | 'secretariat' | 'managementBody';

export const GOVERNANCE_NAMES: Record<GovernanceBody, Sentence> = {
  council: say`council (理事会)`,
  expertCommittee: say`expert committee (专家委员会)`,
  secretariat: say`secretariat (秘书处)`,
  managementBody: say`management body (管理协调机构)`,
};
