/**
 * Where one log lives in a PostgreSQL database: its schema's tables, its notification channel and its lock. Several
 * logs (e.g. one per test) can share a database, each in a schema of its own.
 */
import { createHash } from 'crypto';

export const DEFAULT_SCHEMA = 'public';

export interface PostgresLogNames {
  schema: string;
  /** Schema-qualified, quoted table names, ready to be put in SQL. */
  eventsTable: string;
  /** LISTEN/NOTIFY channel on which commits to this log are announced. */
  commitChannel: string;
  /** The two int4 keys of the log's transaction-scoped advisory lock: every write to the log holds it. */
  lockKeys: [number, number];
}

/** "LEDG": the first key of every ledger log lock, so that other users of advisory locks are unlikely to collide. */
const LOG_LOCK_CLASS = 0x4c454447;
/** Unquoted-identifier shape, short enough that `<schema>_committed` fits PostgreSQL's 63-byte names. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

export function logNames(schema: string = DEFAULT_SCHEMA): PostgresLogNames {
  if (!SCHEMA_NAME.test(schema)) {
    throw new RangeError(
      `schema must be a lower-case identifier of at most 48 characters, got ${JSON.stringify(schema)}`,
    );
  }
  return {
    schema,
    eventsTable: `"${schema}".events`,
    commitChannel: `${schema}_committed`,
    lockKeys: [LOG_LOCK_CLASS, schemaLockKey(schema)],
  };
}

/** Stable across processes and PostgreSQL versions (unlike hashtext); two schemas sharing a key only wait for each other. */
function schemaLockKey(schema: string): number {
  return createHash('sha256').update(schema, 'utf8').digest().readInt32BE(0);
}
