import { LEDGER_FUNDING_RULES as LEDGER } from '../../policies/funding/ledger-funding-rules';
import { BusinessDate } from '../../shared/dates';
import { CLAWBACK_REASONS, ClawBackSubsidy } from '../subsidy.commands';
import { Decision, isRejection } from '../../shared/decision';
import { SubsidyClawedBack, SubsidyLedgerEvent, UnitRecordedDishonest } from '../subsidy.events';
import { SubsidyLedgerState, SubsidyState, recoverableFen } from '../subsidy.state';
import { TIANJIN_FRAUD } from '../../policies/funding/tianjin-funding';
import { beyond, datedBefore, openSubsidy } from './subsidy-movements';
import { dateProblems, invalidInput, positiveAmountProblems } from '../../shared/input-problems';
import { recordsDishonesty } from '../subsidy.routing';

export function decideClawback(command: ClawBackSubsidy, state: SubsidyLedgerState): Decision<SubsidyLedgerEvent> {
  const { subsidyId, amountFen, on, reason } = command.data;
  const reasonProblem = CLAWBACK_REASONS.includes(reason)
    ? []
    : [{ field: 'reason', problem: `must be one of ${CLAWBACK_REASONS.join(', ')}` }];
  const problems = [...positiveAmountProblems('amount', amountFen), ...dateProblems('on', on), ...reasonProblem];
  if (problems.length > 0) return invalidInput(problems);
  const subsidy = openSubsidy(state, subsidyId);
  if (isRejection(subsidy)) return subsidy;
  const backdated = datedBefore(subsidy, 'on', on);
  if (backdated) return backdated;
  const recoverable = recoverableFen(subsidy);
  if (amountFen > recoverable) {
    return beyond(LEDGER.clawbackWithinDisbursed, 'clawed back', {
      limit: subsidy.disbursedFen,
      used: subsidy.clawedBackFen,
      requested: amountFen,
      headroom: recoverable,
    });
  }
  const fraud = recordsDishonesty(subsidy, reason);
  const rule = fraud ? TIANJIN_FRAUD : LEDGER.clawbackWithinDisbursed;
  const clawedBack: SubsidyClawedBack = {
    type: 'SubsidyClawedBack',
    data: { ...rule, subsidyId, amountFen, on, reason },
  };
  return [clawedBack, ...(fraud ? dishonestUnits(subsidy, state, on) : [])];
}

/** tianjin.fraud: the recipient, and the alliance's responsible unit if another, unless already recorded. */
function dishonestUnits(subsidy: SubsidyState, state: SubsidyLedgerState, on: BusinessDate): UnitRecordedDishonest[] {
  const answerable: Array<[string, UnitRecordedDishonest['data']['capacity']]> = [
    [subsidy.recipient, 'recipient'],
    [subsidy.responsibleUnit, 'responsible-unit'],
  ];
  return answerable
    .filter(([creditCode], i) => i === 0 || creditCode !== subsidy.recipient)
    .filter(([creditCode]) => !state.units[creditCode]?.dishonest)
    .map(([creditCode, capacity]) => ({
      type: 'UnitRecordedDishonest',
      data: {
        ...TIANJIN_FRAUD,
        creditCode,
        on,
        subsidyId: subsidy.subsidyId,
        consortiumId: subsidy.consortiumId,
        capacity,
      },
    }));
}
