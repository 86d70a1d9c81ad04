/**
 * Decides a whole group-commit batch in memory, from the state read under the log lock, before anything is written:
 * requests are taken in queue order, each seeing the events of the requests accepted before it, and a request that
 * fails (WrongExpectedRevisionError, DuplicateEventIdError) is left out alone. This gives what SQLite's savepoint per
 * request gives, without one: in PostgreSQL every savepoint that writes is a subtransaction, and a transaction with
 * more than 64 of them overflows the per-backend subtransaction cache and slows every snapshot on the server, which
 * large batches would reach. Pure: no I/O, so it is unit-tested on its own.
 */
import { assertExpectedRevision, NO_STREAM_REVISION } from '../expected-revision';
import {
  AppendResult,
  DuplicateEventIdError,
  LogPosition,
  StreamRevision,
  WrongExpectedRevisionError,
} from '../event-store.port';
import type { RequestOutcome } from '../group-commit.queue';
import { ChainLink, eventHash, GENESIS_HASH } from '../hash-chain';
import type { PreparedStreamAppend } from '../prepared-append';

export type PreparedRequest = PreparedStreamAppend[];

export interface LogTail {
  position: LogPosition;
  hash: string;
  recordedAt: string;
}

export const EMPTY_LOG_TAIL: LogTail = { position: 0, hash: GENESIS_HASH, recordedAt: '' };

export interface RecordedIdentity {
  position: LogPosition;
  streamId: string;
  type: string;
}

/** What the batch's decisions depend on, read inside the transaction that writes it. */
export interface LogState {
  tail: LogTail;
  /** The batch's event ids that are already recorded. */
  recorded: ReadonlyMap<string, RecordedIdentity>;
  /** The revisions of the batch's streams that exist. */
  revisions: ReadonlyMap<string, StreamRevision>;
}

export interface BatchPlan {
  /** One per request, in order. */
  outcomes: RequestOutcome<AppendResult>[];
  /** The events to insert, in position order, hashed. */
  events: ChainLink[];
  /** Each written stream's revision after the batch. */
  streamRevisions: Map<string, StreamRevision>;
  /** The log's tail once the batch is written: the state's own when it writes nothing. */
  tail: LogTail;
}

export function planBatch(batch: readonly PreparedRequest[], state: LogState, recordedAt: string): BatchPlan {
  const planner = new BatchPlanner(state, recordedAt);
  const outcomes = batch.map((request): RequestOutcome<AppendResult> => {
    try {
      return { ok: true, value: planner.accept(request) };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError) {
        return { ok: false, error };
      }
      throw error;
    }
  });
  return { outcomes, events: planner.events, streamRevisions: planner.streamRevisions, tail: planner.tail };
}

class BatchPlanner {
  readonly events: ChainLink[] = [];
  readonly streamRevisions = new Map<string, StreamRevision>();
  private readonly recordedInBatch = new Map<string, RecordedIdentity>();
  tail: LogTail;

  constructor(
    private readonly state: LogState,
    private readonly recordedAt: string,
  ) {
    this.tail = state.tail;
  }

  /** Plans one request, or throws its request error having changed nothing: every check comes before any write. */
  accept(request: PreparedRequest): AppendResult {
    const repeat = this.findIdempotentRepeat(request);
    if (repeat) return repeat;
    const currentRevisions = request.map(({ streamId }) => this.currentRevision(streamId));
    request.forEach(({ streamId, expectedRevision }, index) =>
      assertExpectedRevision(streamId, expectedRevision, currentRevisions[index]),
    );
    let { position, hash } = this.tail;
    const nextRevisions: Record<string, StreamRevision> = {};
    request.forEach(({ streamId, events }, index) => {
      let revision = currentRevisions[index];
      for (const { eventId, type, schemaVersion, dataJson, metadataJson } of events) {
        position += 1;
        revision += 1;
        // One object of one shape, hashed then given its hash: no copies of the event.
        const link: ChainLink = {
          position,
          streamId,
          streamRevision: revision,
          eventId,
          type,
          schemaVersion,
          dataJson,
          metadataJson,
          recordedAt: this.recordedAt,
          hash: '',
        };
        hash = eventHash(hash, link);
        link.hash = hash;
        this.events.push(link);
        this.recordedInBatch.set(eventId, { position, streamId, type });
      }
      if (events.length > 0) this.streamRevisions.set(streamId, revision);
      nextRevisions[streamId] = revision;
    });
    this.tail = { position, hash, recordedAt: this.recordedAt };
    return { lastPosition: position, nextRevisions, idempotentRepeat: false };
  }

  /**
   * The same rules as SQLite's: a retry of an acknowledged append must succeed, so this comes before the
   * expected-revision check. Every event id recorded in the same stream with the same type → the original position;
   * some recorded, or recorded elsewhere → DuplicateEventIdError.
   */
  private findIdempotentRepeat(request: PreparedRequest): AppendResult | undefined {
    let requested = 0;
    let lastRecordedPosition = 0;
    const recordedIds: string[] = [];
    let differentEventId: string | undefined;
    for (const { streamId, events } of request) {
      for (const { eventId, type } of events) {
        requested += 1;
        const recorded = this.recordedInBatch.get(eventId) ?? this.state.recorded.get(eventId);
        if (!recorded) continue;
        recordedIds.push(eventId);
        lastRecordedPosition = Math.max(lastRecordedPosition, recorded.position);
        if (recorded.streamId !== streamId || recorded.type !== type) differentEventId ??= eventId;
      }
    }
    if (recordedIds.length === 0) return undefined;
    if (differentEventId !== undefined) throw new DuplicateEventIdError(differentEventId);
    if (recordedIds.length < requested) throw new DuplicateEventIdError(recordedIds[0]);
    const nextRevisions = Object.fromEntries(request.map(({ streamId }) => [streamId, this.currentRevision(streamId)]));
    return { lastPosition: lastRecordedPosition, nextRevisions, idempotentRepeat: true };
  }

  private currentRevision(streamId: string): StreamRevision {
    return this.streamRevisions.get(streamId) ?? this.state.revisions.get(streamId) ?? NO_STREAM_REVISION;
  }
}
