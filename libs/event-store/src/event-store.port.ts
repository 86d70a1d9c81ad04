/**
 * The event-store port. Every adapter (SQLite embedded, PostgreSQL, KurrentDB) implements it and passes
 * `event-store.contract.ts`.
 *
 * Revisions count events within a stream from 0 (the first event has revision 0). Positions grow along the global
 * log in commit order: a follower reading `position > checkpoint` never skips or repeats. The SQL stores number the
 * log 1, 2, 3… without gaps; KurrentDB's positions are its `$all` commit positions, which only increase (see
 * kurrentdb/README.md). Compare positions (checkpoints, `minPosition`); never infer a gap from a difference.
 */

export type StreamRevision = number;
export type LogPosition = number;

/**
 * 'no-stream': the stream must not exist · 'stream-exists': it must · 'any': no check · n: its last event is revision n.
 * -1 means the same as 'no-stream', so the answer of `streamRevision` can be passed back as it is.
 */
export type ExpectedRevision = 'any' | 'no-stream' | 'stream-exists' | StreamRevision;

export interface EventMetadata {
  actor: string;
  correlationId: string;
  causationId: string;
  commandId: string;
  /** The version of the rules the command was decided under (the ledger's policy catalogue); absent on early events. */
  catalogue?: string;
}

export interface EventToAppend {
  /** Globally unique. Appending an event id that is already recorded is idempotent (see `appendToStreams`). */
  eventId: string;
  type: string;
  schemaVersion?: number; // default 1
  data: object;
  metadata: EventMetadata;
}

export interface AppendRequest {
  streamId: string;
  expectedRevision: ExpectedRevision;
  /** May be empty: then the request only checks `expectedRevision` (a read the decision depended on). */
  events: EventToAppend[];
}

export interface AppendResult {
  /**
   * Global position of the last event written (or, for an idempotent repeat, of the last event recorded then).
   * When nothing is written (only check-only requests), the head position at which the checks held.
   */
  lastPosition: LogPosition;
  /** Each stream's revision after the append. */
  nextRevisions: Record<string, StreamRevision>;
  /** true when every event id was already recorded and nothing new was written. */
  idempotentRepeat: boolean;
}

export interface RecordedEvent {
  position: LogPosition;
  streamId: string;
  streamRevision: StreamRevision;
  eventId: string;
  type: string;
  schemaVersion: number;
  /** The event's data as stored: an object whose shape its type (and schema version) names. */
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recordedAt: string; // ISO 8601 UTC, assigned by the store at commit
  /** sha256 hex over the previous event's hash and this event's content (tamper evidence). */
  hash: string;
}

/**
 * What projections read of a recorded event: its place in the log, its stream, its type, its data and when. Not its id,
 * metadata or hash, which a rebuild reads the log without (`readAllForProjections`): decoding them is a third of the
 * JSON it would parse.
 */
export type ProjectableEvent = Pick<
  RecordedEvent,
  'position' | 'streamId' | 'type' | 'schemaVersion' | 'data' | 'recordedAt'
>;

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Forwards defaults to 0, backwards to the last revision. */
  fromRevision?: StreamRevision;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events with position > after. Default 0 (from the start). */
  after?: LogPosition;
  maxCount?: number;
}

export interface FollowOptions {
  /** The follower's checkpoint: the last position it has fully processed. */
  after: LogPosition;
  batchSize?: number;
  /** Called with consecutive batches in log order; the next batch starts after this promise resolves. */
  onEvents: (events: RecordedEvent[]) => Promise<void>;
  /** Called when onEvents throws; the follower stops (it never skips the failing batch). */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Stops following; resolves when the current batch (if any) has been handled. */
  stop(): Promise<void>;
}

/** The last event a verification walked to: its position, hash and recordedAt (what a head kept elsewhere is compared with). */
export interface VerifiedHead {
  position: LogPosition;
  hash: string;
  recordedAt: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /**
   * When the chain verifies and holds an event: its last, as the walk found it. A log cut short at its end verifies
   * too (no later hash names what is gone), so this is what shows it, compared with a head held elsewhere.
   */
  head?: VerifiedHead;
  /** The first event whose hash does not match its content and predecessor. */
  firstBrokenPosition?: LogPosition;
  reason?: string;
}

export interface EventStore {
  appendToStream(streamId: string, expectedRevision: ExpectedRevision, events: EventToAppend[]): Promise<AppendResult>;
  /**
   * Atomic across streams: every expected revision holds and every event is written, or nothing is.
   * Idempotent by event id: when every event id of the request is already recorded in the same streams, nothing is
   * written and the original positions are answered (`idempotentRepeat`); when only some are, DuplicateEventIdError.
   */
  appendToStreams(requests: AppendRequest[]): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The revision of the stream's last event, or -1 when the stream does not exist. */
  streamRevision(streamId: string): Promise<StreamRevision>;
  /**
   * `streamRevision` of each stream, in the order given: in one statement where the store can (the command side checks
   * the streams it decided on this way, see FoldAttempt).
   */
  streamRevisions(streamIds: readonly string[]): Promise<StreamRevision[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * The same events as `readAll`, in the shape projections read (a rebuild's pages): an adapter that can read fewer
   * columns offers it; without it, `readAll` serves.
   */
  readAllForProjections?(options?: ReadAllOptions): Promise<ProjectableEvent[]>;
  /**
   * Every stream id in the log, each once, in no particular order: what the command side learns, once, to know which
   * streams do not exist without reading them (see CachedFolds). An adapter that can list them in one index scan
   * offers it; without it, every stream is read.
   */
  streamIds?(): Promise<string[]>;
  /** The position of the last event in the log (0 when empty). */
  headPosition(): Promise<LogPosition>;
  follow(options: FollowOptions): Subscription;
  verifyChain(): Promise<ChainVerification>;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: StreamRevision,
  ) {
    super(`stream ${streamId}: expected revision ${expected}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export class DuplicateEventIdError extends Error {
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already recorded with other events`);
    this.name = 'DuplicateEventIdError';
  }
}

/** A request the store cannot even attempt: a stream named twice, an empty event id or type, data that is not an object. */
export class InvalidAppendRequestError extends Error {
  constructor(readonly detail: string) {
    super(`invalid append request: ${detail}`);
    this.name = 'InvalidAppendRequestError';
  }
}
