import {
  AppendRequest,
  AppendResult,
  EventStore,
  expectedRevisionOf,
  expectsExactly,
  WrongExpectedRevisionError,
} from '@ledger/event-store';
import { AttemptFolds, CachedFolds } from './cached-folds';
import { Evolve, Folded, FoldingStore } from './stream-reader';

/**
 * One attempt of a command: what its handler folds and appends through (the command side's CachedFolds; anything else
 * goes to the store). A fold it did not read — taken from the cache, which another process's writes do not reach, or
 * guessed for a stream known not to exist, which another process may have created since — is confirmed by the append
 * that ends the attempt, atomically: it expects each such stream at the revision folded (a request naming one with
 * `any` is made to; one not named is added as a check without events). An answer is never given from a fold that was
 * neither read nor confirmed: when the attempt was refused or appended nothing, the CommandRunner asks the store for
 * those streams' revisions (`confirmedUnread`) and, if one moved, runs the attempt again, reading them; so too, without
 * asking, when its append failed or was answered as an idempotent repeat. So a refusal is decided on the streams as the
 * store holds them (a cancellation in another process frees room under a cap here too), and a repeat of a command
 * another process recorded is answered as one.
 */
export class FoldAttempt implements FoldingStore {
  private readonly folded: AttemptFolds;
  private committed = false;
  /** An append was tried and did not commit: it failed, or the store answered it as a repeat of recorded events. */
  private appendNotCommitted = false;

  /** @param mustRead streams an earlier attempt of the same command folded without confirming: read this time */
  constructor(
    private readonly folds: CachedFolds,
    private readonly store: EventStore,
    mustRead: ReadonlySet<string>,
  ) {
    this.folded = { mustRead, unread: new Map() };
  }

  foldStream<State, Event extends { type: string; data: object }>(
    streamId: string,
    evolve: Evolve<State, Event>,
    initial: State,
    commandId?: string,
  ): Promise<Folded<State>> {
    return this.folds.foldStream(streamId, evolve, initial, commandId, this.folded);
  }

  async appendToStreams(requests: AppendRequest[]): Promise<AppendResult> {
    this.appendNotCommitted = true;
    const result = await this.folds.appendToStreams(this.confirmingUnread(requests));
    if (!result.idempotentRepeat) {
      this.folded.unread.clear();
      this.committed = true;
      this.appendNotCommitted = false;
    }
    return result;
  }

  appendToStream(...[streamId, expectedRevision, events]: Parameters<EventStore['appendToStream']>) {
    return this.appendToStreams([{ streamId, expectedRevision, events }]);
  }

  /**
   * Whether the answer stands on what the attempt folded without a read: it committed (what it folded afterwards
   * decided nothing recorded), or it tried no append and every such stream is still at the revision folded. Revisions
   * only grow, and every fold came before the store's answer, so at some moment between the two every stream the
   * attempt decided on was as folded: the answer is the one the log gave at that moment. One statement, where a run
   * again read them all. An append that failed or was answered as a repeat says a stream moved, perhaps one the attempt
   * read: not confirmed, as neither is a failed question (the run again reads, and meets the failure itself if it lasts).
   */
  async confirmedUnread(): Promise<boolean> {
    const { unread } = this.folded;
    if (this.committed || unread.size === 0) return true;
    if (this.appendNotCommitted) return false;
    try {
      const revisions = await this.store.streamRevisions([...unread.keys()]);
      return [...unread.values()].every((folded, at) => revisions[at] === folded);
    } catch {
      return false;
    }
  }

  /**
   * Adds the folds no append confirmed to `mustRead` of the next attempt; whether there were any. None once an append
   * of the attempt committed: what it folded afterwards decided nothing that was recorded, and running it again would
   * append again.
   */
  carryUnconfirmed(mustRead: Set<string>): boolean {
    if (this.committed) return false;
    for (const streamId of this.folded.unread.keys()) mustRead.add(streamId);
    return this.folded.unread.size > 0;
  }

  /**
   * The requests, expecting every stream folded without a read at the revision folded (`any`, and `stream-exists` of
   * a stream folded as existing, narrowed to it). One expected otherwise (another revision, `stream-exists` of a guess)
   * fails as the store would fail it were the fold right; the attempt is then run again, reading it.
   */
  private confirmingUnread(requests: AppendRequest[]): AppendRequest[] {
    const { unread } = this.folded;
    if (unread.size === 0) return requests;
    const confirming = requests.map((request): AppendRequest => {
      const { streamId, expectedRevision } = request;
      const folded = unread.get(streamId);
      if (folded === undefined || expectsExactly(expectedRevision, folded)) return request;
      const impliedByFold = expectedRevision === 'any' || (expectedRevision === 'stream-exists' && folded >= 0);
      if (impliedByFold) return { ...request, expectedRevision: expectedRevisionOf(folded) };
      throw new WrongExpectedRevisionError(streamId, expectedRevision, folded);
    });
    const named = new Set(requests.map(({ streamId }) => streamId));
    for (const [streamId, folded] of unread) {
      if (!named.has(streamId)) confirming.push({ streamId, expectedRevision: expectedRevisionOf(folded), events: [] });
    }
    return confirming;
  }

  readStream(...args: Parameters<EventStore['readStream']>) {
    return this.store.readStream(...args);
  }

  streamRevision(streamId: string) {
    return this.store.streamRevision(streamId);
  }

  streamRevisions(streamIds: readonly string[]) {
    return this.store.streamRevisions(streamIds);
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
}
