import { decisionSummary } from '@ledger/platform';
import { ConsortiumEvent } from '@ledger/domain/consortium/consortium.events';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';

/**
 * What every consortium command answers: the new status, the decisions taken (with their rules), when the next
 * evaluation is due (where the policy has cycles) and the position.
 */
export function consortiumAnswer(state: ConsortiumState, events: ConsortiumEvent[], position: number) {
  return {
    id: state.id,
    status: state.status,
    eligibility: state.eligibility,
    ...(state.notice && { notice: state.notice, endsOn: state.notice.endsOn }),
    ...(state.ended && { ended: state.ended }),
    ...(state.nextEvaluationDueOn && { nextEvaluationDueOn: state.nextEvaluationDueOn }),
    decisions: events.map(decisionSummary),
    position,
  };
}

export type ConsortiumAnswer = ReturnType<typeof consortiumAnswer>;
