/** The procedure before listing: reviews → public notice → objections → approval, or rejection / withdrawal. */
import { ConsortiumPolicy } from '../policies/policy';
import { addYears, BusinessDate } from '../shared/dates';
import { Decision, reject } from '../shared/decision';
import { check, paramOn, RuleCheck } from '../shared/rule';
import { calendarNoticeEnd, noticeEnd, WorkingDayCalendarError } from '../shared/working-days';
import {
  ApproveConsortium,
  RecordObjection,
  RecordReview,
  RejectConsortium,
  ResolveObjection,
  StartPublicNotice,
  WithdrawConsortium,
} from './consortium.commands';
import {
  isPreActive,
  nextDueWithinPolicy,
  outsidePolicyPeriod,
  reassess,
  refOf,
  ruleViolated,
  stageChecks,
} from './consortium.assessment';
import {
  ConsortiumApproved,
  ConsortiumRejected,
  ConsortiumWithdrawn,
  ObjectionRecorded,
  ObjectionResolved,
  PublicNoticeStarted,
  ReviewRecorded,
} from './consortium.events';
import { ConsortiumState } from './consortium.state';
import { invalidInput, oneOfProblems, textProblems } from './consortium.validation';

const REVIEW_STAGES = ['preliminary', 'formal', 'technical', 'expert'];

export function decideReview(
  command: RecordReview,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ReviewRecorded> {
  const { consortiumId, stage, outcome, on, notes } = command.data;
  const problems = [
    ...oneOfProblems('stage', stage, REVIEW_STAGES),
    ...oneOfProblems('outcome', outcome, ['pass', 'fail']),
  ];
  if (problems.length) return invalidInput(problems);
  if (state.status !== 'filed' && state.status !== 'under-review') {
    return reject('invalid-state', `reviews are recorded before the public notice; the consortium is ${state.status}`);
  }
  const stepsParam = policy.procedure.reviewSteps;
  const ref = { rule: stepsParam.rule, citation: stepsParam.citation };
  const steps = paramOn(stepsParam, on);
  const step = steps.findIndex((s) => s.includes(stage));
  if (step < 0) {
    return ruleViolated(
      ref,
      `${policy.id} has no ${stage} review; its steps are ${steps.map((s) => s.join(' + ')).join(' → ')}`,
    );
  }
  const earlier = stageChecks(state, policy, on, step).filter((c) => !c.ok);
  if (earlier.length)
    return ruleViolated(earlier[0], `the ${stage} review comes after the earlier steps pass`, earlier);
  return [
    {
      type: 'ReviewRecorded',
      data: { consortiumId, stage, outcome, on, ...(notes !== undefined ? { notes } : {}), ...ref },
    },
  ];
}

export function decideNotice(
  command: StartPublicNotice,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<PublicNoticeStarted> {
  const { consortiumId, startsOn } = command.data;
  const noticeParam = policy.procedure.notice;
  const ref = { rule: noticeParam.rule, citation: noticeParam.citation };
  if (state.status !== 'filed' && state.status !== 'under-review') {
    return reject('invalid-state', `a public notice starts after the reviews; the consortium is ${state.status}`, ref);
  }
  const unmetReviews = stageChecks(state, policy, startsOn).filter((c) => !c.ok);
  if (unmetReviews.length)
    return ruleViolated(unmetReviews[0], 'the public notice starts when every review step has passed', unmetReviews);
  const { unit, days } = paramOn(noticeParam, startsOn);
  let endsOn: BusinessDate;
  try {
    endsOn = unit === 'working-days' ? noticeEnd(startsOn, days) : calendarNoticeEnd(startsOn, days);
  } catch (error) {
    if (error instanceof WorkingDayCalendarError) {
      return invalidInput(
        [{ field: 'startsOn', problem: `gives a notice the working-day calendar cannot count (${error.year})` }],
        { message: error.message, ...ref },
      );
    }
    throw error;
  }
  return [
    {
      type: 'PublicNoticeStarted',
      data: {
        consortiumId,
        startsOn,
        endsOn,
        unit,
        days,
        ...ref,
        ...(noticeParam.interpretation ? { interpretation: noticeParam.interpretation } : {}),
      },
    },
  ];
}

export function decideObjection(
  command: RecordObjection,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ObjectionRecorded> {
  const { consortiumId, on, text } = command.data;
  const problems = textProblems('text', text);
  if (problems.length) return invalidInput(problems);
  if (state.status !== 'public-notice') {
    return reject(
      'invalid-state',
      `objections are recorded during the public notice; the consortium is ${state.status}`,
      policy.procedure.objections,
    );
  }
  return [
    {
      type: 'ObjectionRecorded',
      data: { consortiumId, n: state.objections.length + 1, on, text, ...refOf(policy.procedure.objections) },
    },
  ];
}

export function decideResolution(
  command: ResolveObjection,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ObjectionResolved> {
  const { consortiumId, n, on, outcome } = command.data;
  const problems = oneOfProblems('outcome', outcome, ['upheld', 'dismissed']);
  if (problems.length) return invalidInput(problems);
  const objection = state.objections.find((o) => o.n === n);
  if (!objection) return reject('not-found', `consortium ${consortiumId} has no objection ${n}`);
  if (objection.resolution) {
    return reject(
      'invalid-state',
      `objection ${n} was already ${objection.resolution.outcome} on ${objection.resolution.on}`,
      policy.procedure.objections,
    );
  }
  if (state.status !== 'public-notice') {
    return reject(
      'invalid-state',
      `objections are resolved before approval; the consortium is ${state.status}`,
      policy.procedure.objections,
    );
  }
  return [{ type: 'ObjectionResolved', data: { consortiumId, n, on, outcome, ...refOf(policy.procedure.objections) } }];
}

/** Every check an approval needs, passed or not: eligibility, review steps, notice ended, objections. */
export function approvalChecks(state: ConsortiumState, policy: ConsortiumPolicy, on: BusinessDate): RuleCheck[] {
  const notice = policy.procedure.notice;
  const noticeRef = { rule: notice.rule, citation: notice.citation };
  const noticeCheck = !state.notice
    ? check(noticeRef, false, 'no public notice has started')
    : on > state.notice.endsOn
      ? check(noticeRef, true, `the public notice ran from ${state.notice.startsOn} to ${state.notice.endsOn}`)
      : check(
          noticeRef,
          false,
          `the public notice ends on ${state.notice.endsOn}; approval is possible from the day after, not on ${on}`,
        );
  const objectionRef = policy.procedure.objections;
  const blocking = state.objections.filter((o) => o.resolution?.outcome !== 'dismissed');
  const objectionChecks = blocking.length
    ? blocking.map((o) =>
        check(
          objectionRef,
          false,
          o.resolution
            ? `objection ${o.n} was upheld on ${o.resolution.on}`
            : `objection ${o.n} (${o.on}) is unresolved`,
        ),
      )
    : [
        check(
          objectionRef,
          true,
          state.objections.length ? 'every objection was dismissed' : 'no objection was raised',
        ),
      ];
  return [...reassess(state, policy, on), ...stageChecks(state, policy, on), noticeCheck, ...objectionChecks];
}

export function decideApproval(
  command: ApproveConsortium,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ConsortiumApproved> {
  const { consortiumId, on } = command.data;
  if (!isPreActive(state))
    return reject('invalid-state', `consortium ${consortiumId} is already ${state.status}`, policy.procedure.approval);
  const outside = outsidePolicyPeriod(policy, on, 'approval');
  if (outside) return outside;
  const checks = approvalChecks(state, policy, on);
  const unmet = checks.filter((c) => !c.ok);
  if (unmet.length) {
    return ruleViolated(
      unmet[0],
      `approval refused: ${unmet.length} unmet ${unmet.length === 1 ? 'rule' : 'rules'}: ${unmet.map((c) => c.rule).join(', ')}`,
      unmet,
    );
  }
  const cycle = policy.evaluation.cycleYears;
  const nextEvaluationDueOn = cycle ? nextDueWithinPolicy(policy, addYears(on, paramOn(cycle, on))) : undefined;
  return [
    {
      type: 'ConsortiumApproved',
      data: {
        consortiumId,
        on,
        checks,
        ...policy.procedure.approval,
        ...(nextEvaluationDueOn ? { nextEvaluationDueOn } : {}),
      },
    },
  ];
}

export function decideRejection(
  command: RejectConsortium,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ConsortiumRejected> {
  const { consortiumId, on, reason } = command.data;
  const problems = textProblems('reason', reason);
  if (problems.length) return invalidInput(problems);
  if (!isPreActive(state))
    return reject(
      'invalid-state',
      `only a filing is rejected; consortium ${consortiumId} is ${state.status}`,
      policy.procedure.approval,
    );
  return [{ type: 'ConsortiumRejected', data: { consortiumId, on, reason, ...policy.procedure.approval } }];
}

export function decideWithdrawal(
  command: WithdrawConsortium,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ConsortiumWithdrawn> {
  const { consortiumId, on, reason } = command.data;
  if (!isPreActive(state)) {
    return reject(
      'invalid-state',
      `only a filing is withdrawn; consortium ${consortiumId} is ${state.status} (dissolve it instead)`,
      policy.procedure.withdrawal,
    );
  }
  return [
    {
      type: 'ConsortiumWithdrawn',
      data: { consortiumId, on, ...(reason !== undefined ? { reason } : {}), ...policy.procedure.withdrawal },
    },
  ];
}
