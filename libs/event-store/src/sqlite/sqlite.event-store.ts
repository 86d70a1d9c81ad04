import Database, { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { EventEmitter } from 'events';
import {
  AppendRequest,
  AppendResult,
  ChainVerification,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  FollowOptions,
  LogPosition,
  ProjectableEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamRevision,
  Subscription,
} from '../event-store.port';
import { NO_STREAM_REVISION } from '../expected-revision';
import { GroupCommitQueue, RequestOutcome } from '../group-commit.queue';
import { verifyHashChain } from '../hash-chain';
import { FollowableLog, LogFollower } from '../log-follower';
import { prepareAppend } from '../prepared-append';
import { PreparedRequest } from './sqlite.batch-writer';
import { SqliteDirectWriter } from './sqlite.direct-writer';
import { SqliteWriterThread } from './sqlite.writer-thread';
import {
  EventRow,
  PROJECTABLE_COLUMNS,
  ProjectableRow,
  toChainLink,
  toProjectableEvent,
  toRecordedEvent,
} from './sqlite.event-row';
import { applyDurablePragmas, DEFAULT_BUSY_TIMEOUT_MS, readPragmas, SqlitePragmaValues } from './sqlite.pragmas';
import { ensureSchema, STREAM_REVISION_SQL } from './sqlite.schema';
import { TurnReadTransaction } from './sqlite.turn-read-transaction';

export interface SqliteEventStoreOptions {
  /** Path of the database file; created with its schema when missing. */
  file: string;
  /** Source of `recordedAt`; defaults to the system clock. */
  clock?: () => Date;
  /** How often a caught-up follower looks for commits made by other processes. Default 200 ms. */
  pollIntervalMs?: number;
  /** How long a write waits for another process's write lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
}

export const DEFAULT_POLL_INTERVAL_MS = 200;
/** Stream ids listed a turn (streamIds): ~12 ms of the main thread here. */
export const STREAM_IDS_PAGE = 5_000;
/**
 * Batches go as soon as 8 are queued, and without waiting for the one before: the writer thread commits a batch while
 * this thread decides the rest of the turn's commands, and writes the batches that queued behind a commit in one
 * transaction (ARCHITECTURE.md, The log and its guarantees). 8: about as many grants as this thread decides while
 * the writer commits (one fsync, ~1.2 ms on an idle disk here).
 */
const PIPELINE = { maxInFlight: Number.POSITIVE_INFINITY, flushAt: 8 };
/**
 * Commits made on this thread (sqlite.direct-writer.ts) between two WAL checkpoints asked of the writer thread: a few
 * pages each, so about SQLite's own 1,000-page threshold, which the writer thread's connection keeps for its commits.
 */
const DIRECT_COMMITS_PER_CHECKPOINT = 128;
const CHAIN_PAGE_SIZE = 1000;
/** SQLite reads LIMIT -1 as "no limit". */
const NO_LIMIT = -1;
const COMMITTED = 'committed';

export class SqliteEventStore implements EventStore {
  private readonly db: SqliteDatabase;
  private readonly writes: GroupCommitQueue<PreparedRequest, AppendResult>;
  /** Commits run on their own thread: the main thread decides the next batch while the disk syncs this one. */
  private readonly writer: SqliteWriterThread;
  private batchesOnThread = 0;
  private directCommits = 0;
  /** …unless a request is alone and the writer thread idle: then it is committed here, without the hand-offs. */
  private readonly direct: SqliteDirectWriter;
  private readonly commits = new EventEmitter().setMaxListeners(0);
  private readonly followers = new Set<LogFollower>();
  private readonly pollIntervalMs: number;
  private readonly statements: ReadStatements;
  /** A command reads its streams a few microtasks apart: the reads of one task share one read lock. */
  private readonly reads: TurnReadTransaction;
  private closing: Promise<void> | undefined;
  private readonly followableLog: FollowableLog = {
    readAfter: (position, maxCount) => this.readAfter(position, maxCount),
    onCommit: (listener) => {
      this.commits.on(COMMITTED, listener);
      return () => this.commits.off(COMMITTED, listener);
    },
  };

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    return new SqliteEventStore(options);
  }

  constructor(options: SqliteEventStoreOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.db = new Database(options.file);
    const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    let direct: SqliteDirectWriter | undefined;
    try {
      applyDurablePragmas(this.db, busyTimeoutMs);
      ensureSchema(this.db);
      this.statements = prepareReadStatements(this.db);
      this.reads = new TurnReadTransaction(this.db);
      this.direct = direct = new SqliteDirectWriter(options.file, busyTimeoutMs);
      // Last: once started, the thread keeps the process alive until closed.
      this.writer = new SqliteWriterThread({ file: options.file, busyTimeoutMs });
      const clock = options.clock ?? (() => new Date());
      this.writes = new GroupCommitQueue(async (batch) => {
        const now = clock().toISOString();
        const outcomes = this.writeAlone(batch, now) ?? (await this.writeOnThread(batch, now));
        if (outcomes.some((outcome) => outcome.ok)) this.commits.emit(COMMITTED);
        return outcomes;
      }, PIPELINE);
    } catch (error) {
      direct?.close();
      this.db.close();
      throw error;
    }
  }

  async appendToStream(
    streamId: string,
    expectedRevision: ExpectedRevision,
    events: EventToAppend[],
  ): Promise<AppendResult> {
    return this.appendToStreams([{ streamId, expectedRevision, events }]);
  }

  async appendToStreams(requests: AppendRequest[]): Promise<AppendResult> {
    this.assertOpen();
    return this.writes.enqueue(prepareAppend(requests));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? NO_LIMIT;
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    const rows = this.reads.read(() =>
      options.direction === 'backwards'
        ? this.statements.streamBackwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : limit === NO_LIMIT
          ? this.statements.wholeStreamForwards.all(streamId, options.fromRevision ?? 0)
          : this.statements.streamForwards.all(streamId, options.fromRevision ?? 0, limit),
    );
    return rows.map(toRecordedEvent);
  }

  async streamRevision(streamId: string): Promise<StreamRevision> {
    return this.reads.read(() => this.statements.streamRevision.get(streamId)) ?? NO_STREAM_REVISION;
  }

  async streamRevisions(streamIds: readonly string[]): Promise<StreamRevision[]> {
    return this.reads.read(() =>
      streamIds.map((streamId) => this.statements.streamRevision.get(streamId) ?? NO_STREAM_REVISION),
    );
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAfter(options.after ?? 0, options.maxCount ?? NO_LIMIT);
  }

  async readAllForProjections(options: ReadAllOptions = {}): Promise<ProjectableEvent[]> {
    const maxCount = options.maxCount ?? NO_LIMIT;
    if (maxCount !== NO_LIMIT && maxCount <= 0) return [];
    const rows = this.reads.read(() => this.statements.projectableAfter.all(options.after ?? 0, maxCount));
    return rows.map(toProjectableEvent);
  }

  /**
   * In pages along the index, one a turn of the event loop, so that a large log's list does not hold up the commands
   * meanwhile. Each page is its own read: a stream created between pages may be missing, as one created after the list
   * would be, and the command side treats both alike (CachedFolds).
   */
  async streamIds(): Promise<string[]> {
    let page = this.reads.read(() => this.statements.firstStreamIds.all(STREAM_IDS_PAGE));
    const ids = [...page];
    while (page.length === STREAM_IDS_PAGE) {
      await new Promise((resolve) => setImmediate(resolve));
      const after = page[page.length - 1];
      page = this.reads.read(() => this.statements.streamIdsAfter.all(after, STREAM_IDS_PAGE));
      ids.push(...page);
    }
    return ids;
  }

  async headPosition(): Promise<LogPosition> {
    return this.reads.read(() => this.statements.headPosition.get()) ?? 0;
  }

  follow(options: FollowOptions): Subscription {
    this.assertOpen();
    const follower: LogFollower = new LogFollower(this.followableLog, options, this.pollIntervalMs, () =>
      this.followers.delete(follower),
    );
    this.followers.add(follower);
    return follower;
  }

  async verifyChain(): Promise<ChainVerification> {
    return verifyHashChain(
      async (after, limit) => this.reads.read(() => this.statements.eventsAfter.all(after, limit)).map(toChainLink),
      CHAIN_PAGE_SIZE,
    );
  }

  /** The pragmas in force on this store's connection (synchronous and busy_timeout are per connection). */
  pragmas(): SqlitePragmaValues {
    return readPragmas(this.db);
  }

  /** …and on the connection that commits lone requests on this thread (its busy timeout is 0 by design). */
  directWriterPragmas(): SqlitePragmaValues {
    return this.direct.pragmas();
  }

  /** Writes what is queued, stops the followers (after their current batch), then closes the database. */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    await this.writes.drain();
    await Promise.all([...this.followers].map((follower) => follower.stop()));
    await this.writer.close();
    this.direct.close();
    this.reads.end();
    this.db.close();
  }

  /**
   * A lone, small request while the writer thread has nothing in flight, committed on this thread
   * (sqlite.direct-writer.ts); undefined when it is not one, or another connection holds the write lock.
   */
  private writeAlone(batch: readonly PreparedRequest[], now: string): RequestOutcome<AppendResult>[] | undefined {
    if (this.batchesOnThread > 0 || !SqliteDirectWriter.takes(batch)) return undefined;
    const outcomes = this.direct.tryWrite(batch, now);
    if (!outcomes) return undefined;
    // Answered within this task. A flush runs in a task of its own, where no read snapshot is open, except one that
    // drain() makes while closing: end any, so that a read after the answer sees the commit (TurnReadTransaction).
    this.reads.end();
    if (++this.directCommits % DIRECT_COMMITS_PER_CHECKPOINT === 0) void this.checkpointOnThread();
    return outcomes;
  }

  private writeOnThread(batch: readonly PreparedRequest[], now: string): Promise<RequestOutcome<AppendResult>[]> {
    return this.onThread(() => this.writer.write(batch, now));
  }

  /** Counted as a batch on the thread: until it is done, lone requests go there too, behind it (sqlite.writer-worker.ts). */
  private async checkpointOnThread(): Promise<void> {
    // A failed checkpoint is tried again after the next 128 commits; a thread that died fails the writes themselves.
    await this.onThread(() => this.writer.checkpoint()).catch(() => undefined);
  }

  /** Work on the writer thread, counted while it runs: no request is committed on this thread meanwhile. */
  private async onThread<T>(work: () => Promise<T>): Promise<T> {
    this.batchesOnThread++;
    try {
      return await work();
    } finally {
      this.batchesOnThread--;
    }
  }

  private async readAfter(position: LogPosition, maxCount: number): Promise<RecordedEvent[]> {
    if (maxCount !== NO_LIMIT && maxCount <= 0) return [];
    return this.reads.read(() => this.statements.eventsAfter.all(position, maxCount)).map(toRecordedEvent);
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('the event store is closed');
  }
}

interface ReadStatements {
  streamForwards: Statement<[string, number, number], EventRow>;
  /** The same without LIMIT: a bound LIMIT (even -1) costs SQLite ~15 µs a call, six times the rest of a short read. */
  wholeStreamForwards: Statement<[string, number], EventRow>;
  streamBackwards: Statement<[string, number, number], EventRow>;
  streamRevision: Statement<[string], number>;
  eventsAfter: Statement<[number, number], EventRow>;
  projectableAfter: Statement<[number, number], ProjectableRow>;
  firstStreamIds: Statement<[number], string>;
  streamIdsAfter: Statement<[string, number], string>;
  headPosition: Statement<[], number>;
}

function prepareReadStatements(db: SqliteDatabase): ReadStatements {
  return {
    streamForwards: db.prepare(
      'SELECT * FROM events WHERE stream_id = ? AND stream_revision >= ? ORDER BY stream_revision ASC LIMIT ?',
    ),
    wholeStreamForwards: db.prepare(
      'SELECT * FROM events WHERE stream_id = ? AND stream_revision >= ? ORDER BY stream_revision ASC',
    ),
    streamBackwards: db.prepare(
      'SELECT * FROM events WHERE stream_id = ? AND stream_revision <= ? ORDER BY stream_revision DESC LIMIT ?',
    ),
    streamRevision: db.prepare<[string], number>(STREAM_REVISION_SQL).pluck(),
    eventsAfter: db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?'),
    // Raw rows (arrays): a rebuild reads a million of them, and an array is the cheapest row better-sqlite3 makes.
    projectableAfter: db
      .prepare<[number, number], ProjectableRow>(
        `SELECT ${PROJECTABLE_COLUMNS} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`,
      )
      .raw(),
    // Along the (stream_id, stream_revision) index, which holds each id once a revision: DISTINCT skips along it.
    firstStreamIds: db
      .prepare<[number], string>('SELECT DISTINCT stream_id FROM events ORDER BY stream_id LIMIT ?')
      .pluck(),
    streamIdsAfter: db
      .prepare<[string, number], string>(
        'SELECT DISTINCT stream_id FROM events WHERE stream_id > ? ORDER BY stream_id LIMIT ?',
      )
      .pluck(),
    headPosition: db.prepare<[], number>('SELECT COALESCE(MAX(position), 0) FROM events').pluck(),
  };
}
