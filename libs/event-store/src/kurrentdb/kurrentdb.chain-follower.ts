/**
 * The chain follower: reads the ledger's log in commit order and records a chain head in the chain stream after every
 * `every`-th event (the pure part is `headsDue`, kurrentdb.chain.ts). It continues from the last recorded head, so
 * restarts cost nothing, and several followers (one per process) can run at once: a head is appended with the chain
 * stream's expected revision, so one of them records it and the others check that theirs is the same — a different
 * one means the log two processes read is not the same log, reported through `onError` (the follower stops).
 *
 * Client call: `appendToStream(chainStream, jsonEvent(...), { streamState })` (dist/streams/appendToStream/index.d.ts),
 * which answers WrongExpectedVersionError when another follower recorded first.
 */
import { jsonEvent, KurrentDBClient, NO_STREAM, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import type { LogPosition, RecordedEvent, StreamRevision, Subscription } from '../event-store.port';
import { NO_STREAM_REVISION } from '../expected-revision';
import { FollowableLog, LogFollower } from '../log-follower';
import {
  CHAIN_HEAD_EVENT_TYPE,
  ChainHead,
  chainHeadData,
  ChainState,
  extendChain,
  GENESIS_STATE,
  headsDue,
} from './kurrentdb.chain';
import type { ChainStates } from './kurrentdb.chain-states';
import { toRecordedEvent } from './kurrentdb.chain-hasher';
import type { KurrentDbLogReader, RecordedChainHead } from './kurrentdb.log-reader';

export interface ChainFollowerOptions {
  client: KurrentDBClient;
  reader: KurrentDbLogReader;
  chainStream: string;
  every: number;
  states: ChainStates;
  pollIntervalMs: number;
  /** Wakes the follower when this store commits. */
  onCommit: FollowableLog['onCommit'];
  onError: (error: unknown) => void;
}

/** Another process chained the same log to a different head: the logs they read differ. */
export class ChainDivergenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChainDivergenceError';
  }
}

export const CHAIN_FOLLOWER_RESTART_MS = 1000;

export class ChainFollower implements Subscription {
  private state: ChainState;
  private lastRevision: StreamRevision;
  /** The count of the last head in the chain stream that this follower knows of. */
  private lastRecordedCount: number;
  /** Heads other followers recorded beyond this one's state, by count: compared when reached. */
  private readonly recordedAhead = new Map<number, ChainHead>();
  private follower: LogFollower | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  static async start(options: ChainFollowerOptions): Promise<ChainFollower> {
    const recorded = await options.reader.chainHeadsAfter();
    for (const { head } of recorded) options.states.addHead(head);
    return new ChainFollower(options, recorded.at(-1));
  }

  private constructor(
    private readonly options: ChainFollowerOptions,
    last: RecordedChainHead | undefined,
  ) {
    this.state = last?.head ?? GENESIS_STATE;
    this.lastRevision = last?.revision ?? NO_STREAM_REVISION;
    this.lastRecordedCount = this.state.count;
    this.follow();
  }

  /** The chain after the events this follower has handled. */
  get chainState(): ChainState {
    return this.state;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    await this.follower?.stop();
  }

  private follow(): void {
    const log: FollowableLog = {
      readAfter: (position, maxCount) => this.readChained(position, maxCount),
      onCommit: this.options.onCommit,
    };
    this.follower = new LogFollower(
      log,
      { after: this.state.position, onEvents: (events) => this.record(events), onError: (error) => this.failed(error) },
      this.options.pollIntervalMs,
    );
  }

  /**
   * Reported, then — unless stopped, or the chain diverged — followed again from where it got to after a pause: a
   * lost connection must not end the recording of heads for the life of the process.
   */
  private failed(error: unknown): void {
    this.options.onError(error);
    if (this.stopped || error instanceof ChainDivergenceError) return;
    this.restartTimer = setTimeout(() => {
      if (!this.stopped) this.follow();
    }, CHAIN_FOLLOWER_RESTART_MS);
  }

  private async readChained(after: LogPosition, maxCount: number): Promise<RecordedEvent[]> {
    const events = await this.options.reader.readAfter(after, maxCount);
    const { links } = extendChain(this.state, events);
    return links.map((link, index) => toRecordedEvent(events[index], link.hash));
  }

  private async record(events: RecordedEvent[]): Promise<void> {
    const contents = events.map((event) => ({
      ...event,
      dataJson: JSON.stringify(event.data),
      metadataJson: JSON.stringify(event.metadata),
    }));
    const { heads, state } = headsDue(this.state, contents, this.options.every);
    for (const head of heads) await this.recordHead(head);
    this.state = state;
    this.options.states.remember(state);
  }

  private async recordHead(head: ChainHead): Promise<void> {
    if (head.count <= this.lastRecordedCount) {
      // Recorded before this batch failed part-way: the same head, or the chain diverged.
      const known = this.options.states.at(head.position);
      if (known) this.assertSame({ ...known, every: head.every }, head);
      return;
    }
    const already = this.recordedAhead.get(head.count);
    if (already) {
      this.recordedAhead.delete(head.count);
      this.assertSame(already, head);
      this.lastRecordedCount = head.count;
      return;
    }
    try {
      await this.options.client.appendToStream(
        this.options.chainStream,
        jsonEvent({ type: CHAIN_HEAD_EVENT_TYPE, data: chainHeadData(head) }),
        { streamState: this.lastRevision === NO_STREAM_REVISION ? NO_STREAM : BigInt(this.lastRevision) },
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      await this.catchUpWithOtherFollowers();
      return this.recordHead(head);
    }
    this.lastRevision++;
    this.lastRecordedCount = head.count;
    this.options.states.addHead(head);
  }

  private async catchUpWithOtherFollowers(): Promise<void> {
    for (const { head, revision } of await this.options.reader.chainHeadsAfter(this.lastRevision)) {
      this.recordedAhead.set(head.count, head);
      this.options.states.addHead(head);
      this.lastRevision = revision;
    }
  }

  private assertSame(recorded: ChainHead, computed: ChainHead): void {
    if (recorded.position !== computed.position || recorded.hash !== computed.hash) {
      throw new ChainDivergenceError(
        `chain head ${computed.count} was recorded at position ${recorded.position} with hash ${recorded.hash}, ` +
          `but this process chains the log to position ${computed.position} with hash ${computed.hash}`,
      );
    }
  }
}
