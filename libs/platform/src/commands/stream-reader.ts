import { EventStore, LogPosition, StreamRevision } from '@ledger/event-store';
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

/** Reads a stream and folds it into a state with the domain's `evolve`. */
export async function foldStream<State, Event extends { type: string; data: object }>(
  store: EventStore,
  streamId: string,
  evolve: (state: State, event: Event) => State,
  initial: State,
  commandId?: string,
): Promise<Folded<State>> {
  const recorded = await store.readStream(streamId);
  const state = recorded.reduce((acc, e) => evolve(acc, domainEventOf<Event>(e)), initial);
  const byCommand = commandId ? recorded.filter((e) => e.metadata.commandId === commandId) : [];
  return {
    state,
    revision: recorded.length ? recorded[recorded.length - 1].streamRevision : -1,
    ...(byCommand.length > 0 && { recordedByCommandAt: byCommand[byCommand.length - 1].position }),
  };
}
