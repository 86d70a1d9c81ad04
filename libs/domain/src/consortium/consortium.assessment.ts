import { Words, say } from '../shared/sentence';
/** Verdicts the consortium decisions share: the policy period, eligibility re-assessed, review steps passed. */
import { withWaivers } from './consortium.waivers';
import { ConsortiumApplication, ConsortiumPolicy } from '../policies/policy';
import { BusinessDate } from '../shared/dates';
import { reject, Rejection } from '../shared/decision';
import { check, paramOn, RuleCheck, RuleRef } from '../shared/rule';
import { ConsortiumState } from './consortium.state';
import { ReviewStage } from '../shared/procedure';

export const ruleViolated = (ref: RuleRef, message: Words, details?: RuleCheck[]): Rejection =>
  reject('rule-violated', message, { rule: ref.rule, citation: ref.citation, ...(details ? { details } : {}) });

/** Refuses a filing, approval or evaluation dated outside the policy's period. */
export function outsidePolicyPeriod(policy: ConsortiumPolicy, on: BusinessDate, what: string): Rejection | null {
  const { from, to, rule, citation } = policy.inForce;
  if (on < from)
    return reject('policy-not-in-force', say`${policy.id} is in force from ${from}; a ${what} dated ${on} is refused`, {
      rule,
      citation,
    });
  if (to !== undefined && on > to)
    return reject('policy-not-in-force', say`${policy.id} was in force until ${to}; a ${what} dated ${on} is refused`, {
      rule,
      citation,
    });
  return null;
}

/**
 * Eligibility on the consortium as it stands (or would stand after `change`), with the waivers on record. The verdict
 * on the rule spanning consortia (nmg.one-per-lead, luzhou.annual-call) was taken at filing and is kept, unless the
 * lead changes.
 */
export function reassess(
  state: ConsortiumState,
  policy: ConsortiumPolicy,
  on: BusinessDate,
  change: Partial<ConsortiumApplication> = {},
): RuleCheck[] {
  const application: ConsortiumApplication = {
    name: state.name,
    lead: state.lead,
    members: state.members,
    agreementSigned: state.agreementSigned,
    integrityCommitment: state.integrityCommitment,
    governance: state.governance,
    ...change,
  };
  const claimRule = policy.leadClaim?.rule;
  const carried = claimRule && !change.lead ? state.eligibility.filter((c) => c.rule === claimRule) : [];
  return withWaivers([...policy.eligibility(application, on), ...carried], state.waivers, application.lead.creditCode);
}

export const latestReview = (state: ConsortiumState, stage: ReviewStage) =>
  [...state.reviews].reverse().find((review) => review.stage === stage);

/** One verdict per required stage of the given steps: its latest outcome must be a pass. */
export function stageChecks(
  state: ConsortiumState,
  policy: ConsortiumPolicy,
  on: BusinessDate,
  steps?: number,
): RuleCheck[] {
  const reviewSteps = paramOn(policy.procedure.reviewSteps, on);
  const ref = { rule: policy.procedure.reviewSteps.rule, citation: policy.procedure.reviewSteps.citation };
  return reviewSteps
    .slice(0, steps ?? reviewSteps.length)
    .flat()
    .map((stage) => {
      const latest = latestReview(state, stage);
      if (!latest) return check(ref, false, say`no ${stage} review recorded`);
      return check(
        ref,
        latest.outcome === 'pass',
        say`${stage} review ${latest.outcome === 'pass' ? say`passed` : say`failed`} on ${latest.on}`,
      );
    });
}

export const isPreActive = (state: ConsortiumState): boolean =>
  state.status === 'filed' || state.status === 'under-review' || state.status === 'public-notice';
