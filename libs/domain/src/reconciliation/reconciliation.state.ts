import { ReconciliationEvent, StatementMatched } from './reconciliation.events';

/** A run and the differences resolved on it (by item, from 1). */
export interface ReconciliationState {
  exists: boolean;
  run?: StatementMatched['data'];
  resolved: Record<number, { note: string }>;
}

export const initialReconciliationState = (): ReconciliationState => ({ exists: false, resolved: {} });

export function evolveReconciliation(state: ReconciliationState, event: ReconciliationEvent): ReconciliationState {
  switch (event?.type) {
    case 'StatementMatched':
      return { ...state, exists: true, run: event.data };
    case 'DifferenceResolved':
      return { ...state, resolved: { ...state.resolved, [event.data.item]: { note: event.data.note } } };
    default:
      return state;
  }
}
