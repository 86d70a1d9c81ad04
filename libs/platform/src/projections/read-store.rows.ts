/** Rows as both read-store adapters read them back, turned into what the port answers. */
import { ColumnValue } from './projection';
import { ColumnsPage, CounterRow, DocumentPage, StoredDocument } from './read-store.port';
import { encodeCursor } from './read-store.sql';

export interface DocumentRow {
  id: string;
  position: number;
  updated_at: string;
  state: string;
  [column: string]: ColumnValue;
}

export const documentOf = <State>(row: DocumentRow): StoredDocument<State> => ({
  id: row.id,
  position: row.position,
  updatedAt: row.updated_at,
  state: JSON.parse(row.state) as State,
});

/** Counter rows by key (fields at zero are not stored); a key whose values are all zero is left out. */
export function groupCounters(rows: Array<{ key: string; field: string; value: number | string }>): CounterRow[] {
  const byKey = new Map<string, Record<string, number>>();
  for (const { key, field, value } of rows) {
    const values = byKey.get(key) ?? {};
    values[field] = Number(value);
    byKey.set(key, values);
  }
  return [...byKey]
    .filter(([, values]) => Object.values(values).some((v) => v !== 0))
    .map(([key, values]) => ({ key: JSON.parse(key) as Array<string | number>, values }));
}

/** A page of column rows read with one row more than the limit: the rows, and the next cursor when there is more. */
export function pageOf(rows: ColumnsPage['rows'], limit: number, sortColumns: ReadonlyArray<string>): ColumnsPage {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    ...(rows.length > limit &&
      last !== undefined && { next: encodeCursor(sortColumns, [...sortColumns.map((c) => last[c]), last.id]) }),
  };
}

/** A page of documents read with one row more than the limit: the documents, and the next cursor when there is more. */
export function documentPageOf<State>(
  rows: DocumentRow[],
  limit: number,
  sortColumns: ReadonlyArray<string>,
): DocumentPage<State> {
  const { rows: page, next } = pageOf(rows, limit, sortColumns);
  return { documents: page.map((row) => documentOf<State>(row as DocumentRow)), ...(next !== undefined && { next }) };
}
