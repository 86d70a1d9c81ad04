/**
 * The read store on PostgreSQL (node-postgres): the same port, the same SQL (read-store.sql.ts) and the same semantics
 * as SqliteReadStore, for projection processes on a server — several of them may share one schema.
 *
 * - Every write transaction (the engine's batches, a rebuild, prepare) first takes the read store's advisory lock and
 *   then reads the checkpoints (READ COMMITTED: after the lock), so two processes never apply the same batch twice.
 * - Queries run on other connections of the pool and see only committed transactions.
 * - BIGINT comes back as a JS number, by a type parser given to this pool alone (postgres.bigint.ts).
 * - Text columns are COLLATE "C": ordering and keyset pages by code point, as SQLite's BINARY.
 * - A rebuild keeps a projection's table when its columns are unchanged and deletes its rows (MVCC: readers see the
 *   old models until the rebuild commits); a table whose columns changed is dropped and created again.
 */
import { createHash } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { createLogSchema, inTransaction } from '@ledger/event-store';
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
import { documentOf, documentPageOf, DocumentRow, groupCounters, pageOf } from '../read-store.rows';
import {
  addToCounterSql,
  commonTablesSql,
  createIndexesSql,
  createTableOnlySql,
  createTableSql,
  indexNamesOf,
  documentColumns,
  dropZeroCounterSql,
  findDocumentsSql,
  insertRowSql,
  orderSql,
  POSTGRES_DIALECT,
  SAVE_CHECKPOINT_SQL,
  tableOf,
  upsertDocumentSql,
  whereSql,
} from '../read-store.sql';
import { READ_MODEL_TYPES } from './postgres.bigint';
import { numberPlaceholders, storableParam } from './postgres.sql-text';

export interface PostgresReadStoreOptions {
  /** e.g. postgresql://user:password@host:5432/ledger */
  connectionString: string;
  /** The schema of the read models' tables (created when missing). Default `public`. */
  schema?: string;
  /** Connections: one for the write transaction, the rest for queries. Default 6. */
  poolSize?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;
/** "LEDR": the first key of the read store's advisory lock (the event store's log lock is "LEDG"). */
const READ_STORE_LOCK_CLASS = 0x4c454452;
/** PostgreSQL takes at most 65535 parameters per statement; multi-row statements stay well below. */
const MAX_PARAMS = 30_000;
const MAX_ROWS_PER_STATEMENT = 500;
const ID_CHUNK = 500;

type Params = ReadonlyArray<ColumnValue>;

export class PostgresReadStore implements ReadStore {
  private queue: Promise<unknown> = Promise.resolve();
  private savepoints = 0;
  private readonly lockKeys: [number, number];

  /** Connects, and creates the schema and the common tables when missing (safe when several processes open at once). */
  static async open(options: PostgresReadStoreOptions): Promise<PostgresReadStore> {
    const schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(schema)) {
      throw new RangeError(
        `schema must be a lower-case identifier of at most 48 characters, got ${JSON.stringify(schema)}`,
      );
    }
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 6,
      types: READ_MODEL_TYPES,
      // Unqualified names (the shared SQL's) resolve in the ledger's schema; nothing else is on the path.
      options: `-c search_path=${schema}`,
    });
    // An idle connection the server drops leaves the pool; without a listener its 'error' would crash the process.
    pool.on('error', () => undefined);
    const store = new PostgresReadStore(pool, schema);
    try {
      await store.inTransaction((client) => createLogSchema(client, schema));
      await store.underLock(async (client) => {
        for (const sql of commonTablesSql(POSTGRES_DIALECT)) await client.query(sql);
      });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  private constructor(
    private readonly pool: Pool,
    readonly schema: string,
  ) {
    this.lockKeys = [READ_STORE_LOCK_CLASS, createHash('sha256').update(schema, 'utf8').digest().readInt32BE(0)];
  }

  async prepare(projections: ReadonlyArray<Projection>): Promise<void> {
    await this.underLock(async (client) => {
      for (const projection of projections)
        for (const sql of createTableSql(projection, POSTGRES_DIALECT)) await client.query(sql);
    });
  }

  /** One transaction at a time in this process; across processes, the advisory lock orders them. */
  transaction<T>(work: (tx: ReadStoreTransaction) => Promise<T>): Promise<T> {
    const run = this.queue.then(() =>
      this.underLock(async (client) => {
        const queries = new QueriesInOrder((sql, params) => this.query(client, sql, params));
        try {
          return await work(this.transactionApi(client, queries));
        } finally {
          // A read asked beside one that failed is still queued: none may run after the COMMIT or ROLLBACK.
          await queries.settled();
        }
      }),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async checkpoints(): Promise<ReadonlyMap<string, Checkpoint>> {
    const rows = await this.query<Checkpoint & { projection: string }>(
      this.pool,
      'SELECT projection, position, version FROM rm_checkpoints',
    );
    return new Map(rows.map(({ projection, position, version }) => [projection, { position, version }]));
  }

  async getDocument<State>(projection: string, id: string): Promise<StoredDocument<State> | undefined> {
    const [row] = await this.query<DocumentRow>(
      this.pool,
      `SELECT id, position, updated_at, state FROM ${tableOf(projection)} WHERE id = ?`,
      [id],
    );
    return row && documentOf<State>(row);
  }

  async findDocuments<State>(projection: string, query: DocumentQuery): Promise<DocumentPage<State>> {
    const sql = findDocumentsSql(projection, query);
    return documentPageOf<State>(
      await this.query<DocumentRow>(this.pool, sql.text, sql.params),
      query.limit,
      sql.sortColumns,
    );
  }

  async findColumns(projection: string, query: DocumentQuery, columns: ReadonlyArray<string>): Promise<ColumnsPage> {
    const sql = findDocumentsSql(projection, query, columns);
    const rows = await this.query<ColumnsPage['rows'][number]>(this.pool, sql.text, sql.params);
    return pageOf(rows, query.limit, sql.sortColumns);
  }

  async countDocuments(projection: string, where?: Where): Promise<number> {
    const sql = whereSql(where);
    const [row] = await this.query<{ n: number }>(
      this.pool,
      `SELECT COUNT(*) AS n FROM ${tableOf(projection)} WHERE ${sql.text}`,
      sql.params,
    );
    return row.n;
  }

  async counters(counter: string, key?: ReadonlyArray<string | number>): Promise<CounterRow[]> {
    const rows =
      key === undefined
        ? await this.query<{ key: string; field: string; value: number }>(
            this.pool,
            'SELECT key, field, value FROM rm_counters WHERE counter = ? ORDER BY key, field',
            [counter],
          )
        : await this.query<{ key: string; field: string; value: number }>(
            this.pool,
            'SELECT key, field, value FROM rm_counters WHERE counter = ? AND key = ? ORDER BY field',
            [counter, JSON.stringify(key)],
          );
    return groupCounters(rows);
  }

  async rows(projection: string, where: Where, orderBy: OrderBy): Promise<Array<Record<string, ColumnValue>>> {
    const sql = whereSql(where);
    return this.query<Record<string, ColumnValue>>(
      this.pool,
      `SELECT * FROM ${tableOf(projection)} WHERE ${sql.text} ORDER BY ${orderSql(orderBy, 'position')}`,
      sql.params,
    );
  }

  async close(): Promise<void> {
    await this.queue;
    await this.pool.end();
  }

  private async query<Row>(on: Pool | PoolClient, sql: string, params: Params = []): Promise<Row[]> {
    const result = await on.query(numberPlaceholders(sql), params.map(storableParam));
    return result.rows as Row[];
  }

  /**
   * Runs `work` in a transaction holding the read store's advisory lock and commits; rolls back and rethrows on
   * failure. The lock is transaction-scoped: released at COMMIT or ROLLBACK, also when the connection dies.
   */
  private underLock<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', this.lockKeys);
      return work(client);
    });
  }

  /** Runs `work` in a READ COMMITTED transaction on a connection of the pool; rolls back and rethrows on failure. */
  private inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, 'BEGIN ISOLATION LEVEL READ COMMITTED', work);
  }

  private transactionApi(client: PoolClient, queries: QueriesInOrder): ReadStoreTransaction {
    const onClient = <Row>(sql: string, params: Params = []) => queries.run<Row>(sql, params);
    const run = (sql: string, params: Params = []) => onClient<Record<string, ColumnValue>>(sql, params);
    /** Rows of `width` parameters each, as few statements as the parameter limit allows. */
    const inChunks = async <R>(rows: ReadonlyArray<R>, width: number, write: (chunk: R[]) => Promise<unknown>) => {
      const size = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / width)));
      for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
    };
    return {
      checkpoint: async (projection) => {
        const [row] = await onClient<Checkpoint>('SELECT position, version FROM rm_checkpoints WHERE projection = ?', [
          projection,
        ]);
        return row && { position: row.position, version: row.version };
      },
      saveCheckpoint: async (projection, { position, version }) => {
        await run(SAVE_CHECKPOINT_SQL, [projection, position, version, new Date().toISOString()]);
      },
      loadDocuments: async (projection, ids) => {
        const found = new Map<string, StoredDocument>();
        for (let i = 0; i < ids.length; i += ID_CHUNK) {
          const chunk = ids.slice(i, i + ID_CHUNK);
          const rows = await onClient<DocumentRow>(
            `SELECT id, position, updated_at, state FROM ${tableOf(projection)} WHERE id IN (${chunk.map(() => '?').join(', ')})`,
            chunk,
          );
          for (const row of rows) found.set(row.id, documentOf(row));
        }
        return found;
      },
      loadDocumentsWhere: async (projection, where) => {
        const condition = whereSql(where);
        const rows = await onClient<DocumentRow>(
          `SELECT id, position, updated_at, state FROM ${tableOf(projection)} WHERE ${condition.text} ORDER BY id`,
          condition.params,
        );
        return new Map(rows.map((row) => [row.id, documentOf(row)]));
      },
      saveDocuments: async (projection, documents) => {
        const names = Object.keys(projection.columns);
        await inChunks(documents, documentColumns(projection.columns).length, (chunk) =>
          run(
            upsertDocumentSql(projection, chunk.length),
            chunk.flatMap((doc) => [
              doc.id,
              doc.position,
              doc.updatedAt,
              JSON.stringify(doc.state),
              ...names.map((c) => doc.columns[c] ?? null),
            ]),
          ),
        );
      },
      addToCounters: async (deltas: ReadonlyArray<CounterDelta>) => {
        // One row per counter field: a statement may not update the same row twice.
        const merged = new Map<string, CounterDelta>();
        for (const d of deltas) {
          const id = `${d.counter}\u0000${d.key}\u0000${d.field}`;
          const known = merged.get(id);
          merged.set(id, known ? { ...known, delta: known.delta + d.delta } : { ...d });
        }
        const rows = [...merged.values()];
        await inChunks(rows, 5, (chunk) =>
          run(
            addToCounterSql(chunk.length),
            chunk.flatMap((d) => [d.projection, d.counter, d.key, d.field, d.delta]),
          ),
        );
        await inChunks(rows, 3, (chunk) =>
          run(
            dropZeroCounterSql(chunk.length),
            chunk.flatMap((d) => [d.counter, d.key, d.field]),
          ),
        );
      },
      insertRows: async (projection, rows) => {
        const names = Object.keys(projection.columns);
        await inChunks(rows, names.length + 1, (chunk) =>
          run(
            insertRowSql(projection, chunk.length),
            chunk.flatMap((row) => [row.position, ...names.map((c) => row.values[c] ?? null)]),
          ),
        );
      },
      reset: async (projection, options) => {
        const table = tableOf(projection.name);
        if (await this.hasColumnsOf(client, projection)) {
          await run(`DELETE FROM ${table}`);
          if (options?.withoutIndexes)
            for (const name of indexNamesOf(projection)) await run(`DROP INDEX IF EXISTS "${name}"`);
        } else await run(`DROP TABLE IF EXISTS ${table}`);
        await run(createTableOnlySql(projection, POSTGRES_DIALECT));
        if (!options?.withoutIndexes) for (const sql of createIndexesSql(projection)) await run(sql);
        await run('DELETE FROM rm_counters WHERE projection = ?', [projection.name]);
        await run('DELETE FROM rm_checkpoints WHERE projection = ?', [projection.name]);
      },
      createIndexes: async (projection) => {
        for (const sql of createIndexesSql(projection)) await run(sql);
      },
      savepoint: async (work) => {
        const name = `sp_${++this.savepoints}`;
        await run(`SAVEPOINT ${name}`);
        try {
          const result = await work();
          await run(`RELEASE SAVEPOINT ${name}`);
          return result;
        } catch (error) {
          await run(`ROLLBACK TO SAVEPOINT ${name}`);
          await run(`RELEASE SAVEPOINT ${name}`);
          throw error;
        }
      },
    };
  }

  /** Whether the projection's table exists with exactly the columns (and types) the projection defines now. */
  private async hasColumnsOf(client: PoolClient, projection: Projection): Promise<boolean> {
    const rows = await this.query<{ column_name: string; data_type: string }>(
      client,
      'SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ? AND table_name = ?',
      [this.schema, `rm_${projection.name}`],
    );
    const fixed: Record<string, string> =
      projection.kind === 'documents'
        ? { id: 'text', position: 'bigint', updated_at: 'text', state: 'text' }
        : { position: 'bigint' };
    const wanted = new Map(Object.entries(fixed));
    for (const [name, type] of Object.entries(projection.columns))
      wanted.set(name, type === 'integer' ? 'bigint' : 'text');
    return rows.length === wanted.size && rows.every((row) => wanted.get(row.column_name) === row.data_type);
  }
}

/**
 * A transaction's queries one at a time on its connection, in the order asked: the engine asks several reads at once
 * (Promise.all), which node-postgres would otherwise queue itself, a use it deprecates.
 */
class QueriesInOrder {
  private previous: Promise<unknown> = Promise.resolve();

  constructor(private readonly query: (sql: string, params: Params) => Promise<unknown[]>) {}

  run<Row>(sql: string, params: Params): Promise<Row[]> {
    const next = this.previous.then(() => this.query(sql, params) as Promise<Row[]>);
    this.previous = next.catch(() => undefined);
    return next;
  }

  /** Once every query asked so far has been answered or has failed. */
  settled(): Promise<unknown> {
    return this.previous;
  }
}
