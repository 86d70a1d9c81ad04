import { FIRST_CATALOGUE_VERSION } from '@ledger/domain/policies/ledger-interpretations';
import { ruleRefOf } from '@ledger/domain/shared/rule';
import { EventStore, RecordedEvent } from '@ledger/event-store';
import { happenedBy, Moment } from './moment';
import { Replayable } from './replayable';

/** One event of an entity's life and the entity as it stood right after it. */
export interface ReplayStep {
  /** 1 for the entity's first event. */
  step: number;
  position: number;
  revision: number;
  type: string;
  recordedAt: string;
  actor: string;
  correlationId: string;
  causationId: string;
  commandId: string;
  /** The policy catalogue the event was decided under. */
  catalogue: string;
  rule?: string;
  citation?: string;
  /** The event's data as the entity's history shows it. */
  data: unknown;
  /** Where the as-of view of this very step is: `GET` it for the state alone. */
  asOfHref: string;
  /** The entity after this event, as `GET /v1/{collection}/{id}` shows it. */
  state: object;
}

export interface Timeline {
  id: string;
  streamId: string;
  steps: ReplayStep[];
}

/** The as-of view of an entity at a log position: the link every history entry and replay step carries. */
export const asOfHref = (replayable: Replayable, id: string, position: number): string =>
  `/v1/${replayable.collection}/${encodeURIComponent(id)}?atPosition=${position}`;

/**
 * The entity's events in log order, each folded with the domain's own `evolve` into the state after it. Read from the
 * event store, not a read model: what the ledger recorded, even while the projections are behind or being rebuilt.
 * Undefined when the entity has no event (it does not exist).
 */
export async function readTimeline(
  store: EventStore,
  replayable: Replayable,
  id: string,
): Promise<Timeline | undefined> {
  const streamId = replayable.streamIdOf(id);
  const events = (await store.readStream(streamId)).filter((event) => replayable.isOwn(event));
  if (events.length === 0) return undefined;
  let state = replayable.initialState(id);
  const steps = events.map((event, index) => {
    state = replayable.evolve(state, event);
    return stepOf(replayable, id, event, index + 1, state);
  });
  return { id, streamId, steps };
}

function stepOf(replayable: Replayable, id: string, event: RecordedEvent, step: number, state: unknown): ReplayStep {
  const { rule, citation } = ruleRefOf(event.data);
  const { actor, correlationId, causationId, commandId, catalogue } = event.metadata;
  return {
    step,
    position: event.position,
    revision: event.streamRevision,
    type: event.type,
    recordedAt: event.recordedAt,
    actor,
    correlationId,
    causationId,
    commandId,
    catalogue: catalogue ?? FIRST_CATALOGUE_VERSION,
    ...(rule !== undefined && { rule }),
    ...(citation !== undefined && { citation }),
    data: replayable.dataView(event.type, event.data),
    asOfHref: asOfHref(replayable, id, event.position),
    state: replayable.view(state),
  };
}

/** The last step that had happened by the moment; undefined when the moment is before the entity's first event. */
export function stepAt(timeline: Timeline, moment: Moment): ReplayStep | undefined {
  let found: ReplayStep | undefined;
  for (const step of timeline.steps) {
    if (!happenedBy(moment, step)) break;
    found = step;
  }
  return found;
}
