/**
 * What a read-store transaction runs its SQL on: a writer thread's queue (sqlite.writer-thread.ts: the live batches',
 * or a rebuild's), whose writes run while the main thread goes on; the thread runs them on a `DirectSqlRunner`. The
 * transaction's code (sqlite.read-store.ts) is the same on both.
 */
import Database from 'better-sqlite3';
import { ColumnValue } from '../projection';

export interface SqlRunner {
  /** A write; a runner may only queue it (its failure then rejects a later call), resolving when it may queue more. */
  run(sql: string, params: ColumnValue[]): void | Promise<void>;
  /** A read, after every write queued before it. */
  all<Row>(sql: string, params: ColumnValue[]): Row[] | Promise<Row[]>;
  exec(sql: string): void | Promise<void>;
  /** Like `exec`, but a runner may only queue it, as a write (BEGIN, SAVEPOINT: nothing to wait for). */
  execLater(sql: string): void | Promise<void>;
  /** Undoes a savepoint's writes, unless SQLite has already rolled the whole transaction back (SQLITE_FULL, I/O). */
  rollbackTo(savepoint: string): void | Promise<void>;
  /** Rolls the transaction back if it is still open. */
  rollback(): void | Promise<void>;
}

/**
 * The pragmas of every writer connection to `projections.sqlite`. synchronous=NORMAL: a read model can always be
 * rebuilt from the log, and each checkpoint is written in the same transaction as its rows, so a lost last transaction
 * is simply projected again. A rebuild is one transaction larger than SQLite's default 2 MB page cache: beyond it, index
 * pages are spilled to the WAL and read back mid-transaction; 64 MB (a bound, allocated as used) keeps them in memory.
 * temp_store=MEMORY: a multi-row statement inside a transaction keeps the pages it changes in a statement journal, to
 * undo it alone should it fail; past 64 KB SQLite spills that journal to a temporary file, a `pwrite` a page. A
 * rebuild's 500-row statements all spilled (5% of its CPU in `perf`; kept in memory, 2–3.4 s less system time at 1M
 * events: bench/README.md, fourteenth round). The journal holds one statement's pages at most.
 */
export function applyWriterPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
}

/** Prepared statements by their text (a page's multi-row statements repeat a few texts). */
export class Statements {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database) {}
  get(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (!statement) this.cache.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
}

/** SQL run at once on a connection of this thread. */
export class DirectSqlRunner implements SqlRunner {
  private readonly statements: Statements;

  constructor(private readonly db: Database.Database) {
    this.statements = new Statements(db);
  }

  run(sql: string, params: ColumnValue[]): void {
    this.statements.get(sql).run(params);
  }

  all<Row>(sql: string, params: ColumnValue[]): Row[] {
    return this.statements.get(sql).all(params) as Row[];
  }

  exec(sql: string): void {
    this.db.exec(sql);
  }

  execLater(sql: string): void {
    this.db.exec(sql);
  }

  rollbackTo(savepoint: string): void {
    if (!this.db.inTransaction) return;
    this.db.exec(`ROLLBACK TO ${savepoint}`);
    this.db.exec(`RELEASE ${savepoint}`);
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }
}
