import { say, Words } from '../../shared/sentence';
import { LEDGER_FUNDING_RULES as LEDGER } from '../../policies/funding/ledger-funding-rules';
import { BusinessDate } from '../../shared/dates';
import { CapFigures, Rejection, reject } from '../../shared/decision';
import { Fen } from '../../shared/money';
import { FundingReleased, SubsidyCancelled } from '../subsidy.events';
import { RuleRef } from '../../shared/rule';
import { SubsidyLedgerState, SubsidyState } from '../subsidy.state';
import { amountText } from '../../policies/funding/amount-text';
import { statusWord } from '../../shared/status-words';

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

export function openSubsidy(
  state: SubsidyLedgerState,
  subsidyId: string,
  allow: { refund?: boolean } = {},
): SubsidyState | Rejection {
  const subsidy = state.subsidies[subsidyId];
  if (!subsidy?.exists) return reject('not-found', say`subsidy ${subsidyId} does not exist`, LEDGER.subsidyExists);
  if (subsidy.status === 'pending' || subsidy.status === 'declined' || subsidy.status === 'expired') {
    const why =
      subsidy.status === 'pending'
        ? say`waits for a second finance user's signature (POST /v1/subsidies/${subsidyId}/approval)`
        : say`was ${statusWord(subsidy.status)} on ${subsidy.signed?.on}; its headroom was released`;
    return reject('invalid-state', say`subsidy ${subsidyId} ${why}`, LEDGER.dualControl);
  }
  if (subsidy.status === 'terminated' && !allow.refund) {
    return reject(
      'invalid-state',
      say`subsidy ${subsidyId} was terminated on ${subsidy.terminated?.on} (${subsidy.terminated?.rule}); only refunds of the recovered money can be recorded`,
      LEDGER.terminatedIsClosed,
    );
  }
  return subsidy;
}

/** ledger.movement-dates: a movement dated before the subsidy's latest recorded date (its grant's at first). */
export function datedBefore(subsidy: SubsidyState, field: string, on: BusinessDate): Rejection | undefined {
  if (on >= subsidy.lastOn) return undefined;
  const ref = LEDGER.movementDates;
  const latest =
    subsidy.lastOn === subsidy.grantedOn
      ? say`the day subsidy ${subsidy.subsidyId} was granted`
      : say`the date of the latest movement recorded for subsidy ${subsidy.subsidyId} (granted on ${subsidy.grantedOn})`;
  return reject(
    'rule-violated',
    say`${ref.rule} (${ref.citation}): ${field} ${on} is before ${subsidy.lastOn}, ${latest}; dates do not go backwards within a subsidy`,
    { ...ref, details: [{ field, date: on, notBefore: subsidy.lastOn, grantedOn: subsidy.grantedOn }] },
  );
}

export function beyond(ref: RuleRef, what: Words, cap: CapFigures): Rejection {
  return reject(
    'rule-violated',
    say`${ref.rule} (${ref.citation}): ${amountText(cap.requested)} cannot be ${what}; at most ${amountText(cap.headroom)}`,
    { ...ref, cap },
  );
}

export function cancelled(
  subsidy: SubsidyState,
  amountFen: Fen,
  on: BusinessDate,
  reason: string,
  rule: RuleRef,
): SubsidyCancelled {
  return { type: 'SubsidyCancelled', data: { ...rule, subsidyId: subsidy.subsidyId, amountFen, on, reason } };
}

export function released(
  subsidy: SubsidyState,
  amountFen: Fen,
  on: BusinessDate,
  reason: FundingReleased['data']['reason'],
  rule: RuleRef,
): FundingReleased[] {
  return subsidy.boundaries.map((boundary) => ({
    type: 'FundingReleased',
    data: { ...rule, boundary, subsidyId: subsidy.subsidyId, amountFen, on, reason },
  }));
}
