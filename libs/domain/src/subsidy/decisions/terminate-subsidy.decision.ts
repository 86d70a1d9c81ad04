import { Decision, isRejection } from '../../shared/decision';
import { SubsidyClawedBack, SubsidyLedgerEvent, SubsidyTerminated } from '../subsidy.events';
import { SubsidyLedgerState, recoverableFen, undisbursedFen } from '../subsidy.state';
import { TerminateSubsidy } from '../subsidy.commands';
import { cancelled, datedBefore, openSubsidy, released } from './subsidy-movements';
import { dateProblems, invalidInput, textProblems } from '../../shared/input-problems';
import { fundingPolicy } from '../../policies/funding/funding-catalog';

/** nmg.terminate-and-recover (六(二)) under nmg-2024-consortium; ledger.terminate-and-recover elsewhere. */
export function decideTermination(command: TerminateSubsidy, state: SubsidyLedgerState): Decision<SubsidyLedgerEvent> {
  const { subsidyId, on, reason } = command.data;
  const problems = [...dateProblems('on', on), ...textProblems('reason', reason)];
  if (problems.length > 0) return invalidInput(problems);
  const subsidy = openSubsidy(state, subsidyId);
  if (isRejection(subsidy)) return subsidy;
  const backdated = datedBefore(subsidy, 'on', on);
  if (backdated) return backdated;
  const rule = fundingPolicy(subsidy.policy).termination;
  const rest = undisbursedFen(subsidy);
  const recoverable = recoverableFen(subsidy);
  const terminated: SubsidyTerminated = { type: 'SubsidyTerminated', data: { ...rule, subsidyId, on, reason } };
  const clawedBack: SubsidyClawedBack = {
    type: 'SubsidyClawedBack',
    data: { ...rule, subsidyId, amountFen: recoverable, on, reason: 'termination' },
  };
  return [
    terminated,
    ...(rest > 0 ? [cancelled(subsidy, rest, on, 'termination', rule)] : []),
    ...(recoverable > 0 ? [clawedBack] : []),
    ...(rest > 0 ? released(subsidy, rest, on, 'termination', rule) : []),
  ];
}
