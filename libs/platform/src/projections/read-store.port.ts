/**
 * Where read models live. One port, two adapters: SQLite (embedded default, next to the log) and PostgreSQL (server).
 * Everything is asynchronous so that the same engine and the same projections run on both; every checkpoint is written
 * in the same transaction as the rows it covers.
 */
import { ColumnValue, Projection } from './projection';

export interface StoredDocument<State = unknown> {
  id: string;
  /** The log position of the last event folded into it. */
  position: number;
  /** When that event was recorded. */
  updatedAt: string;
  state: State;
}

export interface Checkpoint {
  position: number;
  version: number;
}

export interface CounterDelta {
  projection: string;
  counter: string;
  /** The key as stored: the JSON text of the key's parts. */
  key: string;
  field: string;
  delta: number;
}

export interface CounterRow {
  key: Array<string | number>;
  values: Record<string, number>;
}

/** A filter on a column: equal to a value (null: IS NULL), one of values, or within bounds. */
export type Condition =
  | ColumnValue
  | { in: ReadonlyArray<Exclude<ColumnValue, null>> }
  | {
      gte?: Exclude<ColumnValue, null>;
      lte?: Exclude<ColumnValue, null>;
      gt?: Exclude<ColumnValue, null>;
      lt?: Exclude<ColumnValue, null>;
    };

/** Under this key a `Where` lists alternatives: at least one of them holds (a jurisdiction: these policies or regions). */
export const ANY_OF: unique symbol = Symbol('ANY_OF');

/**
 * Column → condition; undefined conditions are ignored (an absent filter). `[ANY_OF]`: alternatives, one of which must
 * hold besides (none: nothing matches).
 */
export type Where = Readonly<Record<string, Condition | undefined>> & { readonly [ANY_OF]?: ReadonlyArray<Where> };

export type OrderBy = ReadonlyArray<readonly [column: string, direction: 'asc' | 'desc']>;

export interface DocumentQuery {
  where?: Where;
  /** The documents' id is always the last sort key, so that pages are stable. */
  orderBy?: OrderBy;
  limit: number;
  /** Either an offset, or the cursor of the page before (keyset paging: costs what the page holds). */
  offset?: number;
  after?: string;
}

export interface DocumentPage<State> {
  documents: Array<StoredDocument<State>>;
  /** The cursor of the next page, when there may be one. */
  next?: string;
}

/** A page of documents' columns (and ids), without their states. */
export interface ColumnsPage {
  rows: Array<Record<string, ColumnValue> & { id: string }>;
  /** The cursor of the next page, when there may be one (the same cursors as `findDocuments`'). */
  next?: string;
}

/** Inside a transaction of the projection engine. */
export interface ReadStoreTransaction {
  checkpoint(projection: string): Promise<Checkpoint | undefined>;
  saveCheckpoint(projection: string, checkpoint: Checkpoint): Promise<void>;
  loadDocuments(projection: string, ids: ReadonlyArray<string>): Promise<Map<string, StoredDocument>>;
  /** The documents matching `where`, as this transaction sees them (a projection's related documents: projection.ts). */
  loadDocumentsWhere(projection: string, where: Where): Promise<Map<string, StoredDocument>>;
  saveDocuments(
    projection: Projection,
    documents: ReadonlyArray<StoredDocument & { columns: Record<string, ColumnValue> }>,
  ): Promise<void>;
  addToCounters(deltas: ReadonlyArray<CounterDelta>): Promise<void>;
  insertRows(
    projection: Projection,
    rows: ReadonlyArray<{ position: number; values: Record<string, ColumnValue> }>,
  ): Promise<void>;
  /**
   * Drops the projection's rows, documents, counters and checkpoint, and creates its tables again; with
   * `withoutIndexes`, without their secondary indexes, which `createIndexes` then builds once the rows are in (a
   * rebuild: one sort per index instead of an index insert per row).
   */
  reset(projection: Projection, options?: { withoutIndexes?: boolean }): Promise<void>;
  /** Creates the projection's secondary indexes where missing. */
  createIndexes(projection: Projection): Promise<void>;
  /** Runs `work` so that its writes are undone on failure without undoing the rest of the transaction. */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
}

export interface TransactionOptions {
  bulk?: boolean;
  events?: number;
}

export interface ReadStore {
  /** Creates the tables of these projections where missing. */
  prepare(projections: ReadonlyArray<Projection>): Promise<void>;
  /**
   * `bulk`: one large transaction (a rebuild), which the store may write on a thread of its own while the caller goes
   * on (SQLite); its writes' failures then surface at a later call, and the transaction is rolled back whole.
   * `events`: how many events a live batch applies; a store may write a small one on the caller's thread (no waits
   * between threads) and a larger one on a thread of its own (SQLite).
   */
  transaction<T>(work: (tx: ReadStoreTransaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Every projection's checkpoint. The same map, unchanged, for as long as none moved, where the store can tell. */
  checkpoints(): Promise<ReadonlyMap<string, Checkpoint>>;
  /** Resolves once the store has answered a query: it is reachable (readiness). */
  ping(): Promise<void>;

  getDocument<State>(projection: string, id: string): Promise<StoredDocument<State> | undefined>;
  findDocuments<State>(projection: string, query: DocumentQuery): Promise<DocumentPage<State>>;
  /**
   * The same page, its columns alone: for an answer its columns hold, it reads and parses no state (a document's state
   * is its whole fold, kilobytes; its columns, a few words).
   */
  findColumns(projection: string, query: DocumentQuery, columns: ReadonlyArray<string>): Promise<ColumnsPage>;
  countDocuments(projection: string, where?: Where): Promise<number>;
  /** Every key of a counter with its values (keys whose values are all zero are left out), or one key. */
  counters(counter: string, key?: ReadonlyArray<string | number>): Promise<CounterRow[]>;
  rows(projection: string, where: Where, orderBy: OrderBy): Promise<Array<Record<string, ColumnValue>>>;

  close(): Promise<void>;
}

export const READ_STORE = Symbol('READ_STORE');

/** The stored form of a counter's key. */
export const counterKey = (parts: ReadonlyArray<string | number>): string => JSON.stringify(parts);
