/**
 * Events carry facts, views carry words. A grant records the rule ids it passed, the figures of every cap and the
 * facts their sentences name; the sentences (grant-sentences.ts), the clause a rule cites and its Ledger interpretation
 * are rendered here when a view is built. Grants recorded before they were slimmed carry their words and keep showing
 * them as recorded: the sentences (`detail`) before SubsidyGranted version 3, the clauses and interpretations too
 * before version 2.
 *
 * The catalogue's words change only with a new rule id or a new catalogue version (`POLICY_CATALOGUE_VERSION`), so
 * rendering by rule id gives every grant the words it was decided under.
 */
import { ConsortiumPolicyId } from '../../shared/policy-ids';
import { RuleCheck, RuleRef } from '../../shared/rule';
import { Words } from '../../shared/sentence';
import { NO_FUTURE_FACTS } from '../ledger-interpretations';
import { fundingPolicy } from './funding-catalog';
import { CapRecord } from './funding-policy';
import { capSentence, checkSentence, GrantSaid, RecordedWords } from './grant-sentences';
import { LEDGER_FUNDING_RULES } from './ledger-funding-rules';
import { TIANJIN_FRAUD } from './tianjin-funding';

interface RuleWords {
  citation: string;
  interpretation?: string;
}

/**
 * A check as a grant records it: which rule, that it passed, and the facts its sentence names besides the grant's terms
 * (version 3); versions 1 and 2 recorded the sentence itself (`detail`), version 1 the clause too.
 */
export type RecordedCheck = Pick<RuleCheck, 'rule' | 'ok'> & RecordedWords & { detail?: Words; citation?: string };

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

/** A recorded check with its clause and its sentence: recorded words first (older grants), else the catalogue's. */
export function wordedCheck(check: RecordedCheck, grant: GrantSaid): RuleCheck {
  if (check.citation !== undefined) return check as RuleCheck;
  const { rule, ok } = check;
  return {
    rule,
    citation: citationOf(grant.policy, rule) ?? '',
    ok,
    detail: check.detail ?? checkSentence(check, grant),
  };
}

/**
 * A recorded cap with its sentence, clause and interpretation: recorded words first (older grants), else the
 * catalogue's.
 */
export function wordedCap(cap: CapRecord, grant: GrantSaid): CapRecord & RuleRef & { detail: Words } {
  const { variant: _variant, facts: _facts, ...recorded } = cap;
  const interpretation = cap.citation !== undefined ? cap.interpretation : interpretationOf(grant.policy, cap.rule);
  // Object.assign, not a spread followed by keys (docs/ARCHITECTURE.md, "Objects on the command path").
  const worded = Object.assign({}, recorded, {
    detail: cap.detail ?? capSentence(cap, grant),
    citation: cap.citation ?? citationOf(grant.policy, cap.rule) ?? '',
  });
  return interpretation ? Object.assign(worded, { interpretation }) : worded;
}
