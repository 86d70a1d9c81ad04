import { decisionSummary } from '@ledger/platform';
import { SubsidyLedgerEvent } from '@ledger/domain/subsidy/subsidy.events';
import { SubsidyState } from '@ledger/domain/subsidy/subsidy.state';
import { subsidyView } from '@ledger/presentation/subsidy.view';

/**
 * What every subsidy command answers: the subsidy's status and figures after it (money as yuan strings), the caps
 * its grant was checked against, what this command decided (each event with the rule and citation behind it, the
 * funding boundaries and integrity records included) and the log position of its last event.
 */
export function subsidyAnswer(state: SubsidyState, events: SubsidyLedgerEvent[], position: number) {
  // Object.assign onto the fresh view, not `{ ...view, decisions, position }` (docs/ARCHITECTURE.md, "Objects on the
  // command path").
  return Object.assign(subsidyView(state), {
    decisions: events.map((event) => {
      const where =
        'boundary' in event.data
          ? { boundary: event.data.boundary }
          : 'creditCode' in event.data
            ? { creditCode: event.data.creditCode }
            : {};
      return Object.assign(decisionSummary(event), where);
    }),
    position,
  });
}

export type SubsidyAnswer = ReturnType<typeof subsidyAnswer>;
