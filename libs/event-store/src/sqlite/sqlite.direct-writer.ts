/**
 * Commits a lone, small request on the main thread, on a write connection of its own, when the writer thread has
 * nothing in flight. At low load a command then waits for its commit alone, not also for two hand-offs between threads
 * and the writer thread's wake-up (ARCHITECTURE.md, The log and its guarantees). Its gain: bench/README.md, ninth
 * round. Under load requests queue into batches, and the writer thread commits them while this thread decides the next.
 *
 * It never waits on this thread for another process's write lock: its busy timeout is 0, so BEGIN IMMEDIATE fails at
 * once when the lock is taken, nothing has been written, and the request goes to the writer thread, which waits. Nor
 * does it checkpoint the WAL here (5–10 ms when it copies a thousand pages): it leaves that to the writer thread.
 */
import Database, { Database as SqliteDatabase } from 'better-sqlite3';
import type { AppendResult } from '../event-store.port';
import type { RequestOutcome } from '../group-commit.queue';
import { countEvents } from '../prepared-append';
import { PreparedRequest, SqliteBatchWriter } from './sqlite.batch-writer';
import { applyDurablePragmas, readPragmas, SqlitePragmaValues } from './sqlite.pragmas';

/** A grant's three events fit; a larger request's inserts and hashing would hold up this thread. */
const MAX_EVENTS = 4;

export class SqliteDirectWriter {
  private readonly db: SqliteDatabase;
  private readonly writer: SqliteBatchWriter;

  constructor(file: string, busyTimeoutMs: number) {
    this.db = new Database(file);
    try {
      applyDurablePragmas(this.db, busyTimeoutMs); // WAL is set while another process may hold a lock
      this.db.pragma('busy_timeout = 0');
      this.db.pragma('wal_autocheckpoint = 0');
      this.writer = new SqliteBatchWriter(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  /** Whether the batch is one small request: what this thread may commit without holding up its other work. */
  static takes(batch: readonly PreparedRequest[]): boolean {
    return batch.length === 1 && countEvents(batch[0]) <= MAX_EVENTS;
  }

  /**
   * The batch's outcomes, or undefined when another connection holds the write lock and nothing was written. Throws,
   * as the writer thread would, when the transaction as a whole failed.
   */
  tryWrite(batch: readonly PreparedRequest[], now: string): RequestOutcome<AppendResult>[] | undefined {
    try {
      return this.writer.writeBatch(batch, now);
    } catch (error) {
      if (isBusy(error)) return undefined;
      throw error;
    }
  }

  pragmas(): SqlitePragmaValues {
    return readPragmas(this.db);
  }

  close(): void {
    this.db.close();
  }
}

/** SQLITE_BUSY and its extended codes: the lock was taken; better-sqlite3 has rolled back whatever had begun. */
const isBusy = (error: unknown): boolean =>
  typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('SQLITE_BUSY');
