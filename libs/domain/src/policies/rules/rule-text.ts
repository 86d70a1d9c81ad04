/**
 * A rule as the catalogue states it: its id, its clause and what it says. The policy modules decide with parameters
 * and functions; these rows say in words what each rule id means, so that docs/POLICIES.md and GET /v1/policies
 * explain every rule a decision can name from one source.
 */
import { RuleRef } from '../../shared/rule';

export interface RuleText extends RuleRef {
  /** What the rule says: the document's requirement in English, with its key terms in Chinese. */
  text: string;
  /**
   * A Ledger interpretation of the rule that no parameter carries (the rule has no number to hang it on). Readings of
   * numbers live on the parameters; dated readings in LEDGER_INTERPRETATIONS.
   */
  interpretation?: string;
  /** Why no decision names this rule yet: it is listed so that the catalogue covers every rule of the text. */
  textOnly?: string;
}

export const ruleText = (rule: string, citation: string, text: string, more: Partial<RuleText> = {}): RuleText => ({
  rule,
  citation,
  text,
  ...more,
});
