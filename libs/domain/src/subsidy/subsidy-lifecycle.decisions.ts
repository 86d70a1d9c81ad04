/**
 * After the grant: disbursements, cancellations, clawbacks, refunds and termination. The amounts obey
 *   disbursed ≤ granted − cancelled · clawed back ≤ disbursed · refunded ≤ clawed back
 * and a cancellation (or a termination's cancelled rest) releases headroom on the funding boundaries; a clawback
 * does not (POLICIES.md, Ledger interpretation).
 *
 * ledger.movement-dates: dates never go backwards within a subsidy. A movement is dated on or after the subsidy's
 * latest recorded date (`lastOn`: the grant, then every movement). So nothing moves before the grant, a clawback is
 * never dated before the disbursement it claws back from, nor a refund before its clawback; and because the order
 * recorded is the order of the dates, the three amount rules above hold on every date, not only in recording order.
 */
import { BusinessDate } from '../shared/dates';
import { CapFigures, Decision, isRejection, reject, Rejection } from '../shared/decision';
import { Fen } from '../shared/money';
import { RuleRef } from '../shared/rule';
import { FundingReleased, UnitRecordedDishonest } from './funding-boundaries';
import { recordsDishonesty } from './funding-streams';
import { dateProblems, invalidInput, positiveAmountProblems, textProblems } from '../shared/input-problems';
import {
  CancelSubsidy,
  CLAWBACK_REASONS,
  ClawBackSubsidy,
  DisburseSubsidy,
  RecordSubsidyRefund,
  TerminateSubsidy,
} from './subsidy.commands';
import { SubsidyCancelled, SubsidyClawedBack, SubsidyLedgerEvent, SubsidyTerminated } from './subsidy.events';
import { recoverableFen, refundDueFen, SubsidyLedgerState, SubsidyState, undisbursedFen } from './subsidy.state';
import { amountText } from '../policies/funding/amount-text';
import { fundingPolicy } from '../policies/funding/funding-catalog';
import { LEDGER_FUNDING_RULES as LEDGER } from '../policies/funding/ledger-funding-rules';
import { TIANJIN_FRAUD } from '../policies/funding/tianjin-funding';

type Events = Decision<SubsidyLedgerEvent>;

export function decideDisbursement(command: DisburseSubsidy, state: SubsidyLedgerState): Events {
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

export function decideCancellation(command: CancelSubsidy, state: SubsidyLedgerState): Events {
  const { subsidyId, amountFen, on, reason } = command.data;
  const problems = [
    ...positiveAmountProblems('amount', amountFen),
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
    return beyond(LEDGER.cancelUndisbursed, 'cancelled', {
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

export function decideClawback(command: ClawBackSubsidy, state: SubsidyLedgerState): Events {
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

/** Refunds stay possible after a termination: they are the money its clawback recovers. */
export function decideRefund(command: RecordSubsidyRefund, state: SubsidyLedgerState): Events {
  const { subsidyId, amountFen, receivedOn, voucher } = command.data;
  const problems = [
    ...positiveAmountProblems('amount', amountFen),
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
    return beyond(LEDGER.refundWithinClawback, 'refunded', {
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

/** nmg.terminate-and-recover (六(二)) under nmg-2024-consortium; ledger.terminate-and-recover elsewhere. */
export function decideTermination(command: TerminateSubsidy, state: SubsidyLedgerState): Events {
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

// ---- helpers ----

function openSubsidy(
  state: SubsidyLedgerState,
  subsidyId: string,
  allow: { refund?: boolean } = {},
): SubsidyState | Rejection {
  const subsidy = state.subsidies[subsidyId];
  if (!subsidy?.exists) return reject('not-found', `subsidy ${subsidyId} does not exist`, LEDGER.subsidyExists);
  if (subsidy.status === 'terminated' && !allow.refund) {
    return reject(
      'invalid-state',
      `subsidy ${subsidyId} was terminated on ${subsidy.terminated?.on} (${subsidy.terminated?.rule}); ` +
        'only refunds of the recovered money can be recorded',
      LEDGER.terminatedIsClosed,
    );
  }
  return subsidy;
}

/** ledger.movement-dates: a movement dated before the subsidy's latest recorded date (its grant's at first). */
function datedBefore(subsidy: SubsidyState, field: string, on: BusinessDate): Rejection | undefined {
  if (on >= subsidy.lastOn) return undefined;
  const ref = LEDGER.movementDates;
  const latest =
    subsidy.lastOn === subsidy.grantedOn
      ? `the day subsidy ${subsidy.id} was granted`
      : `the date of the latest movement recorded for subsidy ${subsidy.id} (granted on ${subsidy.grantedOn})`;
  return reject(
    'rule-violated',
    `${ref.rule} (${ref.citation}): ${field} ${on} is before ${subsidy.lastOn}, ${latest}; dates do not go backwards ` +
      'within a subsidy',
    { ...ref, details: [{ field, date: on, notBefore: subsidy.lastOn, grantedOn: subsidy.grantedOn }] },
  );
}

function beyond(ref: RuleRef, what: string, cap: CapFigures): Rejection {
  return reject(
    'rule-violated',
    `${ref.rule} (${ref.citation}): ${amountText(cap.requested)} cannot be ${what}; at most ${amountText(cap.headroom)}`,
    { ...ref, cap },
  );
}

function cancelled(
  subsidy: SubsidyState,
  amountFen: Fen,
  on: BusinessDate,
  reason: string,
  rule: RuleRef,
): SubsidyCancelled {
  return { type: 'SubsidyCancelled', data: { ...rule, subsidyId: subsidy.id, amountFen, on, reason } };
}

function released(
  subsidy: SubsidyState,
  amountFen: Fen,
  on: BusinessDate,
  reason: FundingReleased['data']['reason'],
  rule: RuleRef,
): FundingReleased[] {
  return subsidy.boundaries.map((boundary) => ({
    type: 'FundingReleased',
    data: { ...rule, boundary, subsidyId: subsidy.id, amountFen, on, reason },
  }));
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
      data: { ...TIANJIN_FRAUD, creditCode, on, subsidyId: subsidy.id, consortiumId: subsidy.consortiumId, capacity },
    }));
}
