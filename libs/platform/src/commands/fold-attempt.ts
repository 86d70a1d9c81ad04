import { AppendRequest, AppendResult, EventStore, ExpectedRevision } from '@ledger/event-store';
import { CachedFolds } from './cached-folds';
import { Evolve, Folded, FoldingStore } from './stream-reader';

/**
 * One attempt of a command: what its handler folds and appends through (the command side's CachedFolds; anything else
 * goes to the store). A stream the folds know not to exist is folded without a read, a guess: another process may
 * have created it since. An answer is never given from a guess the store did not confirm — by a committed append,
 * not an idempotent repeat, that expected the stream not to exist. A refusal decided on a guess, an answer that
 * appended nothing or did not name the stream, a failed append: the CommandRunner forgets the attempt's guesses and
 * runs it again, reading those streams (a refusal could otherwise come from a state that is not the stream's, or
 * miss that the command was recorded already).
 */
export class FoldAttempt implements FoldingStore {
  private readonly unconfirmed = new Set<string>();

  constructor(
    private readonly folds: CachedFolds,
    private readonly store: EventStore,
  ) {}

  async foldStream<State, Event extends { type: string; data: object }>(
    streamId: string,
    evolve: Evolve<State, Event>,
    initial: State,
    commandId?: string,
  ): Promise<Folded<State>> {
    const { guessed, ...folded } = await this.folds.foldStream(streamId, evolve, initial, commandId);
    if (guessed) this.unconfirmed.add(streamId);
    return folded;
  }

  async appendToStreams(requests: AppendRequest[]): Promise<AppendResult> {
    const result = await this.folds.appendToStreams(requests);
    if (!result.idempotentRepeat) {
      for (const { streamId, expectedRevision } of requests) {
        if (expectsNoStream(expectedRevision)) this.unconfirmed.delete(streamId);
      }
    }
    return result;
  }

  appendToStream(...[streamId, expectedRevision, events]: Parameters<EventStore['appendToStream']>) {
    return this.appendToStreams([{ streamId, expectedRevision, events }]);
  }

  /** Whether the attempt folded guesses no append confirmed; if so the folds forget them, to read those streams. */
  forgetUnconfirmedGuesses(): boolean {
    if (this.unconfirmed.size === 0) return false;
    this.folds.forgetGuesses(this.unconfirmed);
    return true;
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
