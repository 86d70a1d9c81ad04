import {
  AppendRequest,
  AppendResult,
  EventStore,
  ExpectedRevision,
  WrongExpectedRevisionError,
} from '@ledger/event-store';
import { CachedFolds } from './cached-folds';
import { Evolve, Folded, FoldingStore } from './stream-reader';

/**
 * One attempt of a command: what its handler folds and appends through (the command side's CachedFolds; anything else
 * goes to the store). A stream the folds know not to exist is folded without a read, a guess: another process may
 * have created it since. The append that ends the attempt confirms its guesses atomically: it expects each guessed
 * stream not to exist (a request naming one with `any` is made to; one not named is added as a check without events).
 * An answer is never given from a guess that was not confirmed — the attempt was refused, appended nothing, its
 * append failed or was answered as an idempotent repeat: the CommandRunner runs it again, reading those streams (a
 * refusal could otherwise come from a state that is not the stream's, or miss that the command was recorded already).
 */
export class FoldAttempt implements FoldingStore {
  private readonly unconfirmed = new Set<string>();

  /** @param mustRead streams an earlier attempt of the same command guessed without confirming: read, not guessed */
  constructor(
    private readonly folds: CachedFolds,
    private readonly store: EventStore,
    private readonly mustRead: ReadonlySet<string>,
  ) {}

  async foldStream<State, Event extends { type: string; data: object }>(
    streamId: string,
    evolve: Evolve<State, Event>,
    initial: State,
    commandId?: string,
  ): Promise<Folded<State>> {
    const { guessed, ...folded } = await this.folds.foldStream(streamId, evolve, initial, commandId, this.mustRead);
    if (guessed) this.unconfirmed.add(streamId);
    return folded;
  }

  async appendToStreams(requests: AppendRequest[]): Promise<AppendResult> {
    const result = await this.folds.appendToStreams(this.checkingGuesses(requests));
    if (!result.idempotentRepeat) this.unconfirmed.clear();
    return result;
  }

  appendToStream(...[streamId, expectedRevision, events]: Parameters<EventStore['appendToStream']>) {
    return this.appendToStreams([{ streamId, expectedRevision, events }]);
  }

  /** Adds the guesses no append confirmed to `mustRead` of the next attempt; whether there were any. */
  carryUnconfirmedGuesses(mustRead: Set<string>): boolean {
    for (const streamId of this.unconfirmed) mustRead.add(streamId);
    return this.unconfirmed.size > 0;
  }

  /**
   * The requests, expecting every guessed stream not to exist. A guessed stream expected to exist (`stream-exists`, a
   * revision) fails as the store would fail it were the guess right; the attempt is then run again reading it.
   */
  private checkingGuesses(requests: AppendRequest[]): AppendRequest[] {
    if (this.unconfirmed.size === 0) return requests;
    const checking = requests.map((request): AppendRequest => {
      const { streamId, expectedRevision } = request;
      if (!this.unconfirmed.has(streamId) || expectsNoStream(expectedRevision)) return request;
      if (expectedRevision === 'any') return { ...request, expectedRevision: 'no-stream' };
      throw new WrongExpectedRevisionError(streamId, expectedRevision, -1); // -1: no such stream
    });
    const named = new Set(requests.map(({ streamId }) => streamId));
    for (const streamId of this.unconfirmed) {
      if (!named.has(streamId)) checking.push({ streamId, expectedRevision: 'no-stream', events: [] });
    }
    return checking;
  }

  readStream(...args: Parameters<EventStore['readStream']>) {
    return this.store.readStream(...args);
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
}

const expectsNoStream = (expected: ExpectedRevision) => expected === 'no-stream' || expected === -1;
