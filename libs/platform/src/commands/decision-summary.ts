import { ruleRefOf } from '@ledger/domain/shared/rule';

/** One event a command recorded, as its answer lists it: the type and the rule and citation behind it. */
export const decisionSummary = (event: { type: string; data: object }) => ({
  type: event.type,
  ...ruleRefOf(event.data),
});
