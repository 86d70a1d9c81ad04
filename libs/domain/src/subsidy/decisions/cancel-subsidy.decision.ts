import { say } from '../../shared/sentence';
import { LEDGER_FUNDING_RULES as LEDGER } from '../../policies/funding/ledger-funding-rules';
import { CancelSubsidy } from '../subsidy.commands';
import { Decision, isRejection } from '../../shared/decision';
import { SubsidyLedgerEvent } from '../subsidy.events';
import { SubsidyLedgerState, undisbursedFen } from '../subsidy.state';
import { beyond, cancelled, datedBefore, openSubsidy, released } from './subsidy-movements';
import { dateProblems, invalidInput, movementAmountProblems, textProblems } from '../../shared/input-problems';

export function decideCancellation(command: CancelSubsidy, state: SubsidyLedgerState): Decision<SubsidyLedgerEvent> {
  const { subsidyId, amountFen, on, reason } = command.data;
  const problems = [
    ...movementAmountProblems('amount', amountFen),
    ...dateProblems('on', on),
    ...textProblems('reason', reason),
  ];
  if (problems.length > 0) return invalidInput(problems);
  const subsidy = openSubsidy(state, subsidyId);
  if (isRejection(subsidy)) return subsidy;
  const backdated = datedBefore(subsidy, 'on', on);
  if (backdated) return backdated;
  const undisbursed = undisbursedFen(subsidy);
  if (amountFen > undisbursed) {
    return beyond(LEDGER.cancelUndisbursed, say`cancelled`, {
      limit: subsidy.grantedFen - subsidy.disbursedFen,
      used: subsidy.cancelledFen,
      requested: amountFen,
      headroom: undisbursed,
    });
  }
  return [
    cancelled(subsidy, amountFen, on, reason, LEDGER.cancelUndisbursed),
    ...released(subsidy, amountFen, on, 'cancellation', LEDGER.cancelUndisbursed),
  ];
}
