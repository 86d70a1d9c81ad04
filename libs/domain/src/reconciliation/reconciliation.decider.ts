import { say } from '../shared/sentence';
/**
 * Statement matching (issue 14): a finance office's run of a payment statement against the ledger's disbursements is
 * recorded as an event on its own stream (`reconciliation-<id>`), and so is every difference it resolves — auditable,
 * and the same after a rebuild.
 */
import { Decider } from '../shared/decider';
import { Decision, reject } from '../shared/decision';
import { decideMatchStatement } from './decisions/match-statement.decision';
import { decideResolveDifference } from './decisions/resolve-difference.decision';
import { ReconciliationCommand } from './reconciliation.commands';
import { ReconciliationEvent } from './reconciliation.events';
import { evolveReconciliation, initialReconciliationState, ReconciliationState } from './reconciliation.state';
import { LedgerPayment } from './statement';

/**
 * The disbursements a run's scope selected, and the vouchers of every disbursement the ledger holds (whatever the
 * scope; absent: those of `payments`): read by the app from the ledger's read model, handed in.
 */
export interface ReconciliationDecisionContext {
  today: string;
  payments?: ReadonlyArray<LedgerPayment>;
  ledgerVouchers?: ReadonlyArray<string>;
}

export function decide(
  command: ReconciliationCommand,
  state: ReconciliationState,
  context: ReconciliationDecisionContext,
): Decision<ReconciliationEvent> {
  switch (command?.type) {
    case 'MatchStatement':
      if (!context.payments) throw new TypeError('matching a statement needs context.payments');
      return decideMatchStatement(command, state, context.payments, context.ledgerVouchers);
    case 'ResolveDifference':
      return decideResolveDifference(command, state);
    default:
      return reject(
        'invalid-input',
        say`not a reconciliation command: ${JSON.stringify((command as { type?: unknown })?.type)}`,
      );
  }
}

export const reconciliationDecider: Decider<
  ReconciliationCommand,
  ReconciliationEvent,
  ReconciliationState,
  ReconciliationDecisionContext
> = { decide, evolve: evolveReconciliation, initialState: initialReconciliationState };
