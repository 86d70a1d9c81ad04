import { say } from '../../shared/sentence';
/**
 * ledger.dual-control (maker-checker): with LEDGER_DUAL_CONTROL_AMOUNT set, a grant at or above it is recorded pending
 * (grant-subsidy.decision.ts). It already holds its headroom under every cap — two pending grants cannot both pass a
 * cap that fits one — and takes no payment until a second finance user approves it. Declined, or left unsigned past
 * its expiry, it releases its headroom on every boundary and ends.
 */
import { LEDGER_FUNDING_RULES as LEDGER } from '../../policies/funding/ledger-funding-rules';
import { Decision, isRejection, reject, Rejection } from '../../shared/decision';
import { dateProblems, invalidInput, optionalTextProblems } from '../../shared/input-problems';
import { ApproveGrant, DeclineGrant, ExpireGrant } from '../subsidy.commands';
import { SubsidyContext } from '../subsidy.context';
import { PendingGrantClosed, SubsidyLedgerEvent } from '../subsidy.events';
import { SubsidyLedgerState, SubsidyState, undisbursedFen } from '../subsidy.state';
import { datedBefore, released } from './subsidy-movements';
import { statusWord } from '../../shared/status-words';

const RULE = LEDGER.dualControl;

export function decideGrantApproval(
  command: ApproveGrant,
  state: SubsidyLedgerState,
  { actor }: SubsidyContext,
): Decision<SubsidyLedgerEvent> {
  const { subsidyId, on, note } = command.data;
  const problems = [...dateProblems('on', on), ...optionalTextProblems('note', note)];
  if (problems.length > 0) return invalidInput(problems);
  const subsidy = pendingSubsidy(state, subsidyId, on);
  if (isRejection(subsidy)) return subsidy;
  // Unsigned past its expiry it has ended, whether or not the expiry is recorded yet (the daily sweep records it): a
  // signature dated after it comes too late. One dated before it is taken, as any movement may be dated in the past.
  const { expiresOn } = subsidy.dualControl!;
  if (on > expiresOn) {
    return reject(
      'invalid-state',
      say`subsidy ${subsidyId} was left unsigned until ${expiresOn}; a signature dated ${on} comes after its expiry`,
      RULE,
    );
  }
  const checker = actorOf(actor);
  if (checker === subsidy.dualControl!.maker) {
    return reject(
      'forbidden',
      say`${checker} granted subsidy ${subsidyId}; a second finance user must approve it`,
      RULE,
    );
  }
  return [
    { type: 'GrantApproved', data: { ...RULE, subsidyId, on, checker, ...(note !== undefined && { note }) } },
    closed(subsidyId, on, 'approved'),
  ];
}

export function decideGrantDecline(
  command: DeclineGrant,
  state: SubsidyLedgerState,
  { actor }: SubsidyContext,
): Decision<SubsidyLedgerEvent> {
  const { subsidyId, on, note } = command.data;
  const problems = [...dateProblems('on', on), ...optionalTextProblems('note', note)];
  if (problems.length > 0) return invalidInput(problems);
  const subsidy = pendingSubsidy(state, subsidyId, on);
  if (isRejection(subsidy)) return subsidy;
  const amountFen = undisbursedFen(subsidy);
  const checker = actorOf(actor);
  return [
    {
      type: 'GrantDeclined',
      data: { ...RULE, subsidyId, on, checker, amountFen, ...(note !== undefined && { note }) },
    },
    ...released(subsidy, amountFen, on, 'declined', RULE),
    closed(subsidyId, on, 'declined'),
  ];
}

export function decideGrantExpiry(command: ExpireGrant, state: SubsidyLedgerState): Decision<SubsidyLedgerEvent> {
  const { subsidyId, on } = command.data;
  const problems = dateProblems('on', on);
  if (problems.length > 0) return invalidInput(problems);
  const subsidy = pendingSubsidy(state, subsidyId, on);
  if (isRejection(subsidy)) return subsidy;
  const { expiresOn } = subsidy.dualControl!;
  if (on <= expiresOn) {
    return reject('invalid-state', say`subsidy ${subsidyId} waits for its second signature until ${expiresOn}`, RULE);
  }
  const amountFen = undisbursedFen(subsidy);
  return [
    { type: 'GrantExpired', data: { ...RULE, subsidyId, on, expiresOn, amountFen } },
    ...released(subsidy, amountFen, on, 'expired', RULE),
    closed(subsidyId, on, 'expired'),
  ];
}

/** The subsidy, when it exists and waits for its second signature; dated no earlier than its grant. */
function pendingSubsidy(state: SubsidyLedgerState, subsidyId: string, on: string): SubsidyState | Rejection {
  const subsidy = state.subsidies[subsidyId];
  if (!subsidy?.exists) return reject('not-found', say`subsidy ${subsidyId} does not exist`, LEDGER.subsidyExists);
  if (subsidy.status !== 'pending' || !subsidy.dualControl) {
    const signed = subsidy.signed ? say` (${statusWord(subsidy.signed.outcome)} on ${subsidy.signed.on})` : '';
    return reject(
      'invalid-state',
      say`subsidy ${subsidyId} is ${statusWord(subsidy.status)}${signed}, not waiting for a signature`,
      RULE,
    );
  }
  return datedBefore(subsidy, 'on', on) ?? subsidy;
}

const closed = (subsidyId: string, on: string, outcome: PendingGrantClosed['data']['outcome']): PendingGrantClosed => ({
  type: 'PendingGrantClosed',
  data: { ...RULE, subsidyId, on, outcome },
});

function actorOf(actor: string | undefined): string {
  if (actor === undefined) throw new Error('a second signature needs context.actor');
  return actor;
}
