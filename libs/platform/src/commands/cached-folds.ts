import {
  AppendRequest,
  AppendResult,
  EventStore,
  expectsExactly,
  LogPosition,
  StreamRevision,
  WrongExpectedRevisionError,
} from '@ledger/event-store';
import { schemaVersionOf } from '../events/stored-events';
import { Evolve, Folded, foldRecorded } from './stream-reader';

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

/** One attempt's folds (FoldAttempt): the streams it must read, and those it folded without a read. */
export interface AttemptFolds {
  /** Streams an earlier attempt of the same command decided on without confirming them: read, from the cache's revision. */
  mustRead: ReadonlySet<string>;
  /** Streams folded without a read in this attempt, from the cache or guessed (-1), at the revision folded. */
  unread: Map<string, StreamRevision>;
}

/**
 * The command side's folds of the streams it decides on: it keeps the fold (state, revision) of every stream a command
 * decided on, and folds into it the events of each append of ours once committed, so a stream is read and decoded once,
 * and each event is evolved once (a stream our append created is not kept: see `foldAppended`). Only for command
 * handlers, through a FoldAttempt, whose every folded stream is checked at its revision when they append: a stale fold
 * cannot slip through, it costs a retry. Queries read the store itself.
 *
 * Once it has learned the log's stream ids (`learnStreamIds`), a stream it has never seen is known not to exist and is
 * folded without a read: a new subsidy's, a new project's, a new consortium's — two of the streams of most grants,
 * each a read (a round trip on PostgreSQL) that would find nothing. Another process may have created such a stream
 * since; the fold is then a guess. A FoldAttempt has every fold it did not read, guessed or cached, confirmed by the
 * append that ends the attempt, or read again before its answer is given.
 */
export class CachedFolds {
  private readonly folds = new Map<string, CachedFold>();
  private uses = 0;
  /**
   * The streams that may exist: the log's, as learned, and every one appended to or found to exist in a conflict
   * since. Undefined until learning starts (and after it failed); `knowsEveryStream` once the log's are in.
   */
  private mayExist: Set<string> | undefined;
  private knowsEveryStream = false;

  constructor(
    private readonly store: EventStore,
    private readonly maxStreams = DEFAULT_MAX_STREAMS,
  ) {}

  /**
   * Learns the log's stream ids, once (~45 bytes each kept), where the store can list them; until it has, and when it
   * cannot, every stream is read. Appends committed meanwhile are learned too.
   */
  async learnStreamIds(): Promise<void> {
    if (!this.store.streamIds || this.mayExist) return;
    const mayExist = (this.mayExist = new Set<string>());
    try {
      for (const streamId of await this.store.streamIds()) mayExist.add(streamId);
    } catch (error) {
      this.mayExist = undefined; // nothing to keep up to date: every stream is read
      throw error;
    }
    this.knowsEveryStream = true;
  }

  /** @param attempt what the attempt folding it must read, and where the folds it did not read are noted */
  async foldStream<State, Event extends { type: string; data: object }>(
    streamId: string,
    evolve: Evolve<State, Event>,
    initial: State,
    commandId?: string,
    attempt?: AttemptFolds,
  ): Promise<Folded<State>> {
    let cached = this.folds.get(streamId);
    if (cached && cached.evolve !== evolve) cached = undefined;
    const mustRead = attempt?.mustRead.has(streamId) ?? false;
    if (!cached && !mustRead && this.knowsEveryStream && !this.mayExist!.has(streamId)) {
      attempt?.unread.set(streamId, -1);
      return { state: initial, revision: -1 };
    }
    if (cached) foldUnfolded(cached);
    if (cached?.fresh && !mustRead) {
      cached.used = ++this.uses;
      attempt?.unread.set(streamId, cached.revision);
    } else {
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
      if (error instanceof WrongExpectedRevisionError && error.actual >= 0) this.mayExist?.add(error.streamId);
      throw error;
    }
    for (const request of requests) {
      if (request.events.length > 0) this.mayExist?.add(request.streamId);
      this.foldAppended(request, result);
    }
    return result;
  }

  /** The stream's fold from the store: all of it, or (a stale fold) only the events after the revision it holds. */
  private async readInto(
    streamId: string,
    evolve: CachedFold['evolve'],
    stale: CachedFold | undefined,
    initial: unknown,
  ): Promise<CachedFold> {
    const from = stale ? stale.revision + 1 : 0;
    const added = await this.store.readStream(streamId, from === 0 ? undefined : { fromRevision: from });
    if (added.length > 0) this.mayExist?.add(streamId);
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
    const expectedFold = expectsExactly(expectedRevision, cached.revision);
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
