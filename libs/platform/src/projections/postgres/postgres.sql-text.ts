/**
 * The read-store SQL (read-store.sql.ts, `?` placeholders) as node-postgres takes it: `$1, $2, …`, and parameters
 * PostgreSQL's text can hold.
 */
import { ColumnValue } from '../projection';

const numbered = new Map<string, string>();
const CACHE_LIMIT = 1000;

/** `?` → `$n`, left to right, outside quoted names and string literals. */
export function numberPlaceholders(sql: string): string {
  const cached = numbered.get(sql);
  if (cached !== undefined) return cached;
  let n = 0;
  let quote: string | undefined;
  let out = '';
  for (const c of sql) {
    if (quote) {
      if (c === quote) quote = undefined;
      out += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else out += c === '?' ? `$${++n}` : c;
  }
  if (numbered.size >= CACHE_LIMIT) numbered.clear();
  numbered.set(sql, out);
  return out;
}

/**
 * PostgreSQL's text cannot hold U+0000 (SQLite's can): in a column value or a filter it becomes U+FFFD, in writes and
 * reads alike, so a filter still finds what was written. Documents' states are JSON text, where U+0000 is escaped.
 */
export const storableParam = (value: ColumnValue): ColumnValue =>
  typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
