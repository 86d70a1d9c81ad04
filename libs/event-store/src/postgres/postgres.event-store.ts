import { EventEmitter } from 'events';
import { Pool } from 'pg';
import {
  AppendRequest,
  AppendResult,
  ChainVerification,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  FollowOptions,
  LogPosition,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamRevision,
  Subscription,
} from '../event-store.port';
import { NO_STREAM_REVISION } from '../expected-revision';
import { GroupCommitQueue } from '../group-commit.queue';
import { verifyHashChain } from '../hash-chain';
import { FollowableLog, LogFollower } from '../log-follower';
import { prepareAppend } from '../prepared-append';
import type { PreparedRequest } from './postgres.batch-plan';
import { PostgresBatchWriter } from './postgres.batch-writer';
import { CommitListener } from './postgres.commit-listener';
import { EventRow, toChainLink, toRecordedEvent, toSafeInteger } from './postgres.event-row';
import { logNames, PostgresLogNames } from './postgres.log-names';
import { endPools, openPools, PostgresPools } from './postgres.pools';
import { ensureSchema } from './postgres.schema';
import { PostgresStatements, statementsFor } from './postgres.statements';
import { StreamReads } from './postgres.stream-reads';
import { assertStorableAsText } from './postgres.text-guard';

export interface PostgresEventStoreOptions {
  /** e.g. postgresql://user:password@host:5432/ledger */
  connectionString: string;
  /** The schema holding the log's tables; created with them when missing. Default `public`. */
  schema?: string;
  /** Source of `recordedAt`; defaults to the system clock. */
  clock?: () => Date;
  /** How often a caught-up follower looks for commits it was not told about. Default 200 ms. */
  pollIntervalMs?: number;
  /** Connections of the pool for reads. Default 10; writes have a connection of their own. */
  poolSize?: number;
}

export const DEFAULT_POSTGRES_POLL_INTERVAL_MS = 200;
export const DEFAULT_POSTGRES_POOL_SIZE = 10;
const CHAIN_PAGE_SIZE = 1000;
const COMMITTED = 'committed';
/**
 * A batch goes once 8 requests are queued, and the next may follow before it is answered (postgres.batch-writer.ts):
 * this process decides one batch while the server commits the one in front, instead of the two taking turns.
 */
const PIPELINE = { maxInFlight: 2, flushAt: 8 };

/**
 * The event store on PostgreSQL: the same guarantees as the SQLite adapter (event-store.contract.ts), for several
 * processes on one database. Writes go through group commit, one transaction per batch holding the log lock (see
 * postgres.batch-writer.ts); followers are woken by this store's commits and, over LISTEN/NOTIFY, by everyone else's.
 */
export class PostgresEventStore implements EventStore {
  private readonly writes: GroupCommitQueue<PreparedRequest, AppendResult>;
  private readonly statements: PostgresStatements;
  /** Reads; the writer has a connection of its own. */
  private readonly pool: Pool;
  private readonly streamReads: StreamReads;
  private readonly commits = new EventEmitter().setMaxListeners(0);
  private readonly followers = new Set<LogFollower>();
  private readonly pollIntervalMs: number;
  private listener: Promise<CommitListener | undefined> | undefined;
  private closing: Promise<void> | undefined;
  private readonly followableLog: FollowableLog = {
    readAfter: (position, maxCount) => this.readAfter(position, maxCount),
    onCommit: (listener) => {
      this.commits.on(COMMITTED, listener);
      return () => this.commits.off(COMMITTED, listener);
    },
  };

  /** Connects, and creates the schema and its tables when missing (safe when several processes open at once). */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const names = logNames(options.schema);
    const pools = openPools(options.connectionString, options.poolSize ?? DEFAULT_POSTGRES_POOL_SIZE);
    try {
      await ensureSchema(pools.reads, names);
    } catch (error) {
      await endPools(pools);
      throw error;
    }
    return new PostgresEventStore(pools, names, options);
  }

  /** Whether a log was created in this database and schema (without creating one, as `open` would). */
  static async exists(options: Pick<PostgresEventStoreOptions, 'connectionString' | 'schema'>): Promise<boolean> {
    const names = logNames(options.schema);
    const pool = new Pool({ connectionString: options.connectionString, max: 1 });
    pool.on('error', () => undefined);
    try {
      const { rows } = await pool.query<{ table: string | null }>('SELECT to_regclass($1)::text AS table', [
        names.eventsTable,
      ]);
      return rows[0].table !== null;
    } finally {
      await pool.end();
    }
  }

  private constructor(
    private readonly pools: PostgresPools,
    private readonly names: PostgresLogNames,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.pool = pools.reads;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POSTGRES_POLL_INTERVAL_MS;
    this.statements = statementsFor(names);
    this.streamReads = new StreamReads(this.pool, this.statements.streamForwards, this.statements.wholeStreams);
    const writer = new PostgresBatchWriter(pools.writes, names, this.statements, options.clock ?? (() => new Date()));
    this.writes = new GroupCommitQueue(async (batch) => {
      const outcomes = await writer.writeBatch(batch);
      if (outcomes.some((outcome) => outcome.ok)) this.wakeFollowers();
      return outcomes;
    }, PIPELINE);
  }

  /** The schema this store's log lives in. */
  get schema(): string {
    return this.names.schema;
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
    const prepared = prepareAppend(requests);
    assertStorableAsText(prepared);
    return this.writes.enqueue(prepared);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    const forwards = options.direction !== 'backwards';
    if (forwards && options.maxCount === undefined) return this.streamReads.read(streamId, options.fromRevision ?? 0);
    const limit = options.maxCount ?? null; // LIMIT NULL: no limit
    const { rows } = !forwards
      ? await this.pool.query<EventRow>({
          ...this.statements.streamBackwards,
          values: [streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit],
        })
      : await this.pool.query<EventRow>({
          ...this.statements.streamForwards,
          values: [streamId, options.fromRevision ?? 0, limit],
        });
    return rows.map(toRecordedEvent);
  }

  async streamRevision(streamId: string): Promise<StreamRevision> {
    const { rows } = await this.pool.query<{ revision: string }>({
      ...this.statements.streamRevision,
      values: [streamId],
    });
    return rows.length === 0 ? NO_STREAM_REVISION : toSafeInteger(rows[0].revision, 'revision');
  }

  async streamRevisions(streamIds: readonly string[]): Promise<StreamRevision[]> {
    const { rows } = await this.pool.query<{ revision: string | null }>({
      ...this.statements.streamRevisions,
      values: [streamIds],
    });
    return rows.map(({ revision }) => (revision === null ? NO_STREAM_REVISION : toSafeInteger(revision, 'revision')));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAfter(options.after ?? 0, options.maxCount);
  }

  async streamIds(): Promise<string[]> {
    const { rows } = await this.pool.query<{ stream_id: string }>(this.statements.streamIds);
    return rows.map((row) => row.stream_id);
  }

  async headPosition(): Promise<LogPosition> {
    const { rows } = await this.pool.query<{ head: string }>(this.statements.headPosition);
    return toSafeInteger(rows[0].head, 'head position');
  }

  follow(options: FollowOptions): Subscription {
    this.assertOpen();
    const follower: LogFollower = new LogFollower(this.followableLog, options, this.pollIntervalMs, () =>
      this.followers.delete(follower),
    );
    this.followers.add(follower);
    this.listener ??= this.listenForOtherCommits();
    return follower;
  }

  async verifyChain(): Promise<ChainVerification> {
    return verifyHashChain(async (after, limit) => {
      const { rows } = await this.pool.query<EventRow>({ ...this.statements.eventsAfter, values: [after, limit] });
      return rows.map(toChainLink);
    }, CHAIN_PAGE_SIZE);
  }

  /** Writes what is queued, stops the followers (after their current batch) and the listener, then ends the pool. */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    await this.writes.drain();
    await Promise.all([...this.followers].map((follower) => follower.stop()));
    const listener = await this.listener;
    await listener?.stop();
    await endPools(this.pools);
  }

  private async readAfter(position: LogPosition, maxCount: number | undefined): Promise<RecordedEvent[]> {
    if (maxCount !== undefined && maxCount <= 0) return [];
    const { rows } = await this.pool.query<EventRow>({
      ...this.statements.eventsAfter,
      values: [position, maxCount ?? null],
    });
    return rows.map(toRecordedEvent);
  }

  /**
   * Started with the first follower and kept until close. Never rejects: without a listener followers still poll.
   * Once listening, the followers are woken so that they read what was committed while the listener connected.
   */
  private async listenForOtherCommits(): Promise<CommitListener | undefined> {
    try {
      const listener = await CommitListener.start(
        this.options.connectionString,
        this.names.commitChannel,
        () => this.wakeFollowers(),
        () => {
          this.listener = undefined; // the next follow() listens again; meanwhile followers poll
          this.wakeFollowers();
        },
      );
      this.wakeFollowers();
      if (this.closing) {
        await listener.stop();
        return undefined;
      }
      return listener;
    } catch {
      this.listener = undefined; // polling covers it; the next follow() tries again
      return undefined;
    }
  }

  private wakeFollowers(): void {
    this.commits.emit(COMMITTED);
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('the event store is closed');
  }
}
