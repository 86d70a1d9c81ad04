import { consortiumDecider } from '@ledger/domain/consortium/consortium.decider';
import { CONSORTIUM_EVENT_TYPES, ConsortiumEvent } from '@ledger/domain/consortium/consortium.events';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { consortiumStreamId } from '@ledger/domain/consortium/consortium.streams';
import { EventStore } from '@ledger/event-store';
import { domainEventOf } from '@ledger/platform';

const CONSORTIUM_EVENTS: ReadonlySet<string> = new Set(CONSORTIUM_EVENT_TYPES);
/** Events read at a time: a past moment of a long history reads about what came before it, not the whole stream. */
const PAGE = 250;

/**
 * The consortium as the ledger knew it at `asOf` (an ISO timestamp): its events recorded up to then, folded with the
 * domain's own evolve, and the position of the last of them; undefined when none was recorded by then. A stream's
 * events are recorded in revision order and `recordedAt` never goes back, so they are read from the start until the
 * first one recorded later.
 */
export async function consortiumAsOf(
  store: EventStore,
  consortiumId: string,
  asOf: string,
): Promise<{ state: ConsortiumState; position: number } | undefined> {
  const streamId = consortiumStreamId(consortiumId);
  let state = consortiumDecider.initialState();
  let position: number | undefined;
  for (let fromRevision = 0; ; fromRevision += PAGE) {
    const page = await store.readStream(streamId, { fromRevision, maxCount: PAGE });
    for (const event of page) {
      if (event.recordedAt > asOf) return position === undefined ? undefined : { state, position };
      if (!CONSORTIUM_EVENTS.has(event.type)) continue;
      state = consortiumDecider.evolve(state, domainEventOf<ConsortiumEvent>(event));
      position = event.position;
    }
    if (page.length < PAGE) return position === undefined ? undefined : { state, position };
  }
}
