import { EventStore, LogPosition, RecordedEvent, StreamRevision } from '@ledger/event-store';
import { domainEventOf } from '../events/stored-events';

export interface Folded<State> {
  state: State;
  /** -1 when the stream does not exist: the expected revision to append with. */
  revision: StreamRevision;
  /**
   * Where the command with the given id already recorded events on this stream, if it did: a repeat of an
   * acknowledged command (same Idempotency-Key after a crash before its answer was saved) answers from here.
   */
  recordedByCommandAt?: LogPosition;
}

export type Evolve<State, Event> = (state: State, event: Event) => State;

/** A store that keeps folds of the streams it was asked for (the command side's CachedFolds). */
export interface FoldingStore extends EventStore {
  foldStream<State, Event extends { type: string; data: object }>(
    streamId: string,
    evolve: Evolve<State, Event>,
    initial: State,
    commandId?: string,
  ): Promise<Folded<State>>;
}

const isFoldingStore = (store: EventStore): store is FoldingStore =>
  typeof (store as Partial<FoldingStore>).foldStream === 'function';

/**
 * Reads a stream and folds it into a state with the domain's `evolve`, from `initial` (each stream from its own
 * initial state: a folding store keeps the fold by stream and evolve, and answers it again without reading).
 */
export async function foldStream<State, Event extends { type: string; data: object }>(
  store: EventStore,
  streamId: string,
  evolve: Evolve<State, Event>,
  initial: State,
  commandId?: string,
): Promise<Folded<State>> {
  if (isFoldingStore(store)) return store.foldStream(streamId, evolve, initial, commandId);
  const recorded = await store.readStream(streamId);
  const state = foldRecorded(recorded, evolve, initial);
  const byCommand = commandId ? recorded.filter((e) => e.metadata.commandId === commandId) : [];
  return {
    state,
    revision: recorded.length ? recorded[recorded.length - 1].streamRevision : -1,
    ...(byCommand.length > 0 && { recordedByCommandAt: byCommand[byCommand.length - 1].position }),
  };
}

/** Recorded events, in today's shape, folded into `state`. */
export function foldRecorded<State, Event extends { type: string; data: object }>(
  recorded: ReadonlyArray<RecordedEvent>,
  evolve: Evolve<State, Event>,
  state: State,
): State {
  let folded = state;
  for (const event of recorded) folded = evolve(folded, domainEventOf<Event>(event));
  return folded;
}
