import { say } from '../../shared/sentence';
import { LEDGER_FUNDING_RULES as LEDGER } from '../../policies/funding/ledger-funding-rules';
import { Decision, isRejection } from '../../shared/decision';
import { RecordSubsidyRefund } from '../subsidy.commands';
import { SubsidyLedgerEvent } from '../subsidy.events';
import { SubsidyLedgerState, refundDueFen } from '../subsidy.state';
import { beyond, datedBefore, openSubsidy } from './subsidy-movements';
import { dateProblems, invalidInput, movementAmountProblems, textProblems } from '../../shared/input-problems';

/** Refunds stay possible after a termination: they are the money its clawback recovers. */
export function decideRefund(command: RecordSubsidyRefund, state: SubsidyLedgerState): Decision<SubsidyLedgerEvent> {
  const { subsidyId, amountFen, receivedOn, voucher } = command.data;
  const problems = [
    ...movementAmountProblems('amount', amountFen),
    ...dateProblems('receivedOn', receivedOn),
    ...textProblems('voucher', voucher),
  ];
  if (problems.length > 0) return invalidInput(problems);
  const subsidy = openSubsidy(state, subsidyId, { refund: true });
  if (isRejection(subsidy)) return subsidy;
  const backdated = datedBefore(subsidy, 'receivedOn', receivedOn);
  if (backdated) return backdated;
  const due = refundDueFen(subsidy);
  if (amountFen > due) {
    return beyond(LEDGER.refundWithinClawback, say`refunded`, {
      limit: subsidy.clawedBackFen,
      used: subsidy.refundedFen,
      requested: amountFen,
      headroom: due,
    });
  }
  return [
    { type: 'SubsidyRefunded', data: { ...LEDGER.refundWithinClawback, subsidyId, amountFen, receivedOn, voucher } },
  ];
}
