/**
 * What one `appendToStreams` request becomes on KurrentDB: pure, so that the mapping is tested without a server.
 *
 * - Events only, or a server without AppendRecords (25.1–26.0): one `multiStreamAppend` (AppendSession), one entry
 *   per stream in request order, each with its expected state. A check-only entry (no events) is sent as an entry
 *   with no records and its expected state: the server's write path treats a stream it writes no events to as a
 *   consistency check ("when writing no events we always return CommitDecision.Ok or
 *   CommitDecision.ConsistencyCheckFailure", KurrentDB IndexWriter.CheckCommit), inside the same atomic write.
 * - Check-only entries on a server with AppendRecords (≥ 26.1): one `appendRecords` with the events in request order
 *   and a `ConsistencyCheck` (STREAM_STATE) for every entry that expects something — the documented way to check a
 *   stream that is not written (the v2 AppendSession validates that each entry has at least one record).
 * - No events at all: nothing to send; the store checks the revisions against one head position itself.
 *
 * An entry expecting 'any' with no events checks nothing and is not sent.
 */
import { STREAM_STATE } from '@kurrent/kurrentdb-client';
import type { AppendRecordInput, AppendStreamRequest, ConsistencyCheck } from '@kurrent/kurrentdb-client';
import { ExpectedRevision, StreamRevision, WrongExpectedRevisionError } from '../event-store.port';
import { NO_STREAM_REVISION } from '../expected-revision';
import type { PreparedStreamAppend } from '../prepared-append';
import { toEventData } from './kurrentdb.event-mapping';
import { fromCurrentStreamState, toAppendStreamState } from './kurrentdb.revisions';
import type { ServerVersion } from './kurrentdb.server-version';
import { offersAppendRecords } from './kurrentdb.server-version';
import { LedgerStreams, toKurrentStream } from './kurrentdb.streams';

export interface PlannedStream {
  streamId: string;
  kurrentStream: string;
  expectedRevision: ExpectedRevision;
  eventIds: string[];
}

interface PlannedWrite {
  streams: PlannedStream[];
  /** The stream and id of the request's last event: the answer's `lastPosition` is its position. */
  lastEvent: { streamId: string; kurrentStream: string; eventId: string };
}

export type AppendPlan =
  | { kind: 'checks-only'; streams: PlannedStream[] }
  | (PlannedWrite & { kind: 'multi-stream-append'; requests: AppendStreamRequest[] })
  | (PlannedWrite & { kind: 'append-records'; records: AppendRecordInput[]; checks: ConsistencyCheck[] });

export function planAppend(appends: PreparedStreamAppend[], streams: LedgerStreams, server: ServerVersion): AppendPlan {
  const planned = appends.map((append) => ({
    append,
    stream: {
      streamId: append.streamId,
      kurrentStream: toKurrentStream(streams, append.streamId),
      expectedRevision: append.expectedRevision,
      eventIds: append.events.map((event) => event.eventId),
    },
    events: append.events.map(toEventData),
  }));
  const written = planned.filter((entry) => entry.events.length > 0);
  const plannedStreams = planned.map((entry) => entry.stream);
  if (written.length === 0) return { kind: 'checks-only', streams: plannedStreams };

  const lastWritten = written[written.length - 1];
  const lastEvent = {
    streamId: lastWritten.stream.streamId,
    kurrentStream: lastWritten.stream.kurrentStream,
    eventId: lastWritten.stream.eventIds[lastWritten.stream.eventIds.length - 1],
  };
  const sent = planned.filter((entry) => entry.events.length > 0 || entry.append.expectedRevision !== 'any');
  const hasCheckOnly = sent.length > written.length;

  if (hasCheckOnly && offersAppendRecords(server)) {
    return {
      kind: 'append-records',
      streams: plannedStreams,
      lastEvent,
      records: written.flatMap((entry) =>
        entry.events.map((record) => ({ streamName: entry.stream.kurrentStream, record })),
      ),
      checks: sent
        .filter((entry) => entry.append.expectedRevision !== 'any')
        .map((entry) => ({
          type: STREAM_STATE,
          streamName: entry.stream.kurrentStream,
          expectedState: toAppendStreamState(entry.append.expectedRevision),
        })),
    };
  }
  return {
    kind: 'multi-stream-append',
    streams: plannedStreams,
    lastEvent,
    requests: sent.map((entry) => ({
      streamName: entry.stream.kurrentStream,
      events: entry.events,
      expectedState: toAppendStreamState(entry.append.expectedRevision),
    })),
  };
}

/**
 * Each stream's revision after a successful write, from the server's answer (one entry per stream sent, or per stream
 * written for appendRecords). 'unknown' where the answer does not say and the expectation does not tell either (a
 * check-only entry expecting 'any' or 'stream-exists' that appendRecords does not report): the store reads those.
 */
export function revisionsAfterWrite(
  plan: Exclude<AppendPlan, { kind: 'checks-only' }>,
  responses: { streamName: string; revision: bigint }[],
): Map<string, StreamRevision | 'unknown'> {
  const answered = new Map(responses.map((response) => [response.streamName, response.revision]));
  const revisions = new Map<string, StreamRevision | 'unknown'>();
  for (const stream of plan.streams) {
    const revision = answered.get(stream.kurrentStream);
    if (revision !== undefined) {
      revisions.set(stream.streamId, fromCurrentStreamState(revision, stream.kurrentStream));
    } else if (stream.eventIds.length > 0) {
      throw new Error(`KurrentDB did not answer the revision of stream ${stream.kurrentStream}, which it wrote`);
    } else {
      revisions.set(stream.streamId, revisionExpected(stream.expectedRevision));
    }
  }
  return revisions;
}

function revisionExpected(expected: ExpectedRevision): StreamRevision | 'unknown' {
  if (expected === 'no-stream') return NO_STREAM_REVISION;
  if (typeof expected === 'number') return expected;
  return 'unknown';
}

/** A conflict the server reported, as the port's error naming the request's own expectation; else undefined. */
export function conflictOf(
  plan: { streams: PlannedStream[] },
  conflict: { streamName: string; actualState: bigint | 'no_stream' } | undefined,
): WrongExpectedRevisionError | undefined {
  if (!conflict) return undefined;
  const stream = plan.streams.find((candidate) => candidate.kurrentStream === conflict.streamName);
  if (!stream) return undefined;
  return new WrongExpectedRevisionError(
    stream.streamId,
    stream.expectedRevision,
    fromCurrentStreamState(conflict.actualState, conflict.streamName),
  );
}
