/** The funding catalog: every subsidy category, the policy it belongs to, its parameters, rules and caps. */
import { FundingCategory, FundingPolicy } from './funding-policy';
import { liaoningFunding } from './liaoning-funding';
import { luzhouFunding } from './luzhou-funding';
import { nmgFunding } from './nmg-funding';
import { tianjinFunding } from './tianjin-funding';
import { ConsortiumPolicyId } from '../../shared/policy-ids';

export const FUNDING_POLICIES: ReadonlyArray<FundingPolicy> = [
  nmgFunding,
  luzhouFunding,
  liaoningFunding,
  tianjinFunding,
];

export function fundingPolicy(policy: ConsortiumPolicyId): FundingPolicy {
  const found = FUNDING_POLICIES.find((f) => f.policy === policy);
  if (!found) throw new RangeError(`no funding policy for ${policy}`);
  return found;
}

const CATEGORIES: ReadonlyMap<string, FundingCategory> = new Map(
  FUNDING_POLICIES.flatMap((f) => f.categories).map((c) => [c.id, c]),
);

/** `fundingCategory('liaoning.jiebang')` → its policy id, params, rules and caps; undefined for an unknown id. */
export function fundingCategory(id: string): FundingCategory | undefined {
  return CATEGORIES.get(id);
}
