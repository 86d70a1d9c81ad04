import { Inject, Injectable } from '@nestjs/common';
import { EventStore, WrongExpectedRevisionError } from '@ledger/event-store';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { ConflictRetriesExhaustedException } from '../http/ledger-errors';
import { KeyedMutex } from './keyed-mutex';
import { CachedFolds } from './cached-folds';

export const MAX_CONFLICT_RETRIES = 8;

/**
 * Runs load → decide → append for one command: under in-process locks on the streams it touches, reading them through
 * the command side's cache of stream folds, and again from a fresh read when another process's append wins the
 * expected-revision race. 409 when retries run out. Nothing is
 * logged per command here: the request's log line tells what happened to it.
 */
@Injectable()
export class CommandRunner {
  private readonly locks = new KeyedMutex();
  /** What attempts fold and append through: streams decided on before are not read or folded again (see CachedFolds). */
  private readonly streams: CachedFolds;

  constructor(@Inject(EVENT_STORE) readonly store: EventStore) {
    this.streams = new CachedFolds(store);
  }

  async run<T>(lockKeys: string[], attempt: (store: EventStore) => Promise<T>): Promise<T> {
    return this.locks.withLocks(lockKeys, async () => {
      for (let retry = 0; ; retry++) {
        try {
          return await attempt(this.streams);
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
          if (retry >= MAX_CONFLICT_RETRIES) throw new ConflictRetriesExhaustedException(lockKeys);
          await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5 * (retry + 1))));
        }
      }
    });
  }
}
