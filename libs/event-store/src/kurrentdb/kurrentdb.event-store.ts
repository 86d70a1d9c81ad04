import { EventEmitter } from 'events';
import {
  AppendConsistencyViolationError,
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type { AllStreamSubscription } from '@kurrent/kurrentdb-client';
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
import { assertExpectedRevision } from '../expected-revision';
import { FollowableLog, LogFollower } from '../log-follower';
import { prepareAppend, PreparedStreamAppend } from '../prepared-append';
import { AppendPlan, conflictOf, planAppend, revisionsAfterWrite } from './kurrentdb.append-plan';
import { ChainWalkVerifier } from './kurrentdb.chain';
import { ChainFollower } from './kurrentdb.chain-follower';
import { ChainHasher } from './kurrentdb.chain-hasher';
import { ChainStates } from './kurrentdb.chain-states';
import { classifyRepeat, RecordedIdentity, REPEAT_SEARCH_WINDOW } from './kurrentdb.idempotency';
import { KurrentDbLogReader } from './kurrentdb.log-reader';
import { assertLogPosition } from './kurrentdb.positions';
import { reportedServerVersion } from './kurrentdb.server-features';
import { ServerVersion, supportedServerVersion } from './kurrentdb.server-version';
import { LedgerStreams, ledgerStreams } from './kurrentdb.streams';

export interface KurrentDbEventStoreOptions {
  /** e.g. kurrentdb://localhost:2113?tls=false (the client's connection string, as KURRENTDB_URL holds it). */
  connectionString: string;
  /** Streams are named `<namespace>:<streamId>` and the chain stream `$ledger-chain-<namespace>`; default: none. */
  namespace?: string;
  /** Where chain heads are recorded; default `$ledger-chain` (or `$ledger-chain-<namespace>`). */
  chainStream?: string;
  /** Record a chain head after every this many events of the log; 0: this process runs no chain follower. */
  chainHeadEvery?: number;
  /** How often caught-up followers look for commits they were not told about. Default 200 ms. */
  pollIntervalMs?: number;
  /** Called when the chain follower stops on an error (default: console.error). */
  onChainError?: (error: unknown) => void;
}

export const DEFAULT_CHAIN_HEAD_EVERY = 1000;
export const DEFAULT_KURRENTDB_POLL_INTERVAL_MS = 200;
const CHAIN_PAGE_SIZE = 1000;
const HEADS_REFRESH_MS = 1000;
const CHECK_ATTEMPTS = 10;
const COMMITTED = 'committed';

/**
 * The event store on KurrentDB (formerly EventStoreDB), 25.1 or later. Streams are KurrentDB streams, the log is
 * `$all` read through a server-side filter, positions are `$all` commit positions (monotonic, not dense), appends
 * to several streams are one atomic multi-stream append, and the hash chain is kept by a chain follower that records
 * chain heads in a stream of its own. See README.md beside this file for the mapping and what was verified where.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly reader: KurrentDbLogReader;
  private readonly states = new ChainStates();
  private readonly hasher: ChainHasher;
  private readonly commits = new EventEmitter().setMaxListeners(0);
  private readonly followers = new Set<LogFollower>();
  private readonly pendingAppends = new Set<Promise<unknown>>();
  private readonly writesByEventId = new Map<string, Promise<unknown>>();
  private chainFollower: ChainFollower | undefined;
  private chainHeadsRevision: StreamRevision = -1;
  private chainHeadsReadAt = 0;
  private watch: AllStreamSubscription | undefined;
  private closing: Promise<void> | undefined;
  private readonly pollIntervalMs: number;
  private readonly followableLog: FollowableLog = {
    readAfter: (position, maxCount) => this.readAll({ after: position, maxCount }),
    onCommit: (listener) => {
      this.commits.on(COMMITTED, listener);
      return () => this.commits.off(COMMITTED, listener);
    },
  };

  /** Connects, refuses a server older than 25.1, and starts the chain follower (unless `chainHeadEvery` is 0). */
  static async open(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    const streams = ledgerStreams(options.namespace, options.chainStream);
    const every = options.chainHeadEvery ?? DEFAULT_CHAIN_HEAD_EVERY;
    if (!Number.isSafeInteger(every) || every < 0) throw new RangeError(`chainHeadEvery must be ≥ 0, got ${every}`);
    const client = KurrentDBClient.connectionString(options.connectionString);
    try {
      const server = supportedServerVersion(await reportedServerVersion(client));
      const store = new KurrentDbEventStore(client, streams, server, options);
      if (every > 0) await store.startChainFollower(every, options.onChainError);
      return store;
    } catch (error) {
      await client.dispose();
      throw error;
    }
  }

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly streams: LedgerStreams,
    /** The server's version, as checked when the store opened. */
    readonly server: ServerVersion,
    options: KurrentDbEventStoreOptions,
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_KURRENTDB_POLL_INTERVAL_MS;
    this.reader = new KurrentDbLogReader(client, streams);
    this.hasher = new ChainHasher({
      states: this.states,
      readAfter: (after, maxCount) => this.reader.readAfter(after, maxCount),
      refreshHeads: () => this.refreshChainHeads(),
    });
  }

  get chainStream(): string {
    return this.streams.chainStream;
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
    const appends = prepareAppend(requests);
    const plan = planAppend(appends, this.streams, this.server);
    const appending = plan.kind === 'checks-only' ? this.checkOnly(plan) : this.write(appends, plan);
    this.pendingAppends.add(appending);
    try {
      return await appending;
    } finally {
      this.pendingAppends.delete(appending);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.hasher.withHashes(await this.reader.readStream(streamId, options));
  }

  async streamRevision(streamId: string): Promise<StreamRevision> {
    return this.reader.streamRevision(`${this.streams.prefix}${streamId}`);
  }

  /** A read a stream: KurrentDB has no statement that answers several. */
  async streamRevisions(streamIds: readonly string[]): Promise<StreamRevision[]> {
    return Promise.all(streamIds.map((streamId) => this.streamRevision(streamId)));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? 0;
    assertLogPosition(after, 'after');
    return this.hasher.withHashesAfter(after, await this.reader.readAfter(after, options.maxCount));
  }

  async headPosition(): Promise<LogPosition> {
    return this.reader.headPosition();
  }

  follow(options: FollowOptions): Subscription {
    this.assertOpen();
    const follower: LogFollower = new LogFollower(this.followableLog, options, this.pollIntervalMs, () =>
      this.followers.delete(follower),
    );
    this.followers.add(follower);
    this.watchOtherCommits();
    return follower;
  }

  /** Re-walks the log from the genesis hash and compares the walk with every chain head recorded in the chain stream. */
  async verifyChain(): Promise<ChainVerification> {
    const heads = (await this.reader.chainHeadsAfter()).map((recorded) => recorded.head);
    const verifier = new ChainWalkVerifier(heads);
    let after = 0;
    for (;;) {
      const page = await this.reader.readAfter(after, CHAIN_PAGE_SIZE);
      if (page.length === 0) return verifier.finish();
      const failure = verifier.verify(page);
      if (failure) return failure;
      after = page[page.length - 1].position;
    }
  }

  /** Waits for the appends under way, stops the followers (after their current batch), then disconnects. */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    await Promise.allSettled([...this.pendingAppends]);
    await Promise.all([...this.followers].map((follower) => follower.stop()));
    await this.chainFollower?.stop();
    const watch = this.watch;
    this.watch = undefined;
    await watch?.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }

  /**
   * Requests of this store that share an event id are sent one after the other, so that a repeat sent while the
   * original is under way sees it recorded (the repeat check compares with the head read before sending).
   */
  private async write(
    appends: PreparedStreamAppend[],
    plan: Exclude<AppendPlan, { kind: 'checks-only' }>,
  ): Promise<AppendResult> {
    const eventIds = appends.flatMap((append) => append.events.map((event) => event.eventId));
    const earlier = new Set(eventIds.map((eventId) => this.writesByEventId.get(eventId)));
    const writing = (async () => {
      await Promise.allSettled([...earlier]);
      return this.writeNow(appends, plan);
    })();
    for (const eventId of eventIds) this.writesByEventId.set(eventId, writing);
    try {
      return await writing;
    } finally {
      for (const eventId of eventIds) {
        if (this.writesByEventId.get(eventId) === writing) this.writesByEventId.delete(eventId);
      }
    }
  }

  private async writeNow(
    appends: PreparedStreamAppend[],
    plan: Exclude<AppendPlan, { kind: 'checks-only' }>,
  ): Promise<AppendResult> {
    const headBefore = await this.reader.headPosition();
    let responses: { streamName: string; revision: bigint }[];
    try {
      responses =
        plan.kind === 'multi-stream-append'
          ? (await this.client.multiStreamAppend(plan.requests)).responses
          : (await this.client.appendRecords(plan.records, plan.checks)).responses;
    } catch (error) {
      return this.afterFailedWrite(appends, plan, error);
    }
    this.wakeFollowers();
    const revisions = revisionsAfterWrite(plan, responses);
    const lastPosition = await this.positionOfLastEvent(plan, revisions.get(plan.lastEvent.streamId));
    if (lastPosition <= headBefore) {
      // Not after the head read before sending: the server answered an idempotent repeat of recorded events.
      const classified = classifyRepeat(appends, await this.recordedIdentities(plan));
      if (classified.kind === 'duplicate') throw classified.error;
      return this.repeatResult(plan, lastPosition);
    }
    const nextRevisions: Record<string, StreamRevision> = {};
    for (const stream of plan.streams) {
      const revision = revisions.get(stream.streamId);
      nextRevisions[stream.streamId] =
        revision === undefined || revision === 'unknown'
          ? await this.reader.streamRevision(stream.kurrentStream)
          : revision;
    }
    return { lastPosition, nextRevisions, idempotentRepeat: false };
  }

  /** A repeat when every event is already recorded where the request puts it; else the server's conflict, mapped. */
  private async afterFailedWrite(
    appends: PreparedStreamAppend[],
    plan: Exclude<AppendPlan, { kind: 'checks-only' }>,
    error: unknown,
  ): Promise<AppendResult> {
    const classified = classifyRepeat(appends, await this.recordedIdentities(plan));
    if (classified.kind === 'repeat') return this.repeatResult(plan, classified.lastPosition);
    if (classified.kind === 'duplicate') throw classified.error;
    throw conflictOf(plan, conflictDetails(error)) ?? error;
  }

  private async repeatResult(plan: { streams: { streamId: string; kurrentStream: string }[] }, lastPosition: number) {
    const nextRevisions: Record<string, StreamRevision> = {};
    for (const stream of plan.streams) {
      nextRevisions[stream.streamId] = await this.reader.streamRevision(stream.kurrentStream);
    }
    return { lastPosition, nextRevisions, idempotentRepeat: true };
  }

  /** The position of the request's last event: read at the revision the server answered, and checked to be it. */
  private async positionOfLastEvent(
    plan: Exclude<AppendPlan, { kind: 'checks-only' }>,
    revision: StreamRevision | 'unknown' | undefined,
  ): Promise<LogPosition> {
    const { kurrentStream, eventId } = plan.lastEvent;
    if (typeof revision !== 'number' || revision < 0) {
      throw new Error(`KurrentDB answered no revision for stream ${kurrentStream}, which it wrote`);
    }
    const [event] = await this.reader.readKurrentStream(kurrentStream, {
      direction: FORWARDS,
      fromRevision: BigInt(revision),
      maxCount: 1,
    });
    if (event?.eventId !== eventId) {
      throw new Error(
        `KurrentDB answered revision ${revision} of stream ${kurrentStream} for event ${eventId}, ` +
          `but ${event ? `event ${event.eventId}` : 'no event'} is there`,
      );
    }
    return event.position;
  }

  /** The ids recorded in the last REPEAT_SEARCH_WINDOW events of each stream the request writes. */
  private async recordedIdentities(plan: {
    streams: { streamId: string; kurrentStream: string; eventIds: string[] }[];
  }): Promise<Map<string, RecordedIdentity>> {
    const recorded = new Map<string, RecordedIdentity>();
    for (const stream of plan.streams.filter((candidate) => candidate.eventIds.length > 0)) {
      const events = await this.reader.readKurrentStream(stream.kurrentStream, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: REPEAT_SEARCH_WINDOW,
      });
      for (const event of events) recorded.set(event.eventId, event);
    }
    return recorded;
  }

  /**
   * A request of checks alone writes nothing, so nothing needs to be atomic with it: the revisions are read between
   * two reads of the head position, and when the head did not move they are the revisions at that position.
   */
  private async checkOnly(plan: Extract<AppendPlan, { kind: 'checks-only' }>): Promise<AppendResult> {
    for (let attempt = 0; attempt < CHECK_ATTEMPTS; attempt++) {
      const head = await this.reader.headPosition();
      const revisions = await Promise.all(
        plan.streams.map((stream) => this.reader.streamRevision(stream.kurrentStream)),
      );
      if ((await this.reader.headPosition()) !== head) continue;
      const nextRevisions: Record<string, StreamRevision> = {};
      plan.streams.forEach((stream, index) => {
        assertExpectedRevision(stream.streamId, stream.expectedRevision, revisions[index]);
        nextRevisions[stream.streamId] = revisions[index];
      });
      return { lastPosition: head, nextRevisions, idempotentRepeat: false };
    }
    throw new Error(`the log kept moving: ${CHECK_ATTEMPTS} attempts could not read the checked revisions at one head`);
  }

  private async startChainFollower(every: number, onError?: (error: unknown) => void): Promise<void> {
    this.chainFollower = await ChainFollower.start({
      client: this.client,
      reader: this.reader,
      chainStream: this.streams.chainStream,
      every,
      states: this.states,
      pollIntervalMs: this.pollIntervalMs,
      onCommit: (listener) => this.followableLog.onCommit(listener),
      onError: onError ?? ((error) => console.error('KurrentDB chain follower stopped:', error)),
    });
    this.watchOtherCommits();
  }

  /** Adds the chain heads recorded since the last look (at most once a second) to the known chain states. */
  private async refreshChainHeads(): Promise<void> {
    if (Date.now() - this.chainHeadsReadAt < HEADS_REFRESH_MS) return;
    for (const { head, revision } of await this.reader.chainHeadsAfter(this.chainHeadsRevision)) {
      this.states.addHead(head);
      this.chainHeadsRevision = revision;
    }
    this.chainHeadsReadAt = Date.now();
  }

  /**
   * A live, filtered `$all` subscription (client `subscribeToAll({ fromPosition: END, filter })`) whose only job is
   * to wake the followers when any process commits. Best effort: without it they poll.
   */
  private watchOtherCommits(): void {
    if (this.watch || this.closing) return;
    try {
      const watch = this.client.subscribeToAll({ fromPosition: END, filter: this.streams.filter });
      watch.on('data', () => this.wakeFollowers());
      watch.on('error', () => {
        if (this.watch === watch) this.watch = undefined;
      });
      this.watch = watch;
    } catch {
      this.watch = undefined;
    }
  }

  private wakeFollowers(): void {
    this.commits.emit(COMMITTED);
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('the event store is closed');
  }
}

function conflictDetails(error: unknown): { streamName: string; actualState: bigint | 'no_stream' } | undefined {
  if (error instanceof WrongExpectedVersionError) return error;
  if (error instanceof AppendConsistencyViolationError) return error.violations[0];
  return undefined;
}
