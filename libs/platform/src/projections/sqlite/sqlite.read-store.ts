/**
 * The read store on SQLite: `projections.sqlite` beside the log, so reads never contend with appends for a lock.
 * synchronous=NORMAL: a read model can always be rebuilt from the log, and each checkpoint is written in the same
 * transaction as its rows, so a lost last transaction is simply projected again. Two connections: the engine writes on
 * one, queries read on the other and so never see a transaction in progress (WAL gives them the last commit).
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
  encodeCursor,
  findDocumentsSql,
  insertRowSql,
  orderSql,
  SAVE_CHECKPOINT_SQL,
  tableOf,
  upsertDocumentSql,
  whereSql,
} from '../read-store.sql';
import { documentOf, DocumentRow, groupCounters, pageOf } from '../read-store.rows';

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
function inChunks<T>(
  items: ReadonlyArray<T>,
  statementFor: (rows: number) => Database.Statement,
  paramsOf: (item: T, params: ColumnValue[]) => void,
): void {
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) {
    const end = Math.min(items.length, i + ROWS_PER_STATEMENT);
    const params: ColumnValue[] = [];
    for (let j = i; j < end; j++) paramsOf(items[j], params);
    statementFor(end - i).run(params);
  }
}

class Statements {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database) {}
  get(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (!statement) this.cache.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
}

export class SqliteReadStore implements ReadStore {
  private readonly writer: Database.Database;
  private readonly reader: Database.Database;
  private readonly writes: Statements;
  private readonly reads: Statements;
  private queue: Promise<unknown> = Promise.resolve();
  private savepoints = 0;

  constructor(file: string) {
    this.writer = new Database(file);
    this.writer.pragma('journal_mode = WAL');
    this.writer.pragma('synchronous = NORMAL');
    this.writer.pragma('busy_timeout = 10000');
    // A rebuild is one transaction larger than SQLite's default 2 MB page cache: beyond it, index pages are spilled to
    // the WAL and read back mid-transaction. 64 MB (a bound, allocated as used) keeps the indexes being built in memory.
    this.writer.pragma('cache_size = -65536');
    for (const sql of commonTablesSql()) this.writer.exec(sql);
    this.reader = new Database(file);
    this.reader.pragma('busy_timeout = 10000');
    this.writes = new Statements(this.writer);
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

  /** One transaction at a time on the writer: the engine's batches, a rebuild, or a test's setup. */
  transaction<T>(work: (tx: ReadStoreTransaction) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      this.writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.transactionApi());
        this.writer.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async ping(): Promise<void> {
    this.reads.get('SELECT 1').get();
  }

  async checkpoints(): Promise<Map<string, Checkpoint>> {
    const rows = this.reads.get('SELECT projection, position, version FROM rm_checkpoints').all() as Array<
      Checkpoint & { projection: string }
    >;
    return new Map(rows.map(({ projection, position, version }) => [projection, { position, version }]));
  }

  async getDocument<State>(projection: string, id: string): Promise<StoredDocument<State> | undefined> {
    const row = this.reads
      .get(`SELECT id, position, updated_at, state FROM ${tableOf(projection)} WHERE id = ?`)
      .get(id) as DocumentRow | undefined;
    return row && documentOf<State>(row);
  }

  async findDocuments<State>(projection: string, query: DocumentQuery): Promise<DocumentPage<State>> {
    const sql = findDocumentsSql(projection, query);
    const rows = this.reads.get(sql.text).all(...sql.params) as DocumentRow[];
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const more = rows.length > query.limit && last !== undefined;
    return {
      documents: page.map((row) => documentOf<State>(row)),
      ...(more && { next: encodeCursor([...sql.sortColumns.map((c) => last[c]), last.id]) }),
    };
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

  async close(): Promise<void> {
    await this.queue;
    this.reader.close();
    this.writer.close();
  }

  private transactionApi(): ReadStoreTransaction {
    const w = this.writes;
    return {
      checkpoint: async (projection) =>
        w.get('SELECT position, version FROM rm_checkpoints WHERE projection = ?').get(projection) as
          Checkpoint | undefined,
      saveCheckpoint: async (projection, { position, version }) => {
        w.get(SAVE_CHECKPOINT_SQL).run(projection, position, version, new Date().toISOString());
      },
      loadDocuments: async (projection, ids) => {
        const found = new Map<string, StoredDocument>();
        for (let i = 0; i < ids.length; i += ID_CHUNK) {
          const chunk = ids.slice(i, i + ID_CHUNK);
          const sql = `SELECT id, position, updated_at, state FROM ${tableOf(projection)} WHERE id IN (${chunk.map(() => '?').join(', ')})`;
          for (const row of w.get(sql).all(...chunk) as DocumentRow[]) found.set(row.id, documentOf(row));
        }
        return found;
      },
      saveDocuments: async (projection, documents) => {
        const names = Object.keys(projection.columns);
        inChunks(
          documents,
          (rows) => w.get(upsertDocumentSql(projection, projection.columns, rows)),
          (doc, params) => {
            params.push(doc.id, doc.position, doc.updatedAt, JSON.stringify(doc.state));
            for (const c of names) params.push(doc.columns[c] ?? null);
          },
        );
      },
      addToCounters: async (deltas: ReadonlyArray<CounterDelta>) => {
        inChunks(
          deltas,
          (rows) => w.get(addToCounterSql(rows)),
          (d, params) => {
            params.push(d.projection, d.counter, d.key, d.field, d.delta);
          },
        );
        inChunks(
          deltas,
          (rows) => w.get(dropZeroCounterSql(rows)),
          (d, params) => {
            params.push(d.counter, d.key, d.field);
          },
        );
      },
      insertRows: async (projection, rows) => {
        const names = Object.keys(projection.columns);
        inChunks(
          rows,
          (count) => w.get(insertRowSql(projection, count)),
          (row, params) => {
            params.push(row.position);
            for (const c of names) params.push(row.values[c] ?? null);
          },
        );
      },
      reset: async (projection, options) => {
        this.writer.exec(`DROP TABLE IF EXISTS ${tableOf(projection.name)}`);
        this.writer.exec(createTableOnlySql(projection));
        if (!options?.withoutIndexes) for (const sql of createIndexesSql(projection)) this.writer.exec(sql);
        w.get('DELETE FROM rm_counters WHERE projection = ?').run(projection.name);
        w.get('DELETE FROM rm_checkpoints WHERE projection = ?').run(projection.name);
      },
      createIndexes: async (projection) => {
        for (const sql of createIndexesSql(projection)) this.writer.exec(sql);
      },
      savepoint: async (work) => {
        const name = `sp_${++this.savepoints}`;
        this.writer.exec(`SAVEPOINT ${name}`);
        try {
          const result = await work();
          this.writer.exec(`RELEASE ${name}`);
          return result;
        } catch (error) {
          // SQLite may have rolled the whole transaction back itself (SQLITE_FULL, an I/O error): the error stands.
          if (this.writer.inTransaction) {
            this.writer.exec(`ROLLBACK TO ${name}`);
            this.writer.exec(`RELEASE ${name}`);
          }
          throw error;
        }
      },
    };
  }
}
