import {
  AppendRequest,
  AppendResult,
  EventStore,
  ReadStreamOptions,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@ledger/event-store';

interface CachedStream {
  events: RecordedEvent[];
  /**
   * Fresh: nothing this process appended since it was read. A stream another process wrote meanwhile still looks
   * fresh here; the expected revision of the append the decision ends with catches it, and the retry reads it again.
   */
  fresh: boolean;
}

/** Enough for the streams a busy ledger's commands keep touching; the least recently used go first. */
const DEFAULT_MAX_STREAMS = 20_000;

/**
 * The command side's view of the event store: whole-stream reads come from a cache of the streams it decided on, and a
 * stream it appended to (or lost an expected-revision race on) is brought up to date by reading only its new events.
 * Only for command handlers, whose every read stream is checked at its revision when they append: a stale read
 * cannot slip through, it costs a retry. Queries read the store itself.
 */
export class CachedStreams implements EventStore {
  private readonly streams = new Map<string, CachedStream>();

  constructor(
    private readonly store: EventStore,
    private readonly maxStreams = DEFAULT_MAX_STREAMS,
  ) {}

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    if (options && Object.keys(options).length > 0) return this.store.readStream(streamId, options);
    const cached = this.streams.get(streamId);
    if (cached) this.streams.delete(streamId); // re-inserted below: the Map's order is the recency order
    if (cached?.fresh) {
      this.streams.set(streamId, cached);
      return cached.events;
    }
    const known = cached?.events ?? [];
    const fromRevision = known.length === 0 ? 0 : known[known.length - 1].streamRevision + 1;
    const added = await this.store.readStream(streamId, fromRevision === 0 ? undefined : { fromRevision });
    const events = added.length === 0 ? known : [...known, ...added];
    this.remember(streamId, { events, fresh: true });
    return events;
  }

  async appendToStreams(requests: AppendRequest[]): Promise<AppendResult> {
    try {
      return await this.store.appendToStreams(requests);
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) this.markStale([error.streamId]);
      throw error;
    } finally {
      this.markStale(requests.filter((r) => r.events.length > 0).map((r) => r.streamId));
    }
  }

  appendToStream(...args: Parameters<EventStore['appendToStream']>) {
    const [streamId, expectedRevision, events] = args;
    return this.appendToStreams([{ streamId, expectedRevision, events }]);
  }

  streamRevision(streamId: string) {
    return this.store.streamRevision(streamId);
  }

  readAll(...args: Parameters<EventStore['readAll']>) {
    return this.store.readAll(...args);
  }

  headPosition() {
    return this.store.headPosition();
  }

  follow(...args: Parameters<EventStore['follow']>) {
    return this.store.follow(...args);
  }

  verifyChain() {
    return this.store.verifyChain();
  }

  /** The store belongs to whoever handed it in. */
  async close(): Promise<void> {}

  private markStale(streamIds: string[]): void {
    for (const streamId of streamIds) {
      const cached = this.streams.get(streamId);
      if (cached) cached.fresh = false;
    }
  }

  private remember(streamId: string, stream: CachedStream): void {
    this.streams.set(streamId, stream);
    if (this.streams.size > this.maxStreams) {
      const oldest = this.streams.keys().next().value;
      if (oldest !== undefined) this.streams.delete(oldest);
    }
  }
}
