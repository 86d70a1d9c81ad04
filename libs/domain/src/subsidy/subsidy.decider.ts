/**
 * The subsidy decider. State: the streams the handler loaded (`fundingStreamsFor`), folded into one
 * `SubsidyLedgerState`; context: the consortium a grant names. Events go to several streams (`routeEvents`).
 */
import { Decision, reject } from '../shared/decision';
import { decideGrant, SubsidyContext } from './grant-subsidy.decision';
import {
  decideCancellation,
  decideClawback,
  decideDisbursement,
  decideRefund,
  decideTermination,
} from './subsidy-lifecycle.decisions';
import { SubsidyCommand } from './subsidy.commands';
import { SubsidyLedgerEvent } from './subsidy.events';
import { evolveLedger, initialLedgerState, SubsidyLedgerState } from './subsidy.state';
import type { Decider } from '../shared/decider';

export type { SubsidyContext } from './grant-subsidy.decision';

export function decide(
  command: SubsidyCommand,
  state: SubsidyLedgerState,
  context: SubsidyContext = {},
): Decision<SubsidyLedgerEvent> {
  switch (command.type) {
    case 'GrantSubsidy':
      return decideGrant(command, state, context);
    case 'DisburseSubsidy':
      return decideDisbursement(command, state);
    case 'CancelSubsidy':
      return decideCancellation(command, state);
    case 'ClawBackSubsidy':
      return decideClawback(command, state);
    case 'RecordSubsidyRefund':
      return decideRefund(command, state);
    case 'TerminateSubsidy':
      return decideTermination(command, state);
    default:
      return reject('invalid-input', `unknown command ${(command as { type: string }).type}`);
  }
}

export const evolve = evolveLedger;
export const initialState = initialLedgerState;

export const subsidyDecider: Decider<SubsidyCommand, SubsidyLedgerEvent, SubsidyLedgerState, SubsidyContext> = {
  decide,
  evolve,
  initialState,
};
