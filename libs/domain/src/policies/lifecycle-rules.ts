/**
 * Rules of the lifecycle every consortium policy shares (POLICIES.md, "Lifecycle shared by all consortium policies").
 * They have no id in POLICIES.md, so the ledger names them `lifecycle.*`; a policy that states the rule itself
 * (luzhou.review-chain, tianjin.filing-steps) names its own id instead. A policy may give a `lifecycle.*` rule its own
 * clause as citation (nmg's approval cites 四(五)); without one, the citation is LIFECYCLE_CITATION.
 */
import { RuleRef } from '../shared/rule';

export const LIFECYCLE_CITATION = 'POLICIES.md: Lifecycle shared by all consortium policies';

export type LifecycleRule =
  | 'in-force'
  | 'filing'
  | 'review-steps'
  | 'public-notice'
  | 'objections'
  | 'approval'
  | 'withdrawal'
  | 'members'
  | 'rename'
  | 'dissolution'
  | 'evaluation'
  | 'dates'
  | 'ended';

/** What each `lifecycle.*` rule says: the ledger's reading of the shared lifecycle, one sentence per id. */
export const LIFECYCLE_RULES: Readonly<Record<LifecycleRule, string>> = {
  'in-force':
    "filings, approvals and evaluations fall within the policy's period; outside it they are refused (policy-not-in-force)",
  filing:
    'a filing dated within the policy period is recorded as filed with every eligibility verdict, eligible or not ' +
    '(approval refuses an ineligible one); it is refused only when it breaks a rule spanning consortia',
  'review-steps':
    "the policy's review steps are recorded in order; each must pass before the next and before the public notice",
  'public-notice':
    'a public notice runs after the reviews (5 working days where the document states no length); approval comes after it ends',
  objections: 'objections are recorded and resolved during the public notice; approval needs each one dismissed',
  approval:
    'approval needs every eligibility rule, every review step and the public notice passed, with no objection standing',
  withdrawal: 'a filing (before approval) may be withdrawn; it ends the filing',
  members:
    'members join or leave before and after approval; each change is recorded with eligibility re-assessed on the ' +
    'members after it (approval refuses an ineligible consortium)',
  rename: "a consortium's name may change; where the policy attaches no consequence it carries on under the new name",
  dissolution: 'an active consortium may be dissolved; it then accepts no command but queries',
  evaluation: 'evaluations of an active consortium are recorded, each period once',
  dates: "business dates do not go backwards: a command dated before the consortium's latest recorded date is refused",
  ended: 'a dissolved, delisted, rejected or withdrawn consortium accepts no command but queries',
};

export const lifecycleRule = (name: LifecycleRule, citation: string = LIFECYCLE_CITATION): RuleRef => ({
  rule: `lifecycle.${name}`,
  citation,
});

/** Ledger interpretation: policies without a stated notice length use 5 working days. */
export const DEFAULT_NOTICE_INTERPRETATION =
  'The document states no length for the public notice: 5 working days (POLICIES.md Lifecycle). startsOn counts as ' +
  'day 1 when it is a working day; endsOn is the 5th working day; approval is possible from the day after endsOn.';
