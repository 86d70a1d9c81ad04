import { listOf, say, titleOf } from '../../shared/sentence';
import { ApproveConsortium } from '../consortium.commands';
import { BusinessDate, addYears } from '../../shared/dates';
import { ConsortiumApproved } from '../consortium.events';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumState } from '../consortium.state';
import { Decision, reject } from '../../shared/decision';
import { RuleCheck, check, paramOn } from '../../shared/rule';
import { isPreActive, outsidePolicyPeriod, reassess, ruleViolated, stageChecks } from '../consortium.assessment';
import { nextDueWithinPolicy } from '../../policies/policy';
import { statusWord } from '../../shared/status-words';

/** Every check an approval needs, passed or not: eligibility, review steps, notice ended, objections. */
export function approvalChecks(state: ConsortiumState, policy: ConsortiumPolicy, on: BusinessDate): RuleCheck[] {
  const notice = policy.procedure.notice;
  const noticeRef = { rule: notice.rule, citation: notice.citation };
  const noticeCheck = !state.notice
    ? check(noticeRef, false, say`no public notice has started`)
    : on > state.notice.endsOn
      ? check(noticeRef, true, say`the public notice ran from ${state.notice.startsOn} to ${state.notice.endsOn}`)
      : check(
          noticeRef,
          false,
          say`the public notice ends on ${state.notice.endsOn}; approval is possible from the day after, not on ${on}`,
        );
  const objectionRef = policy.procedure.objections;
  const blocking = state.objections.filter((o) => o.resolution?.outcome !== 'dismissed');
  const objectionChecks = blocking.length
    ? blocking.map((o) =>
        check(
          objectionRef,
          false,
          o.resolution
            ? say`objection ${o.n} was upheld on ${o.resolution.on}`
            : say`objection ${o.n} (${o.on}) is unresolved`,
        ),
      )
    : [
        check(
          objectionRef,
          true,
          state.objections.length ? say`every objection was dismissed` : say`no objection was raised`,
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
    return reject(
      'invalid-state',
      say`consortium ${consortiumId} is already ${statusWord(state.status)}`,
      policy.procedure.approval,
    );
  const outside = outsidePolicyPeriod(policy, on, 'approval');
  if (outside) return outside;
  const checks = approvalChecks(state, policy, on);
  const unmet = checks.filter((c) => !c.ok);
  if (unmet.length) {
    return ruleViolated(
      unmet[0],
      // Each unmet rule by its id (what to search for) and its title (in Chinese, the clause's words).
      say`approval refused: ${unmet.length} unmet ${unmet.length === 1 ? say`rule` : say`rules`}: ${listOf(
        unmet.map((c) => say`${c.rule} (${titleOf(c.rule)})`),
        'comma',
      )}`,
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
