/**
 * The read store on SQLite: `projections.sqlite` beside the log, so reads never contend with appends for a lock
 * (the writer's pragmas: sqlite.sql-runner.ts). The engine writes on a thread of its own (sqlite.writer-thread.ts),
 * queries read on this thread's connection and so never see a transaction in progress (WAL gives them the last
 * commit); a rebuild writes on a third connection, on another thread; the WAL's checkpoints run on a fourth
 * (`committedLive`); this thread's writer connection creates tables.
 */
import Database from 'better-sqlite3';
import { ColumnValue, Projection } from '../projection';
import {
  Checkpoint,
  CounterDelta,
  ColumnsPage,
  CounterRow,
  DocumentPage,
  DocumentQuery,
  OrderBy,
  ReadStore,
  ReadStoreTransaction,
  TransactionOptions,
  StoredDocument,
  Where,
} from '../read-store.port';
import {
  addToCounterSql,
  commonTablesSql,
  createIndexesSql,
  createTableOnlySql,
  createTableSql,
  dropZeroCounterSql,
  findDocumentsSql,
  insertRowSql,
  orderSql,
  SAVE_CHECKPOINT_SQL,
  tableOf,
  upsertDocumentSql,
  whereSql,
} from '../read-store.sql';
import { documentOf, documentPageOf, DocumentRow, groupCounters, pageOf } from '../read-store.rows';
import { ReadStoreWriterThread } from './sqlite.writer-thread';
import { applyWriterPragmas, DirectSqlRunner, SqlRunner, Statements } from './sqlite.sql-runner';

export { groupCounters } from '../read-store.rows';

/** Tables of the read store before projections were definitions (dropped once; the new ones are rebuilt from the log). */
const LEGACY_TABLES = [
  'projection_checkpoints',
  'consortia',
  'zones',
  'subsidies',
  'subsidy_money',
  'subsidy_money_keys',
  'funding_years',
  'funding_keys',
  'funding_boundaries',
  'audit_trail',
];

const ID_CHUNK = 500;
/**
 * Rows per multi-row INSERT: one statement call binds a hundred rows, which costs far less than a hundred calls (well
 * under SQLite's 32,766 parameters for any projection's columns).
 */
const ROWS_PER_STATEMENT = 100;

/** Writes `items` with statements of up to ROWS_PER_STATEMENT rows, each item's parameters pushed by `paramsOf`. */
async function inChunks<T>(
  runner: SqlRunner,
  items: ReadonlyArray<T>,
  sqlFor: (rows: number) => string,
  paramsOf: (item: T, params: ColumnValue[]) => void,
): Promise<void> {
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) {
    const end = Math.min(items.length, i + ROWS_PER_STATEMENT);
    const params: ColumnValue[] = [];
    for (let j = i; j < end; j++) paramsOf(items[j], params);
    const queued = runner.run(sqlFor(end - i), params);
    if (queued) await queued;
  }
}

/**
 * A rebuild's page cache, 256 MB rather than the live writer's 64 MB (a bound, allocated as used): fewer pages spilled
 * to the WAL mid-transaction and read back, and more of each table still cached when its indexes are built after it.
 * At 1M events it cut the writer thread's CPU from ~7.9 s to ~7.3 s (512 MB: ~6.1 s, for 650 MB more resident).
 */
const REBUILD_CACHE_KIB = 262_144;

/**
 * A live batch of at most this many events (a command or two: what one client at a time makes) is written on this
 * thread's connection, at once; a larger one (a busy server's) by the writer thread, without stopping this thread.
 */
const DIRECT_MAX_EVENTS = 4;

/**
 * The WAL's checkpoints run on a thread of their own (`checkpointer`), after every so many events committed: a
 * checkpoint copies the WAL's pages into the database file and syncs it, ~5–10 ms that stopped whichever commit made
 * the WAL reach 1,000 pages — on this thread, the one serving requests, or on the live writer's, whose answers a
 * `minPosition` read waits for. They were the 99th percentile of that wait (1 in flight: 8 ms, 1 ms without).
 */
const EVENTS_PER_CHECKPOINT = 64;
/**
 * The writing connections checkpoint only a WAL this long (16 MB), and then only the pages the checkpointer has not
 * copied yet: SQLite starts the WAL over when a writer begins after a complete checkpoint, and under a steady stream
 * of commits the checkpointer's always leave the latest behind; the WAL would only grow.
 */
const WRITER_CHECKPOINT_PAGES = 4000;
/** The checkpointer reads pages of the WAL once and writes them: it needs little cache of its own. */
const CHECKPOINTER_CACHE_KIB = 2048;

export class SqliteReadStore implements ReadStore {
  private readonly writer: Database.Database;
  private readonly reader: Database.Database;
  private readonly reads: Statements;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly direct: DirectSqlRunner;
  private savepoints = 0;
  private live: ReadStoreWriterThread | undefined;
  private checkpointer: ReadStoreWriterThread | undefined;
  private eventsSinceCheckpoint = 0;
  private checkpointing: Promise<void> | undefined;
  private checkpointsRead: { dataVersion: number; checkpoints: ReadonlyMap<string, Checkpoint> } | undefined;

  constructor(private readonly file: string) {
    this.writer = new Database(file);
    applyWriterPragmas(this.writer);
    this.writer.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
    for (const sql of commonTablesSql()) this.writer.exec(sql);
    this.direct = new DirectSqlRunner(this.writer);
    this.reader = new Database(file);
    this.reader.pragma('busy_timeout = 10000');
    this.reads = new Statements(this.reader);
  }

  async prepare(projections: ReadonlyArray<Projection>): Promise<void> {
    const legacy = this.writer
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'projection_checkpoints'")
      .get();
    this.writer.transaction(() => {
      if (legacy) for (const table of LEGACY_TABLES) this.writer.exec(`DROP TABLE IF EXISTS ${table}`);
      for (const projection of projections) for (const sql of createTableSql(projection)) this.writer.exec(sql);
    })();
  }

  /**
   * One transaction at a time: the engine's batches, a rebuild, or a test's setup, each written by a writer thread
   * (sqlite.writer-thread.ts); a bulk one (a rebuild) by a thread and connection of its own, with a larger cache.
   */
  transaction<T>(work: (tx: ReadStoreTransaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
    const run = this.queue.then(async () => {
      const runner = options?.bulk
        ? new ReadStoreWriterThread(this.file, { cacheSizeKib: REBUILD_CACHE_KIB })
        : (options?.events ?? Number.POSITIVE_INFINITY) <= DIRECT_MAX_EVENTS
          ? this.direct
          : this.liveRunner();
      try {
        // Queued: should it fail, the transaction's first read or its COMMIT throws it, and the batch is retried.
        await runner.execLater('BEGIN IMMEDIATE');
        try {
          const result = await work(this.transactionApi(runner));
          await runner.exec('COMMIT');
          if (!options?.bulk) this.committedLive(options?.events);
          return result;
        } catch (error) {
          await runner.rollback();
          throw error;
        }
      } finally {
        if (options?.bulk) await (runner as ReadStoreWriterThread).close();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async ping(): Promise<void> {
    this.reads.get('SELECT 1').get();
  }

  /**
   * Asked by every kept answer (AnswersAtCheckpoints), so read again only once another connection has committed: the
   * reader's `data_version` changes with every commit but its own, and it never writes (this process's writers and
   * every other process's are other connections). Half the cost of reading the table, and no rows to turn into a map.
   */
  async checkpoints(): Promise<ReadonlyMap<string, Checkpoint>> {
    const dataVersion = this.reads.get('PRAGMA data_version').pluck().get() as number;
    if (this.checkpointsRead?.dataVersion !== dataVersion) {
      const rows = this.reads.get('SELECT projection, position, version FROM rm_checkpoints').all() as Array<
        Checkpoint & { projection: string }
      >;
      const checkpoints = new Map(rows.map(({ projection, position, version }) => [projection, { position, version }]));
      this.checkpointsRead = { dataVersion, checkpoints };
    }
    return this.checkpointsRead.checkpoints;
  }

  async getDocument<State>(projection: string, id: string): Promise<StoredDocument<State> | undefined> {
    const row = this.reads
      .get(`SELECT id, position, updated_at, state FROM ${tableOf(projection)} WHERE id = ?`)
      .get(id) as DocumentRow | undefined;
    return row && documentOf<State>(row);
  }

  async findDocuments<State>(projection: string, query: DocumentQuery): Promise<DocumentPage<State>> {
    const sql = findDocumentsSql(projection, query);
    return documentPageOf<State>(
      this.reads.get(sql.text).all(...sql.params) as DocumentRow[],
      query.limit,
      sql.sortColumns,
    );
  }

  async findColumns(projection: string, query: DocumentQuery, columns: ReadonlyArray<string>): Promise<ColumnsPage> {
    const sql = findDocumentsSql(projection, query, columns);
    const rows = this.reads.get(sql.text).all(...sql.params) as ColumnsPage['rows'];
    return pageOf(rows, query.limit, sql.sortColumns);
  }

  async countDocuments(projection: string, where?: Where): Promise<number> {
    const sql = whereSql(where);
    return (
      this.reads.get(`SELECT COUNT(*) AS n FROM ${tableOf(projection)} WHERE ${sql.text}`).get(...sql.params) as {
        n: number;
      }
    ).n;
  }

  async counters(counter: string, key?: ReadonlyArray<string | number>): Promise<CounterRow[]> {
    const rows = (
      key === undefined
        ? this.reads.get('SELECT key, field, value FROM rm_counters WHERE counter = ? ORDER BY key, field').all(counter)
        : this.reads
            .get('SELECT key, field, value FROM rm_counters WHERE counter = ? AND key = ? ORDER BY field')
            .all(counter, JSON.stringify(key))
    ) as Array<{ key: string; field: string; value: number }>;
    return groupCounters(rows);
  }

  async rows(projection: string, where: Where, orderBy: OrderBy): Promise<Array<Record<string, ColumnValue>>> {
    const sql = whereSql(where);
    return this.reads
      .get(`SELECT * FROM ${tableOf(projection)} WHERE ${sql.text} ORDER BY ${orderSql(orderBy, 'position')}`)
      .all(...sql.params) as Array<Record<string, ColumnValue>>;
  }

  /**
   * The engine's live batches are written by a thread of their own as well, opened with the first: their statements
   * and commits (~1 ms of a grant over HTTP, half of it the commit) would otherwise stop this thread, which serves the
   * HTTP requests and decides the commands of the same process.
   */
  private liveRunner(): SqlRunner {
    this.live ??= new ReadStoreWriterThread(this.file, { autoCheckpointPages: WRITER_CHECKPOINT_PAGES });
    return this.live;
  }

  /**
   * After a live commit (on this thread or the live writer's): every EVENTS_PER_CHECKPOINT events, the checkpointer
   * copies the WAL into the database file while both go on. A checkpoint that fails leaves its pages in the WAL for
   * the next one; a failing disk fails the next write, which the engine reports.
   */
  private committedLive(events = 1): void {
    this.eventsSinceCheckpoint += events;
    if (this.eventsSinceCheckpoint < EVENTS_PER_CHECKPOINT || this.checkpointing) return;
    this.eventsSinceCheckpoint = 0;
    this.checkpointer ??= new ReadStoreWriterThread(this.file, { cacheSizeKib: CHECKPOINTER_CACHE_KIB });
    this.checkpointing = this.checkpointer
      .checkpoint()
      .catch(() => undefined)
      .finally(() => (this.checkpointing = undefined));
  }

  async close(): Promise<void> {
    await this.queue;
    await this.checkpointing;
    await this.checkpointer?.close();
    await this.live?.close();
    this.reader.close();
    this.writer.close();
  }

  private transactionApi(sql: SqlRunner): ReadStoreTransaction {
    return {
      checkpoint: async (projection) =>
        (
          await sql.all<Checkpoint>('SELECT position, version FROM rm_checkpoints WHERE projection = ?', [projection])
        )[0],
      saveCheckpoint: async (projection, { position, version }) => {
        await sql.run(SAVE_CHECKPOINT_SQL, [projection, position, version, new Date().toISOString()]);
      },
      loadDocuments: async (projection, ids) => {
        const found = new Map<string, StoredDocument>();
        for (let i = 0; i < ids.length; i += ID_CHUNK) {
          const chunk = ids.slice(i, i + ID_CHUNK);
          const text = `SELECT id, position, updated_at, state FROM ${tableOf(projection)} WHERE id IN (${chunk.map(() => '?').join(', ')})`;
          for (const row of await sql.all<DocumentRow>(text, chunk)) found.set(row.id, documentOf(row));
        }
        return found;
      },
      loadDocumentsWhere: async (projection, where) => {
        const condition = whereSql(where);
        const text = `SELECT id, position, updated_at, state FROM ${tableOf(projection)} WHERE ${condition.text} ORDER BY id`;
        const rows = await sql.all<DocumentRow>(text, condition.params);
        return new Map(rows.map((row) => [row.id, documentOf(row)]));
      },
      saveDocuments: async (projection, documents) => {
        const names = Object.keys(projection.columns);
        await inChunks(
          sql,
          documents,
          (rows) => upsertDocumentSql(projection, rows),
          (doc, params) => {
            params.push(doc.id, doc.position, doc.updatedAt, JSON.stringify(doc.state));
            for (const c of names) params.push(doc.columns[c] ?? null);
          },
        );
      },
      addToCounters: async (deltas: ReadonlyArray<CounterDelta>) => {
        await inChunks(sql, deltas, addToCounterSql, (d, params) => {
          params.push(d.projection, d.counter, d.key, d.field, d.delta);
        });
        await inChunks(sql, deltas, dropZeroCounterSql, (d, params) => {
          params.push(d.counter, d.key, d.field);
        });
      },
      insertRows: async (projection, rows) => {
        const names = Object.keys(projection.columns);
        await inChunks(
          sql,
          rows,
          (count) => insertRowSql(projection, count),
          (row, params) => {
            params.push(row.position);
            for (const c of names) params.push(row.values[c] ?? null);
          },
        );
      },
      reset: async (projection, options) => {
        await sql.exec(`DROP TABLE IF EXISTS ${tableOf(projection.name)}`);
        await sql.exec(createTableOnlySql(projection));
        if (!options?.withoutIndexes) for (const text of createIndexesSql(projection)) await sql.exec(text);
        await sql.run('DELETE FROM rm_counters WHERE projection = ?', [projection.name]);
        await sql.run('DELETE FROM rm_checkpoints WHERE projection = ?', [projection.name]);
      },
      createIndexes: async (projection) => {
        for (const text of createIndexesSql(projection)) await sql.exec(text);
      },
      savepoint: async (work) => {
        const name = `sp_${++this.savepoints}`;
        await sql.execLater(`SAVEPOINT ${name}`);
        try {
          const result = await work();
          await sql.exec(`RELEASE ${name}`);
          return result;
        } catch (error) {
          // SQLite may have rolled the whole transaction back itself (SQLITE_FULL, an I/O error): the error stands.
          await sql.rollbackTo(name);
          throw error;
        }
      },
    };
  }
}
