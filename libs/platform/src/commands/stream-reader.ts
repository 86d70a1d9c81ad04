import { EventStore, StreamRevision } from '@ledger/event-store';

export interface Folded<State> {
  state: State;
  /** -1 when the stream does not exist: the expected revision to append with. */
  revision: StreamRevision;
}

/** Reads a stream and folds it into a state with the domain's `evolve`. */
export async function foldStream<State, Event extends { type: string; data: object }>(
  store: EventStore,
  streamId: string,
  evolve: (state: State, event: Event) => State,
  initial: State,
): Promise<Folded<State>> {
  const recorded = await store.readStream(streamId);
  const state = recorded.reduce((acc, e) => evolve(acc, { type: e.type, data: e.data } as Event), initial);
  return { state, revision: recorded.length ? recorded[recorded.length - 1].streamRevision : -1 };
}
