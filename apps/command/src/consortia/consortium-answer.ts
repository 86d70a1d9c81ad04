import { ConsortiumEvent } from '@ledger/domain/consortium/consortium.events';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';

/** What every consortium command answers: the new status, the decisions taken (with their rules) and the position. */
export function consortiumAnswer(state: ConsortiumState, events: ConsortiumEvent[], position: number) {
  return {
    id: state.id,
    status: state.status,
    eligibility: state.eligibility,
    ...(state.notice && { notice: state.notice, endsOn: state.notice.endsOn }),
    ...(state.ended && { ended: state.ended }),
    events: events.map((event) => {
      const { rule, citation } = event.data as { rule?: string; citation?: string };
      return { type: event.type, ...(rule && { rule }), ...(citation && { citation }) };
    }),
    position,
  };
}

export type ConsortiumAnswer = ReturnType<typeof consortiumAnswer>;
