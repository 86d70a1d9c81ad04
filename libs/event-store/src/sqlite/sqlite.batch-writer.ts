/**
 * Writes one group-commit batch: one BEGIN IMMEDIATE transaction. Everything it relies on (the log's tail position,
 * hash and time, the streams' revisions: their last events') is read inside that transaction, because another process
 * may have written since this one last looked.
 *
 * A request costs one statement a stream (its revision) and one an event (its insert): the insert skips an event id
 * already recorded (ON CONFLICT DO NOTHING), so no lookup precedes it, and no savepoint wraps the request. The rare
 * request that meets a recorded event id has its own rows deleted again (they are the positions past the tail it
 * started from), and is then answered the careful way: an idempotent repeat, or its error.
 */
import type { Database, Statement } from 'better-sqlite3';
import { assertExpectedRevision, expectedRevisionHolds, NO_STREAM_REVISION } from '../expected-revision';
import {
  AppendResult,
  DuplicateEventIdError,
  LogPosition,
  StreamRevision,
  WrongExpectedRevisionError,
} from '../event-store.port';
import type { RequestOutcome } from '../group-commit.queue';
import { eventHash, GENESIS_HASH } from '../hash-chain';
import type { PreparedStreamAppend } from '../prepared-append';
import { laterOf } from '../recorded-at';
import { STREAM_REVISION_SQL } from './sqlite.schema';

export type PreparedRequest = PreparedStreamAppend[];

interface LogTail {
  position: LogPosition;
  hash: string;
  recordedAt: string;
}

interface WrittenRequest {
  result: AppendResult;
  tail: LogTail;
}

interface RecordedIdentity {
  position: number;
  stream_id: string;
  type: string;
}

export class SqliteBatchWriter {
  private readonly selectTail: Statement<[], { position: number; hash: string; recorded_at: string }>;
  private readonly selectRevision: Statement<[string], number>;
  private readonly selectRecordedIdentity: Statement<[string], RecordedIdentity>;
  private readonly insertNewEvent: Statement<unknown[]>;
  private readonly deleteAfter: Statement<[number]>;
  private readonly writeBatchInTransaction: (
    batch: readonly PreparedRequest[],
    now: string,
  ) => RequestOutcome<AppendResult>[];

  constructor(db: Database) {
    this.selectTail = db.prepare('SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1');
    this.selectRevision = db.prepare<[string], number>(STREAM_REVISION_SQL).pluck();
    this.selectRecordedIdentity = db.prepare('SELECT position, stream_id, type FROM events WHERE event_id = ?');
    this.insertNewEvent = db.prepare(
      `INSERT INTO events (position, stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`,
    );
    this.deleteAfter = db.prepare('DELETE FROM events WHERE position > ?');
    const batchTransaction = db.transaction((batch: readonly PreparedRequest[], now: string) =>
      this.writeEachRequest(batch, now),
    );
    this.writeBatchInTransaction = (batch, now) => batchTransaction.immediate(batch, now);
  }

  /**
   * One outcome per request, in order; throws when the transaction as a whole failed (nothing was written). `now` is
   * the clock's time for `recordedAt`, which never goes back behind the log's last event.
   */
  writeBatch(batch: readonly PreparedRequest[], now: string): RequestOutcome<AppendResult>[] {
    return this.writeBatchInTransaction(batch, now);
  }

  private writeEachRequest(batch: readonly PreparedRequest[], now: string): RequestOutcome<AppendResult>[] {
    let tail = this.readTail();
    const recordedAt = laterOf(now, tail.recordedAt);
    return batch.map((request): RequestOutcome<AppendResult> => {
      try {
        const written = this.writeRequest(request, tail, recordedAt);
        tail = written.tail;
        return { ok: true, value: written.result };
      } catch (error) {
        if (isRequestError(error)) return { ok: false, error };
        throw error;
      }
    });
  }

  /** Throws a request error (having written nothing) or answers; any other error fails the whole transaction. */
  private writeRequest(request: PreparedRequest, tail: LogTail, recordedAt: string): WrittenRequest {
    const currentRevisions = request.map(({ streamId }) => this.currentRevision(streamId));
    const revisionsHold = request.every(({ expectedRevision }, index) =>
      expectedRevisionHolds(expectedRevision, currentRevisions[index]),
    );
    if (revisionsHold) {
      const written = this.insertUnlessRecorded(request, currentRevisions, tail, recordedAt);
      if (written) return written;
      this.deleteAfter.run(tail.position);
    }
    return { result: this.repeatOrRejection(request, currentRevisions), tail };
  }

  /** Inserts the request's events; undefined (some rows written, to be deleted) when an event id is recorded already. */
  private insertUnlessRecorded(
    request: PreparedRequest,
    currentRevisions: StreamRevision[],
    tail: LogTail,
    recordedAt: string,
  ): WrittenRequest | undefined {
    let { position, hash } = tail;
    const nextRevisions: Record<string, StreamRevision> = {};
    for (let index = 0; index < request.length; index++) {
      const { streamId, events } = request[index];
      let revision = currentRevisions[index];
      for (const event of events) {
        position += 1;
        revision += 1;
        const content = { position, streamId, streamRevision: revision, recordedAt, ...event };
        hash = eventHash(hash, content);
        const inserted = this.insertNewEvent.run(
          position,
          streamId,
          revision,
          event.eventId,
          event.type,
          event.schemaVersion,
          event.dataJson,
          event.metadataJson,
          recordedAt,
          hash,
        );
        if (inserted.changes === 0) return undefined;
      }
      nextRevisions[streamId] = revision;
    }
    return {
      result: { lastPosition: position, nextRevisions, idempotentRepeat: false },
      tail: { position, hash, recordedAt },
    };
  }

  /**
   * The careful way, for a request with a recorded event id or a revision not as expected; writes nothing. A retry of
   * an acknowledged append must succeed, so the event ids come before the expected revisions: when every event id is
   * recorded in the same stream with the same type, the request was already written.
   */
  private repeatOrRejection(request: PreparedRequest, currentRevisions: StreamRevision[]): AppendResult {
    const repeat = this.findIdempotentRepeat(request, currentRevisions);
    if (repeat) return repeat;
    request.forEach(({ streamId, expectedRevision }, index) =>
      assertExpectedRevision(streamId, expectedRevision, currentRevisions[index]),
    );
    throw new Error('a request with no recorded event id and revisions as expected was taken for a conflict');
  }

  private findIdempotentRepeat(request: PreparedRequest, currentRevisions: StreamRevision[]): AppendResult | undefined {
    let requested = 0;
    let lastRecordedPosition = 0;
    const recordedIds: string[] = [];
    let differentEventId: string | undefined;
    for (const { streamId, events } of request) {
      for (const { eventId, type } of events) {
        requested += 1;
        const recorded = this.selectRecordedIdentity.get(eventId);
        if (!recorded) continue;
        recordedIds.push(eventId);
        lastRecordedPosition = Math.max(lastRecordedPosition, recorded.position);
        if (recorded.stream_id !== streamId || recorded.type !== type) differentEventId ??= eventId;
      }
    }
    if (recordedIds.length === 0) return undefined;
    if (differentEventId !== undefined) throw new DuplicateEventIdError(differentEventId);
    if (recordedIds.length < requested) throw new DuplicateEventIdError(recordedIds[0]);
    const nextRevisions = Object.fromEntries(request.map(({ streamId }, index) => [streamId, currentRevisions[index]]));
    return { lastPosition: lastRecordedPosition, nextRevisions, idempotentRepeat: true };
  }

  private currentRevision(streamId: string): StreamRevision {
    return this.selectRevision.get(streamId) ?? NO_STREAM_REVISION;
  }

  private readTail(): LogTail {
    const row = this.selectTail.get();
    return row
      ? { position: row.position, hash: row.hash, recordedAt: row.recorded_at }
      : { position: 0, hash: GENESIS_HASH, recordedAt: '' };
  }
}

function isRequestError(error: unknown): boolean {
  return error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError;
}
