/**
 * Events carry facts, views carry words. A grant records the rule ids it passed, the figures of every cap and the
 * sentence of its own facts (`detail`); the clause a rule cites and its Ledger interpretation are words of the policy
 * catalogue, rendered here when a view is built. Grants recorded before they were slimmed (SubsidyGranted version 1)
 * carry their words and keep showing them as recorded.
 *
 * The catalogue's words change only with a new rule id or a new catalogue version (`POLICY_CATALOGUE_VERSION`), so
 * rendering by rule id gives every grant the words it was decided under.
 */
import { ConsortiumPolicyId } from '../../shared/policy-ids';
import { RuleCheck, RuleRef } from '../../shared/rule';
import { NO_FUTURE_FACTS } from '../ledger-interpretations';
import { fundingPolicy } from './funding-catalog';
import { CapRecord } from './funding-policy';
import { LEDGER_FUNDING_RULES } from './ledger-funding-rules';
import { TIANJIN_FRAUD } from './tianjin-funding';

interface RuleWords {
  citation: string;
  interpretation?: string;
}

/** A check as a grant records it: which rule, that it passed, and the facts in one sentence. */
export type RecordedCheck = Pick<RuleCheck, 'rule' | 'ok' | 'detail'> & { citation?: string };

const wordsByPolicy = new Map<ConsortiumPolicyId, ReadonlyMap<string, RuleWords>>();

/** Every rule a grant under the policy can name, with its clause and interpretation; the first source named wins. */
function wordsOf(policy: ConsortiumPolicyId): ReadonlyMap<string, RuleWords> {
  const known = wordsByPolicy.get(policy);
  if (known) return known;
  const funding = fundingPolicy(policy);
  const words = new Map<string, RuleWords>();
  const add = (ref: RuleRef & { interpretation?: string }) => {
    const found = words.get(ref.rule);
    if (!found)
      words.set(ref.rule, {
        citation: ref.citation,
        ...(ref.interpretation && { interpretation: ref.interpretation }),
      });
    else if (!found.interpretation && ref.interpretation && found.citation === ref.citation) {
      found.interpretation = ref.interpretation;
    }
  };
  for (const category of funding.categories) add(category.grantRule);
  for (const category of funding.categories) Object.values(category.params).forEach(add);
  Object.values(funding.params).forEach(add);
  add(funding.inForce);
  add(funding.termination);
  add(funding.projectChange);
  Object.values(LEDGER_FUNDING_RULES).forEach((ref) => typeof ref === 'object' && add(ref));
  add(TIANJIN_FRAUD);
  add(NO_FUTURE_FACTS);
  wordsByPolicy.set(policy, words);
  return words;
}

/** The clause a rule cites under the policy (undefined for a rule the funding catalogue does not know). */
export const citationOf = (policy: ConsortiumPolicyId, rule: string): string | undefined =>
  wordsOf(policy).get(rule)?.citation;

/** The rule's Ledger interpretation under the policy, where it has one. */
export const interpretationOf = (policy: ConsortiumPolicyId, rule: string): string | undefined =>
  wordsOf(policy).get(rule)?.interpretation;

/** A recorded check with its clause: recorded words first (older grants), else the catalogue's. */
export function wordedCheck(check: RecordedCheck, policy: ConsortiumPolicyId): RuleCheck {
  if (check.citation !== undefined) return check as RuleCheck;
  const { rule, ok, detail } = check;
  return { rule, citation: citationOf(policy, rule) ?? '', ok, detail };
}

/** A recorded cap with its clause and interpretation: recorded words first (older grants), else the catalogue's. */
export function wordedCap(cap: CapRecord, policy: ConsortiumPolicyId): CapRecord & RuleRef {
  const interpretation = cap.citation !== undefined ? cap.interpretation : interpretationOf(policy, cap.rule);
  return {
    ...cap,
    citation: cap.citation ?? citationOf(policy, cap.rule) ?? '',
    ...(interpretation && { interpretation }),
  };
}
