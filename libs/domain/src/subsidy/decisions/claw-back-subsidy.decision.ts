import { say } from '../../shared/sentence';
import { LEDGER_FUNDING_RULES as LEDGER } from '../../policies/funding/ledger-funding-rules';
import { BusinessDate } from '../../shared/dates';
import { CLAWBACK_REASONS, ClawBackSubsidy } from '../subsidy.commands';
import { Decision, isRejection, reject } from '../../shared/decision';
import { amountText } from '../../policies/funding/amount-text';
import { SubsidyClawedBack, SubsidyLedgerEvent, UnitRecordedDishonest } from '../subsidy.events';
import { SubsidyLedgerState, SubsidyState, recoverableFen, undisbursedFen } from '../subsidy.state';
import { TIANJIN_FRAUD } from '../../policies/funding/tianjin-funding';
import { beyond, cancelled, datedBefore, openSubsidy, released } from './subsidy-movements';
import { dateProblems, invalidInput, movementAmountProblems } from '../../shared/input-problems';
import { recordsDishonesty } from '../subsidy.routing';

export function decideClawback(command: ClawBackSubsidy, state: SubsidyLedgerState): Decision<SubsidyLedgerEvent> {
  const { subsidyId, amountFen, on, reason } = command.data;
  const reasonProblem = CLAWBACK_REASONS.includes(reason)
    ? []
    : [{ field: 'reason', problem: say`must be one of ${CLAWBACK_REASONS.join(', ')}` }];
  const problems = [...movementAmountProblems('amount', amountFen), ...dateProblems('on', on), ...reasonProblem];
  if (problems.length > 0) return invalidInput(problems);
  const subsidy = openSubsidy(state, subsidyId);
  if (isRejection(subsidy)) return subsidy;
  const backdated = datedBefore(subsidy, 'on', on);
  if (backdated) return backdated;
  const recoverable = recoverableFen(subsidy);
  if (amountFen > recoverable) {
    return beyond(LEDGER.clawbackWithinDisbursed, say`clawed back`, {
      limit: subsidy.disbursedFen,
      used: subsidy.clawedBackFen,
      requested: amountFen,
      headroom: recoverable,
    });
  }
  const fraud = recordsDishonesty(subsidy, reason);
  if (!fraud) {
    return [
      { type: 'SubsidyClawedBack', data: { ...LEDGER.clawbackWithinDisbursed, subsidyId, amountFen, on, reason } },
    ];
  }
  return fraudRecovery(subsidy, state, amountFen, on);
}

/**
 * tianjin.fraud (第十六条 按原渠道退回已拨资金): fraud recovers everything — every disbursed yuan not yet clawed back (a
 * smaller amount is refused), and the undisbursed rest is cancelled in the same decision, so nothing more is paid on
 * the subsidy; the units answerable are recorded as dishonest.
 */
function fraudRecovery(
  subsidy: SubsidyState,
  state: SubsidyLedgerState,
  amountFen: number,
  on: BusinessDate,
): Decision<SubsidyLedgerEvent> {
  const recoverable = recoverableFen(subsidy);
  if (amountFen !== recoverable) {
    return reject(
      'rule-violated',
      say`${TIANJIN_FRAUD.rule} (${TIANJIN_FRAUD.citation}): fraud recovers everything disbursed and not yet clawed back, ${amountText(recoverable)}; ${amountText(amountFen)} is not all of it`,
      {
        ...TIANJIN_FRAUD,
        cap: { limit: subsidy.disbursedFen, used: subsidy.clawedBackFen, requested: amountFen, headroom: recoverable },
      },
    );
  }
  const rest = undisbursedFen(subsidy);
  const clawedBack: SubsidyClawedBack = {
    type: 'SubsidyClawedBack',
    data: { ...TIANJIN_FRAUD, subsidyId: subsidy.subsidyId, amountFen, on, reason: 'fraud' },
  };
  return [
    clawedBack,
    ...(rest > 0
      ? [cancelled(subsidy, rest, on, 'fraud', TIANJIN_FRAUD), ...released(subsidy, rest, on, 'fraud', TIANJIN_FRAUD)]
      : []),
    ...dishonestUnits(subsidy, state, on),
  ];
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
