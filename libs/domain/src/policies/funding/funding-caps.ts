import { fundingCategory, fundingPolicy } from './funding-catalog';
import { CapEvaluation, CapFacts } from './funding-policy';

/**
 * Every cap a grant with these facts is checked against: its category's and its policy's, each on the boundary it is
 * counted on. The one place caps are computed: the grant decision calls it with the grant's facts; the funding view
 * with a grant of nothing and the facts recorded on each grant, over the boundaries as they stand (so the view's
 * `used` is what the next grant's check would count).
 */
export function capsFor(facts: CapFacts): CapEvaluation[] {
  const category = fundingCategory(facts.terms.category);
  if (!category) return [];
  return [...category.caps(facts), ...fundingPolicy(facts.policy).policyCaps(facts)];
}

/** Whether `amountFen` more would take the cap over its limit (a cap without a limit is never exceeded). */
export const exceeds = (cap: CapEvaluation, amountFen: number): boolean =>
  cap.limitFen !== null && (cap.usedFen ?? 0) + amountFen > cap.limitFen;
