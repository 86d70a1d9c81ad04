import { LEDGER_FUNDING_RULES as LEDGER } from '../../policies/funding/ledger-funding-rules';
import { Decision, isRejection } from '../../shared/decision';
import { DisburseSubsidy } from '../subsidy.commands';
import { SubsidyLedgerEvent } from '../subsidy.events';
import { SubsidyLedgerState, undisbursedFen } from '../subsidy.state';
import { beyond, datedBefore, openSubsidy } from './subsidy-movements';
import { dateProblems, invalidInput, positiveAmountProblems, textProblems } from '../../shared/input-problems';

export function decideDisbursement(command: DisburseSubsidy, state: SubsidyLedgerState): Decision<SubsidyLedgerEvent> {
  const { subsidyId, amountFen, paidOn, voucher } = command.data;
  const problems = [
    ...positiveAmountProblems('amount', amountFen),
    ...dateProblems('paidOn', paidOn),
    ...textProblems('voucher', voucher),
  ];
  if (problems.length > 0) return invalidInput(problems);
  const subsidy = openSubsidy(state, subsidyId);
  if (isRejection(subsidy)) return subsidy;
  const backdated = datedBefore(subsidy, 'paidOn', paidOn);
  if (backdated) return backdated;
  const available = undisbursedFen(subsidy);
  if (amountFen > available) {
    return beyond(LEDGER.disburseWithinGrant, 'disbursed', {
      limit: subsidy.grantedFen - subsidy.cancelledFen,
      used: subsidy.disbursedFen,
      requested: amountFen,
      headroom: available,
    });
  }
  return [{ type: 'SubsidyDisbursed', data: { ...LEDGER.disburseWithinGrant, subsidyId, amountFen, paidOn, voucher } }];
}
