/**
 * The subsidy decider. State: the streams the handler loaded (`fundingStreamsFor`), folded into one
 * `SubsidyLedgerState`; context: the consortium a grant names. Events go to several streams (`routeEvents`).
 */
import { Decider } from '../shared/decider';
import { isBusinessDate } from '../shared/dates';
import { Decision } from '../shared/decision';
import { futureFact } from '../policies/ledger-interpretations';
import { decideCancellation } from './decisions/cancel-subsidy.decision';
import { decideClawback } from './decisions/claw-back-subsidy.decision';
import { decideDisbursement } from './decisions/disburse-subsidy.decision';
import { decideGrant } from './decisions/grant-subsidy.decision';
import { decideRefund } from './decisions/record-refund.decision';
import { decideTermination } from './decisions/terminate-subsidy.decision';
import { decideContinuation } from './decisions/continue-subsidy.decision';
import { decideGrantApproval, decideGrantDecline, decideGrantExpiry } from './decisions/dual-control.decision';
import { SubsidyCommand } from './subsidy.commands';
import { SubsidyContext } from './subsidy.context';
import { SubsidyLedgerEvent } from './subsidy.events';
import { evolve, initialState, SubsidyLedgerState } from './subsidy.state';

export function decide(
  command: SubsidyCommand,
  state: SubsidyLedgerState,
  context: SubsidyContext,
): Decision<SubsidyLedgerEvent> {
  const [field, date] = factDateOf(command);
  const future = isBusinessDate(date) ? futureFact(field, date, context.today) : undefined;
  if (future) return future;
  switch (command.type) {
    case 'GrantSubsidy':
      return decideGrant(command, state, context);
    case 'DisburseSubsidy':
      return decideDisbursement(command, state, context);
    case 'CancelSubsidy':
      return decideCancellation(command, state);
    case 'ClawBackSubsidy':
      return decideClawback(command, state);
    case 'RecordSubsidyRefund':
      return decideRefund(command, state);
    case 'TerminateSubsidy':
      return decideTermination(command, state);
    case 'ContinueSubsidy':
      return decideContinuation(command, state, context);
    case 'ApproveGrant':
      return decideGrantApproval(command, state, context);
    case 'DeclineGrant':
      return decideGrantDecline(command, state, context);
    case 'ExpireGrant':
      return decideGrantExpiry(command, state);
  }
}

/** The date a command records a fact on (each decision checks it is a date at all). */
function factDateOf(command: SubsidyCommand): [string, unknown] {
  switch (command.type) {
    case 'GrantSubsidy':
      return ['grantedOn', command.data.grantedOn];
    case 'DisburseSubsidy':
      return ['paidOn', command.data.paidOn];
    case 'RecordSubsidyRefund':
      return ['receivedOn', command.data.receivedOn];
    default:
      return ['on', command.data.on];
  }
}

export const subsidyDecider: Decider<SubsidyCommand, SubsidyLedgerEvent, SubsidyLedgerState, SubsidyContext> = {
  decide,
  evolve,
  initialState,
};
