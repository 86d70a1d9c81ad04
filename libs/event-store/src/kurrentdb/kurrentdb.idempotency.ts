/**
 * Telling a repeated append from a new one, on KurrentDB: pure, over what the store found recorded.
 *
 * KurrentDB's own event-id idempotence is per stream (KurrentDB IndexWriter.CheckCommit): with an exact or no-stream
 * expectation it compares the ids with the events at the expected place and answers success with the original
 * positions when all match; with 'any' or 'stream-exists' it looks the ids up in a bounded cache of recently committed
 * events. It never compares types, and an id recorded in another stream is written again. The port asks more, so the
 * store asks the log:
 *
 * - after a write that succeeded, if the last event's position is not after the head read before sending, the server
 *   answered an idempotent repeat: the recorded events are compared with the request (stream, order, type);
 * - after a write that failed (a conflict, or KurrentDB's "corrupted idempotency"), the ids are looked up in the last
 *   REPEAT_SEARCH_WINDOW events of each stream written.
 *
 * What is not equivalent: an id recorded in a stream other than those of the request is not found (no index by event
 * id), so it is written again rather than refused; a repeat of events buried deeper than the window in a busy stream
 * is a conflict rather than a repeat; two identical requests sent at once by two processes may both be answered as new
 * writes when the server itself recognised the second (both answers carry the same positions). Within one store,
 * requests sharing an event id are sent one after the other, so there the second is answered as the repeat.
 */
import { DuplicateEventIdError, LogPosition, StreamRevision } from '../event-store.port';
import type { PreparedStreamAppend } from '../prepared-append';

export const REPEAT_SEARCH_WINDOW = 1000;

export interface RecordedIdentity {
  streamId: string;
  streamRevision: StreamRevision;
  position: LogPosition;
  type: string;
}

export type RepeatClassification =
  | { kind: 'none-recorded' }
  | { kind: 'repeat'; lastPosition: LogPosition }
  | { kind: 'duplicate'; error: DuplicateEventIdError };

/**
 * 'repeat' when every event of the request is recorded in its stream, with its type, at consecutive revisions in
 * request order; 'none-recorded' when none is; otherwise 'duplicate', naming the first recorded event when only some
 * are, or the first that does not fit.
 */
export function classifyRepeat(
  appends: PreparedStreamAppend[],
  recorded: ReadonlyMap<string, RecordedIdentity>,
): RepeatClassification {
  const events = appends.flatMap((append) => append.events.map((event) => ({ append, event })));
  const found = events.filter(({ event }) => recorded.has(event.eventId));
  if (found.length === 0) return { kind: 'none-recorded' };
  if (found.length < events.length) return duplicate(found[0].event.eventId);
  let lastPosition = 0;
  for (const append of appends) {
    let previous: RecordedIdentity | undefined;
    for (const event of append.events) {
      const original = recorded.get(event.eventId);
      const fits =
        original !== undefined &&
        original.streamId === append.streamId &&
        original.type === event.type &&
        (previous === undefined || original.streamRevision === previous.streamRevision + 1);
      if (!fits || !original) return duplicate(event.eventId);
      previous = original;
      lastPosition = original.position;
    }
  }
  return { kind: 'repeat', lastPosition };
}

function duplicate(eventId: string): RepeatClassification {
  return { kind: 'duplicate', error: new DuplicateEventIdError(eventId) };
}
