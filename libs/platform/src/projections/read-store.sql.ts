/**
 * The SQL both read-store adapters speak: the common ground of SQLite and PostgreSQL (TEXT and BIGINT columns, JSON kept
 * as text, `ON CONFLICT … DO UPDATE`, multi-row VALUES, row values in IN). Placeholders are `?`; the PostgreSQL adapter
 * numbers them. The one difference is the dialect's text type: PostgreSQL's columns take the "C" collation, so that text
 * sorts (and keyset pages run) by code point, as SQLite's BINARY does, whatever the database's locale.
 */
import { createHash } from 'node:crypto';
import { ColumnType, Columns, ColumnValue, Projection } from './projection';
import { ANY_OF, Condition, DocumentQuery, OrderBy, Where } from './read-store.port';

const NAME = /^[a-z][a-z0-9_-]*$/;
const COLUMN = /^[a-z][a-z0-9_]*$/;
const RESERVED = new Set(['id', 'position', 'updated_at', 'state']);

export const tableOf = (projection: string): string => {
  if (!NAME.test(projection)) throw new Error(`not a projection name: ${projection}`);
  return `"rm_${projection}"`;
};

/** What differs between the two: how a text column is declared. */
export interface SqlDialect {
  text: string;
}
export const SQLITE_DIALECT: SqlDialect = { text: 'TEXT' };
export const POSTGRES_DIALECT: SqlDialect = { text: 'TEXT COLLATE "C"' };

const sqlType = (type: ColumnType, dialect: SqlDialect): string => (type === 'integer' ? 'BIGINT' : dialect.text);

export function assertColumns(projection: Projection): void {
  for (const column of Object.keys(projection.columns)) {
    if (!COLUMN.test(column) || RESERVED.has(column))
      throw new Error(`${projection.name}: column ${column} is not allowed`);
  }
  if (projection.kind === 'documents' && projection.related && !(projection.related.column in projection.columns))
    throw new Error(`${projection.name}: no column ${projection.related.column} to find related documents by`);
  for (const index of projection.indexes ?? []) {
    for (const key of index) {
      const [column, direction] = key.split(' ');
      if (!(column in projection.columns) && !RESERVED.has(column))
        throw new Error(`${projection.name}: no column ${column} to index`);
      if (direction !== undefined && direction !== 'desc')
        throw new Error(`${projection.name}: index key ${key} is not "column" or "column desc"`);
    }
  }
}

/** An index key as SQL: `filed_on desc` → `filed_on DESC`. */
const indexKeySql = (key: string): string => key.replace(/ desc$/, ' DESC');

/** The statements that create a projection's table and indexes (idempotent). */
export function createTableSql(projection: Projection, dialect: SqlDialect = SQLITE_DIALECT): string[] {
  return [createTableOnlySql(projection, dialect), ...createIndexesSql(projection)];
}

/** The projection's table without its secondary indexes (idempotent). */
export function createTableOnlySql(projection: Projection, dialect: SqlDialect = SQLITE_DIALECT): string {
  assertColumns(projection);
  const text = dialect.text;
  const columns = Object.entries(projection.columns).map(([name, type]) => `${name} ${sqlType(type, dialect)}`);
  const fixed =
    projection.kind === 'documents'
      ? [`id ${text} PRIMARY KEY`, 'position BIGINT NOT NULL', `updated_at ${text} NOT NULL`, `state ${text} NOT NULL`]
      : ['position BIGINT PRIMARY KEY'];
  return `CREATE TABLE IF NOT EXISTS ${tableOf(projection.name)} (${[...fixed, ...columns].join(', ')})`;
}

/** The names of the projection's secondary indexes (as `CREATE INDEX` names them, unquoted). */
export const indexNamesOf = (projection: Projection): string[] =>
  (projection.indexes ?? []).map((keys) => `rm_${projection.name}__${keys.join('_').replace(/ /g, '_')}`);

/** The statements that create the projection's secondary indexes (idempotent). */
export function createIndexesSql(projection: Projection): string[] {
  assertColumns(projection);
  const names = indexNamesOf(projection);
  return (projection.indexes ?? []).map(
    (keys, i) =>
      `CREATE INDEX IF NOT EXISTS "${names[i]}" ON ${tableOf(projection.name)} (${keys.map(indexKeySql).join(', ')})`,
  );
}

export const commonTablesSql = ({ text }: SqlDialect = SQLITE_DIALECT): string[] => [
  `CREATE TABLE IF NOT EXISTS rm_checkpoints (
     projection ${text} PRIMARY KEY, position BIGINT NOT NULL, version BIGINT NOT NULL, updated_at ${text} NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS rm_counters (
     projection ${text} NOT NULL, counter ${text} NOT NULL, key ${text} NOT NULL, field ${text} NOT NULL,
     value BIGINT NOT NULL, PRIMARY KEY (counter, key, field))`,
];

export interface Sql {
  text: string;
  params: ColumnValue[];
}

function conditionSql(column: string, condition: Condition): Sql {
  if (!COLUMN.test(column)) throw new Error(`not a column: ${column}`);
  if (condition === null) return { text: `${column} IS NULL`, params: [] };
  if (typeof condition !== 'object') return { text: `${column} = ?`, params: [condition] };
  if ('in' in condition) {
    if (condition.in.length === 0) return { text: '1 = 0', params: [] };
    return { text: `${column} IN (${condition.in.map(() => '?').join(', ')})`, params: [...condition.in] };
  }
  const parts: Sql[] = [];
  const bound = { gte: '>=', lte: '<=', gt: '>', lt: '<' } as const;
  for (const [key, op] of Object.entries(bound) as Array<[keyof typeof bound, string]>) {
    const value = condition[key];
    if (value !== undefined) parts.push({ text: `${column} ${op} ?`, params: [value] });
  }
  return joinSql(parts, ' AND ');
}

export function whereSql(where: Where = {}): Sql {
  const parts = Object.entries(where)
    .filter((entry): entry is [string, Condition] => entry[1] !== undefined)
    .map(([column, condition]) => conditionSql(column, condition));
  const anyOf = where[ANY_OF];
  if (anyOf !== undefined)
    parts.push(anyOf.length === 0 ? { text: '1 = 0', params: [] } : joinSql(anyOf.map(whereSql), ' OR '));
  return joinSql(parts, ' AND ');
}

function joinSql(parts: Sql[], separator: string): Sql {
  if (parts.length === 0) return { text: '1 = 1', params: [] };
  return { text: parts.map((p) => `(${p.text})`).join(separator), params: parts.flatMap((p) => p.params) };
}

/** ORDER BY the given columns, then id: a total order, so that keyset paging neither skips nor repeats. */
export function orderSql(orderBy: OrderBy = [], tieBreaker = 'id'): string {
  const keys = [...orderBy, [tieBreaker, 'asc'] as const];
  return keys.map(([column, direction]) => `${checked(column)} ${direction === 'desc' ? 'DESC' : 'ASC'}`).join(', ');
}

const checked = (column: string): string => {
  if (!COLUMN.test(column)) throw new Error(`not a column: ${column}`);
  return column;
};

/** The condition "comes after the row whose sort values are `values`" for keyset paging. */
export function afterSql(orderBy: OrderBy, values: ReadonlyArray<ColumnValue>, tieBreaker = 'id'): Sql {
  const keys = [...orderBy, [tieBreaker, 'asc'] as const];
  const alternatives: Sql[] = keys.map(([column, direction], i) => {
    const equal = keys.slice(0, i).map(([c], j) => ({ text: `${checked(c)} = ?`, params: [values[j]] }));
    const beyond = { text: `${checked(column)} ${direction === 'desc' ? '<' : '>'} ?`, params: [values[i]] };
    return joinSql([...equal, beyond], ' AND ');
  });
  return joinSql(alternatives, ' OR ');
}

/**
 * A page's cursor: the last row's sort values and id, and a check of them and of the columns they sort by, so that a
 * cursor the list did not give (edited, cut short, another list's) is refused rather than paged from wherever it
 * points. Not a secret: it catches mistakes, not someone choosing where to page from, which a filter does anyway.
 */
export function encodeCursor(sortColumns: ReadonlyArray<string>, values: ReadonlyArray<ColumnValue>): string {
  return Buffer.from(JSON.stringify([...values, cursorCheck(sortColumns, values)]), 'utf8').toString('base64url');
}

export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not one this list gave');
    this.name = 'InvalidCursorError';
  }
}

/** The sort values and id a cursor holds, for a list sorted by `sortColumns`; InvalidCursorError when it did not give it. */
export function decodeCursor(cursor: string, sortColumns: ReadonlyArray<string>): ColumnValue[] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === sortColumns.length + 2) {
      const values: unknown[] = decoded.slice(0, -1);
      if (values.every(isColumnValue) && decoded[decoded.length - 1] === cursorCheck(sortColumns, values))
        return values;
    }
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}

const isColumnValue = (value: unknown): value is ColumnValue =>
  value === null || typeof value === 'string' || typeof value === 'number';

function cursorCheck(sortColumns: ReadonlyArray<string>, values: ReadonlyArray<ColumnValue>): string {
  return createHash('sha256')
    .update(JSON.stringify([sortColumns, values]))
    .digest('base64url')
    .slice(0, 12);
}

/**
 * SELECT … for a page of documents (one more than the limit is read, to know whether a next page exists): their states,
 * or, given `columns`, those columns alone (with the id and the sort columns, which the cursor is made of).
 */
export function findDocumentsSql(
  projection: string,
  query: DocumentQuery,
  columns?: ReadonlyArray<string>,
): Sql & { sortColumns: string[] } {
  const orderBy = query.orderBy ?? [];
  const filters = [whereSql(query.where)];
  if (query.after !== undefined)
    filters.push(
      afterSql(
        orderBy,
        decodeCursor(
          query.after,
          orderBy.map(([column]) => column),
        ),
      ),
    );
  const where = joinSql(filters, ' AND ');
  const sortColumns = orderBy.map(([column]) => column);
  const shown = columns ? columns.map(checked) : ['position', 'updated_at', 'state'];
  const select = [...new Set(['id', ...shown, ...sortColumns])];
  const paging = query.after === undefined && query.offset ? ' OFFSET ?' : '';
  return {
    text: `SELECT ${select.join(', ')} FROM ${tableOf(projection)} WHERE ${where.text} ORDER BY ${orderSql(orderBy)} LIMIT ?${paging}`,
    params: [...where.params, query.limit + 1, ...(paging ? [query.offset ?? 0] : [])],
    sortColumns,
  };
}

/** `(?, ?), (?, ?)`: `rows` tuples of `width` placeholders, for multi-row VALUES and row-value IN lists. */
const tuples = (width: number, rows: number): string =>
  Array.from({ length: rows }, () => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(', ');

/** The columns of a document upsert, in parameter order. */
export const documentColumns = (columns: Columns): string[] => [
  'id',
  'position',
  'updated_at',
  'state',
  ...Object.keys(columns),
];

/**
 * A projection's statement text for a number of rows, made once: a rebuild asks for the same few texts (mostly
 * ROWS_PER_STATEMENT rows, ~1,200 placeholders) thousands of times.
 */
function madeOnce(make: (projection: Projection, rows: number) => string) {
  const made = new WeakMap<Projection, Map<number, string>>();
  return (projection: Projection, rows = 1): string => {
    let texts = made.get(projection);
    if (!texts) made.set(projection, (texts = new Map<number, string>()));
    let text = texts.get(rows);
    if (text === undefined) texts.set(rows, (text = make(projection, rows)));
    return text;
  };
}

/** Upserts `rows` documents (distinct ids) in one statement; parameters row after row in `documentColumns` order. */
export const upsertDocumentSql = madeOnce((projection, rows) => {
  const all = documentColumns(projection.columns);
  const updates = all.slice(1).map((c) => `${c} = excluded.${c}`);
  return `INSERT INTO ${tableOf(projection.name)} (${all.join(', ')}) VALUES ${tuples(all.length, rows)}
          ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`;
});

/** Inserts `rows` rows (a row already there for its position is left as it is). */
export const insertRowSql = madeOnce((projection, rows) => {
  const names = ['position', ...Object.keys(projection.columns)];
  return `INSERT INTO ${tableOf(projection.name)} (${names.join(', ')}) VALUES ${tuples(names.length, rows)}
          ON CONFLICT (position) DO NOTHING`;
});

/** Adds `rows` deltas (distinct counter, key and field), each `projection, counter, key, field, delta`. */
export const addToCounterSql = (rows = 1): string =>
  `INSERT INTO rm_counters (projection, counter, key, field, value) VALUES ${tuples(5, rows)}
  ON CONFLICT (counter, key, field) DO UPDATE SET value = rm_counters.value + excluded.value`;

/**
 * A counter field back at zero counts nothing: it is removed, so that live and rebuilt counters store the same rows.
 * `rows` fields, each `counter, key, field`.
 */
export const dropZeroCounterSql = (rows = 1): string =>
  rows === 1
    ? 'DELETE FROM rm_counters WHERE counter = ? AND key = ? AND field = ? AND value = 0'
    : `DELETE FROM rm_counters WHERE value = 0 AND (counter, key, field) IN (VALUES ${tuples(3, rows)})`;

export const SAVE_CHECKPOINT_SQL = `INSERT INTO rm_checkpoints (projection, position, version, updated_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (projection) DO UPDATE SET position = excluded.position, version = excluded.version, updated_at = excluded.updated_at`;
