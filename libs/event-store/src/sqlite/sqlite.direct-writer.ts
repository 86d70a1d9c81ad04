/**
 * Commits a lone request on the main thread, on a write connection of its own, when the writer thread has nothing in
 * flight. At low load a command then waits for its commit alone, not also for two hand-offs between threads and the
 * writer thread's wake-up (ARCHITECTURE.md, The log and its guarantees). Its gain: bench/README.md, ninth round. Under
 * load requests queue into batches, and the writer thread commits them while this thread decides the next.
 *
 * It never waits on this thread for another process's write lock: its busy timeout is 0, so BEGIN IMMEDIATE fails at
 * once when the lock is taken, nothing has been written, and the request goes to the writer thread, which waits.
 */
import Database, { Database as SqliteDatabase } from 'better-sqlite3';
import type { AppendResult } from '../event-store.port';
import type { RequestOutcome } from '../group-commit.queue';
import { PreparedRequest, SqliteBatchWriter } from './sqlite.batch-writer';
import { applyDurablePragmas, DEFAULT_BUSY_TIMEOUT_MS } from './sqlite.pragmas';

export class SqliteDirectWriter {
  private readonly db: SqliteDatabase;
  private readonly writer: SqliteBatchWriter;

  constructor(file: string) {
    this.db = new Database(file);
    try {
      applyDurablePragmas(this.db, DEFAULT_BUSY_TIMEOUT_MS); // WAL is set while another process may hold a lock
      this.db.pragma('busy_timeout = 0');
      this.writer = new SqliteBatchWriter(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
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

  close(): void {
    this.db.close();
  }
}

/** SQLITE_BUSY and its extended codes: the lock was taken; better-sqlite3 has rolled back whatever had begun. */
const isBusy = (error: unknown): boolean =>
  typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('SQLITE_BUSY');
