import type { Database, Statement } from 'better-sqlite3';

/**
 * Reads asked during one task of the event loop share one read transaction. A read on its own (autocommit) takes and
 * releases WAL's read lock, two `fcntl` calls and a `stat`: ~5 µs of the ~6 µs a read of a stream that does not exist
 * yet costs; inside an open transaction such a read costs ~1 µs, and a grant reads two.
 *
 * The transaction ends when a round of microtasks passes with no read: its check is itself a microtask, so it never
 * outlives the task that opened it. A later task (a commit's answer, a request, a follower's wake-up) reads a new
 * snapshot, so every read still sees every commit acknowledged before it was asked.
 */
export class TurnReadTransaction {
  private readonly begin: Statement<[]>;
  private readonly commit: Statement<[]>;
  private open = false;
  private readSinceCheck = false;

  constructor(private readonly db: Database) {
    this.begin = db.prepare('BEGIN');
    this.commit = db.prepare('COMMIT');
  }

  read<T>(query: () => T): T {
    if (!this.open) {
      this.begin.run();
      this.open = true;
      queueMicrotask(this.endOnceIdle);
    }
    this.readSinceCheck = true;
    return query();
  }

  /** Ends the transaction now, if one is open (before the connection closes). */
  end(): void {
    if (!this.open) return;
    this.open = false;
    if (this.db.inTransaction) this.commit.run();
  }

  private readonly endOnceIdle = (): void => {
    if (!this.open) return;
    if (this.readSinceCheck) {
      this.readSinceCheck = false;
      queueMicrotask(this.endOnceIdle);
      return;
    }
    this.end();
  };
}
