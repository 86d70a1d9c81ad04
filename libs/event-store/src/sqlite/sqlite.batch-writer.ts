/**
 * Writes one group-commit batch: one BEGIN IMMEDIATE transaction, one savepoint per request. Everything it relies on
 * (the log's tail position, hash and time, the streams' revisions: their last events') is read inside that
 * transaction, because another process may have written since this one last looked.
 */
import type { Database, Statement } from 'better-sqlite3';
import { assertExpectedRevision, NO_STREAM_REVISION } from '../expected-revision';
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
  private readonly insertEvent: Statement<unknown[]>;
  private readonly writeBatchInTransaction: (
    batch: readonly PreparedRequest[],
    now: string,
  ) => RequestOutcome<AppendResult>[];
  private readonly writeRequestInSavepoint: (
    request: PreparedRequest,
    tail: LogTail,
    recordedAt: string,
  ) => WrittenRequest;

  constructor(db: Database) {
    this.selectTail = db.prepare('SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1');
    this.selectRevision = db.prepare<[string], number>(STREAM_REVISION_SQL).pluck();
    this.selectRecordedIdentity = db.prepare('SELECT position, stream_id, type FROM events WHERE event_id = ?');
    this.insertEvent = db.prepare(
      `INSERT INTO events (position, stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const batchTransaction = db.transaction((batch: readonly PreparedRequest[], now: string) =>
      this.writeEachRequest(batch, now),
    );
    this.writeBatchInTransaction = (batch, now) => batchTransaction.immediate(batch, now);
    // Called inside the batch transaction, better-sqlite3 runs this one as a savepoint.
    this.writeRequestInSavepoint = db.transaction((request: PreparedRequest, tail: LogTail, recordedAt: string) =>
      this.writeRequest(request, tail, recordedAt),
    );
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
        const written = this.writeRequestInSavepoint(request, tail, recordedAt);
        tail = written.tail;
        return { ok: true, value: written.result };
      } catch (error) {
        if (isRequestError(error)) return { ok: false, error };
        throw error;
      }
    });
  }

  private writeRequest(request: PreparedRequest, tail: LogTail, recordedAt: string): WrittenRequest {
    const repeat = this.findIdempotentRepeat(request);
    if (repeat) return { result: repeat, tail };
    const currentRevisions = request.map(({ streamId }) => this.currentRevision(streamId));
    request.forEach(({ streamId, expectedRevision }, index) =>
      assertExpectedRevision(streamId, expectedRevision, currentRevisions[index]),
    );
    let { position, hash } = tail;
    const nextRevisions: Record<string, StreamRevision> = {};
    request.forEach(({ streamId, events }, index) => {
      let revision = currentRevisions[index];
      for (const event of events) {
        position += 1;
        revision += 1;
        const content = { position, streamId, streamRevision: revision, recordedAt, ...event };
        hash = eventHash(hash, content);
        this.insertEvent.run(
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
      }
      nextRevisions[streamId] = revision;
    });
    return {
      result: { lastPosition: position, nextRevisions, idempotentRepeat: false },
      tail: { position, hash, recordedAt },
    };
  }

  /**
   * A retry of an acknowledged append must succeed, so this comes before the expected-revision check: when every event
   * id is recorded in the same stream with the same type, the request was already written.
   */
  private findIdempotentRepeat(request: PreparedRequest): AppendResult | undefined {
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
    const nextRevisions = Object.fromEntries(request.map(({ streamId }) => [streamId, this.currentRevision(streamId)]));
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
