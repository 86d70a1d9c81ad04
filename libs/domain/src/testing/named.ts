import { RuleRef } from '../shared/rule';

/**
 * The title of a rule's `describe`: '<rule id> — <citation>', built from the rule's own data (a RuleRef, a policy
 * parameter, an effect), so a renamed rule or citation renames its specs too.
 */
export const named = (ref: RuleRef): string => `${ref.rule} — ${ref.citation}`;
