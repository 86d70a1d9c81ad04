import { Inject, Injectable } from '@nestjs/common';
import { EventStore, WrongExpectedRevisionError } from '@ledger/event-store';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { ConflictRetriesExhaustedException } from '../http/ledger-errors';
import { KeyedMutex } from './keyed-mutex';
import { CachedFolds } from './cached-folds';
import { FoldAttempt } from './fold-attempt';

export const MAX_CONFLICT_RETRIES = 8;
/** Attempts run again to read what an attempt decided on unread (FoldAttempt): a command's streams, read in one or two. */
const MAX_REREADS = 8;

/**
 * Runs load → decide → append for one command: under in-process locks on the streams it touches, reading them through
 * the command side's cache of stream folds, and again from a fresh read when another process's append wins the
 * expected-revision race. 409 when retries run out. Nothing is logged per command here: the request's log line tells
 * what happened to it.
 */
@Injectable()
export class CommandRunner {
  private readonly locks = new KeyedMutex();
  /** Streams decided on before are not read or folded again, streams known not to exist not read (see CachedFolds). */
  private readonly folds: CachedFolds;
  /** Started by the first command, not awaited by any: until the log's stream ids are learned, every stream is read. */
  private learning: Promise<void> | undefined;

  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {
    this.folds = new CachedFolds(store);
  }

  async run<T>(lockKeys: string[], attempt: (store: EventStore) => Promise<T>): Promise<T> {
    void this.learnStreamIds();
    return this.locks.withLocks(lockKeys, async () => {
      const mustRead = new Set<string>();
      let conflicts = 0;
      let rereads = 0;
      for (;;) {
        const streams = new FoldAttempt(this.folds, this.store, mustRead);
        // Decided on folds it did not read, which neither its append nor the store confirmed (see FoldAttempt): again
        // at once, reading them.
        // Each time one stream more is read, so it ends; bounded all the same, against a handler folding new streams.
        const reread = (): boolean => {
          if (rereads === MAX_REREADS || !streams.carryUnconfirmed(mustRead)) return false;
          rereads++;
          return true;
        };
        const stands = async (): Promise<boolean> => rereads === MAX_REREADS || (await streams.confirmedUnread());
        let answer: T;
        try {
          answer = await attempt(streams);
        } catch (error) {
          const conflict = error instanceof WrongExpectedRevisionError;
          if (!conflict && (await stands())) throw error;
          if (reread()) continue;
          if (!conflict) throw error;
          if (conflicts >= MAX_CONFLICT_RETRIES) throw new ConflictRetriesExhaustedException(lockKeys);
          conflicts++;
          await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5 * conflicts)));
          continue;
        }
        if ((await stands()) || !reread()) return answer;
      }
    });
  }

  /** Learns the log's stream ids, once (see CachedFolds); never rejects: a store that fails to list them gets no guesses. */
  learnStreamIds(): Promise<void> {
    this.learning ??= this.folds.learnStreamIds().catch(() => undefined);
    return this.learning;
  }

  /** The learning of stream ids, if started, is over: for a store about to close. */
  async onModuleDestroy(): Promise<void> {
    await this.learning;
  }
}
