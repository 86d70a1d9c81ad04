import {
  AppendRequest,
  AppendResult,
  EventStore,
  LogPosition,
  ReadStreamOptions,
  RecordedEvent,
  StreamRevision,
} from '@ledger/event-store';
import { schemaVersionOf } from '../events/stored-events';
import { Evolve, Folded, FoldingStore, foldRecorded } from './stream-reader';

interface CachedFold {
  /** The fold is only answered to the same evolve (a stream is folded by one decider; another refolds it). */
  evolve: Evolve<unknown, { type: string; data: object }>;
  state: unknown;
  /**
   * Our committed events not yet evolved into `state`: evolved when the stream is next folded, so a stream that never
   * is (a new subsidy's, a new project's) costs no evolve at all.
   */
  unfolded: Array<{ type: string; data: object }>;
  /** The revision `state` and `unfolded` are the fold of, exactly: read from the store, or made by an append of ours. */
  revision: StreamRevision;
  /** Command id → where its append ended (the answer's position): idempotent repeats are recognised without a read. */
  byCommand: Map<string, LogPosition>;
  /**
   * Fresh: nothing this process appended to the stream since it was folded, other than appends folded in here. A
   * stream another process wrote meanwhile still looks fresh; the expected revision of the append the decision ends
   * with catches it, and the retry (the entry no longer fresh) folds the events after `revision` in.
   */
  fresh: boolean;
  /** When it was last folded (a count of folds): what the cache keeps when full. */
  used: number;
}

/** Enough for the streams a busy ledger's commands keep touching; the least recently used go first. */
const DEFAULT_MAX_STREAMS = 20_000;

/**
 * The command side's view of the event store: it keeps the fold (state, revision) of every stream a command decided
 * on, and folds into it the events of each append of ours once committed, so a stream is read and decoded once, and
 * each event is evolved once (a stream our append created is not kept: see `foldAppended`). Only for command
 * handlers, whose every folded stream is checked at its revision when they append: a stale fold cannot slip through,
 * it costs a retry. Queries read the store itself.
 */
export class CachedFolds implements FoldingStore {
  private readonly folds = new Map<string, CachedFold>();
  private uses = 0;

  constructor(
    private readonly store: EventStore,
    private readonly maxStreams = DEFAULT_MAX_STREAMS,
  ) {}

  async foldStream<State, Event extends { type: string; data: object }>(
    streamId: string,
    evolve: Evolve<State, Event>,
    initial: State,
    commandId?: string,
  ): Promise<Folded<State>> {
    let cached = this.folds.get(streamId);
    if (cached && cached.evolve !== evolve) cached = undefined;
    if (cached) foldUnfolded(cached);
    if (cached?.fresh) cached.used = ++this.uses;
    else {
      // A new object: kept in place of whatever the map holds for the stream now (one map lookup a fold, not two).
      cached = await this.readInto(streamId, evolve as CachedFold['evolve'], cached, initial);
      cached.used = ++this.uses;
      this.remember(streamId, cached);
    }
    const recordedByCommandAt = commandId === undefined ? undefined : cached.byCommand.get(commandId);
    const folded: Folded<State> = { state: cached.state as State, revision: cached.revision };
    if (recordedByCommandAt !== undefined) folded.recordedByCommandAt = recordedByCommandAt;
    return folded;
  }

  async appendToStreams(requests: AppendRequest[]): Promise<AppendResult> {
    let result: AppendResult;
    try {
      result = await this.store.appendToStreams(requests);
    } catch (error) {
      this.markStale(requests);
      throw error;
    }
    for (const request of requests) this.foldAppended(request, result);
    return result;
  }

  appendToStream(...args: Parameters<EventStore['appendToStream']>) {
    const [streamId, expectedRevision, events] = args;
    return this.appendToStreams([{ streamId, expectedRevision, events }]);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.store.readStream(streamId, options);
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

  /** The stream's fold from the store: all of it, or (a stale fold) only the events after the revision it holds. */
  private async readInto(
    streamId: string,
    evolve: CachedFold['evolve'],
    stale: CachedFold | undefined,
    initial: unknown,
  ): Promise<CachedFold> {
    const from = stale ? stale.revision + 1 : 0;
    const added = await this.store.readStream(streamId, from === 0 ? undefined : { fromRevision: from });
    const byCommand = stale?.byCommand ?? new Map<string, LogPosition>();
    for (const event of added) byCommand.set(event.metadata.commandId, event.position);
    return {
      evolve,
      state: foldRecorded(added, evolve, stale ? stale.state : initial),
      unfolded: [],
      revision: added.length > 0 ? added[added.length - 1].streamRevision : (stale?.revision ?? -1),
      byCommand,
      fresh: true,
      used: 0,
    };
  }

  /**
   * After a committed append: the fold it was decided on, with the appended events evolved in (when next read), is the stream's fold at
   * its new revision — when the append expected exactly the fold's revision and wrote events of today's shape.
   * Anything else (another expectation, an idempotent repeat) leaves the fold to be brought up to date by a read.
   */
  private foldAppended({ streamId, expectedRevision, events }: AppendRequest, result: AppendResult): void {
    const cached = this.folds.get(streamId);
    if (!cached || events.length === 0) return; // a check only: the stream did not change
    const expectedFold =
      expectedRevision === cached.revision || (expectedRevision === 'no-stream' && cached.revision === -1);
    const nextRevision = result.nextRevisions[streamId];
    const foldable =
      cached.fresh &&
      expectedFold &&
      !result.idempotentRepeat &&
      nextRevision === cached.revision + events.length &&
      events.every((event) => (event.schemaVersion ?? 1) === schemaVersionOf(event.type));
    if (!foldable) {
      cached.fresh = false;
      return;
    }
    if (cached.revision === -1) {
      // A stream our append created (a new subsidy's, a new project's) is rarely decided on again soon, and keeping
      // its events until then held ~5 KB a grant in the heap for the garbage collector to copy: the next command
      // that needs it reads it.
      this.folds.delete(streamId);
      return;
    }
    cached.unfolded.push(...events);
    cached.revision = nextRevision;
    cached.byCommand.set(events[events.length - 1].metadata.commandId, result.lastPosition);
  }

  private markStale(requests: AppendRequest[]): void {
    for (const { streamId } of requests) {
      const cached = this.folds.get(streamId);
      if (cached) cached.fresh = false;
    }
  }

  /** Past its capacity, the cache forgets the less recently used half: a sort once per maxStreams / 2 new streams. */
  private remember(streamId: string, fold: CachedFold): void {
    this.folds.set(streamId, fold);
    if (this.folds.size <= this.maxStreams) return;
    const uses = [...this.folds.values()].map((cached) => cached.used).sort((a, b) => a - b);
    const keptFrom = uses[Math.floor(uses.length / 2)];
    for (const [id, cached] of this.folds) if (cached.used < keptFrom) this.folds.delete(id);
  }
}

function foldUnfolded(cached: CachedFold): void {
  if (cached.unfolded.length === 0) return;
  let state = cached.state;
  for (const event of cached.unfolded) state = cached.evolve(state, event);
  cached.state = state;
  cached.unfolded = [];
}
