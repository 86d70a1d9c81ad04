/**
 * Rules of the lifecycle every consortium policy shares (POLICIES.md, "Lifecycle shared by all consortium policies").
 * They have no id in POLICIES.md, so the ledger names them `lifecycle.*`; a policy that states the rule itself
 * (luzhou.review-chain, tianjin.filing-steps) names its own id instead.
 */
import { RuleRef } from '../shared/rule';

export const LIFECYCLE_CITATION = 'POLICIES.md: Lifecycle shared by all consortium policies';

export type LifecycleRule =
  | 'in-force'
  | 'review-steps'
  | 'public-notice'
  | 'objections'
  | 'approval'
  | 'withdrawal'
  | 'dissolution'
  | 'evaluation'
  | 'dates'
  | 'ended';

export const lifecycleRule = (name: LifecycleRule, citation: string = LIFECYCLE_CITATION): RuleRef => ({
  rule: `lifecycle.${name}`,
  citation,
});

/** Ledger interpretation: policies without a stated notice length use 5 working days. */
export const DEFAULT_NOTICE_INTERPRETATION =
  'The document states no length for the public notice: 5 working days (POLICIES.md Lifecycle). startsOn counts as ' +
  'day 1 when it is a working day; endsOn is the 5th working day; approval is possible from the day after endsOn.';
