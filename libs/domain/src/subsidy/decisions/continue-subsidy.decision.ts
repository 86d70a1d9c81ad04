import { say } from '../../shared/sentence';
import { ENDED_STATUSES } from '../../consortium/consortium.state';
import { fundingPolicy } from '../../policies/funding/funding-catalog';
import { Decision, isRejection, reject } from '../../shared/decision';
import { dateProblems, invalidInput, textProblems } from '../../shared/input-problems';
import { ContinueSubsidy } from '../subsidy.commands';
import { SubsidyContext } from '../subsidy.context';
import { SubsidyLedgerEvent } from '../subsidy.events';
import { SubsidyLedgerState } from '../subsidy.state';
import { datedBefore, openSubsidy } from './subsidy-movements';

/**
 * nmg.project-change (六(三)), ledger.project-change elsewhere: once its consortium has ended, a project is paid again
 * only when its managing authority decided it goes on; the decision's document number is kept.
 */
export function decideContinuation(
  command: ContinueSubsidy,
  state: SubsidyLedgerState,
  { consortium }: SubsidyContext,
): Decision<SubsidyLedgerEvent> {
  const { subsidyId, on, authority, reference } = command.data;
  const problems = [
    ...dateProblems('on', on),
    ...textProblems('authority', authority),
    ...textProblems('reference', reference),
  ];
  if (problems.length > 0) return invalidInput(problems);
  const subsidy = openSubsidy(state, subsidyId);
  if (isRejection(subsidy)) return subsidy;
  const rule = fundingPolicy(subsidy.policy).projectChange;
  if (!consortium?.ended || !ENDED_STATUSES.includes(consortium.status)) {
    return reject(
      'invalid-state',
      say`consortium ${subsidy.consortiumId} has not ended; its project needs no decision to go on`,
      rule,
    );
  }
  if (subsidy.continuation) {
    const { authority: by, reference: ref, on: since } = subsidy.continuation;
    return reject(
      'invalid-state',
      say`subsidy ${subsidyId} already goes on by ${by}'s decision ${ref} (${since})`,
      rule,
    );
  }
  const backdated = datedBefore(subsidy, 'on', on);
  if (backdated) return backdated;
  if (on < consortium.ended.on) {
    return invalidInput(
      [{ field: 'on', problem: say`must not be before the consortium ended (${consortium.ended.on})` }],
      rule,
    );
  }
  return [
    {
      type: 'SubsidyContinued',
      data: {
        ...rule,
        subsidyId,
        on,
        authority: authority.trim(),
        reference: reference.trim(),
        consortiumEnded: { status: consortium.status, on: consortium.ended.on },
      },
    },
  ];
}
