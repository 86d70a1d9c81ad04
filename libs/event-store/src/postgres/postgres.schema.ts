import type { ClientBase, Pool } from 'pg';
import { logNames, PostgresLogNames } from './postgres.log-names';
import { underLogLock } from './postgres.log-lock';

/**
 * The log's tables. `data` and `metadata` are `text`, not `jsonb`: the hash chain covers the exact JSON text the store
 * keeps, and jsonb would re-serialise it (key order, whitespace, number formats). `recorded_at` is the ISO text that
 * was hashed, for the same reason. `position` is assigned by the writer under the log lock, never by a sequence (see
 * postgres.batch-writer.ts). The UNIQUE constraints give the indices for reading a stream and for idempotency; a
 * stream's revision is its last event's, from the (stream_id, stream_revision) index. Versions before 2026-12 also kept
 * revisions in a `streams` table, written with every batch: a log they left keeps it, neither read nor written, and
 * not dropped here, as `public.streams` could be someone else's table; drop it by hand once no such version writes
 * (one that still does refuses appends to streams this version wrote since, and the unique (stream_id,
 * stream_revision) keeps it from writing a revision twice, whatever its table says).
 *
 * Two choices for the server's CPU, for logs created from now on (a log created before keeps its table as it was, and
 * reads and writes alike; both are `ALTER TABLE`-able by hand):
 * - ids are `COLLATE "C"`: they are only ever compared for equality, which is byte equality under any deterministic
 *   collation, and "C" compares bytes (memcmp) where a database's locale (en_US.UTF-8, C.UTF-8) calls strcoll on every
 *   comparison of the indexes' searches and inserts.
 * - `toast_tuple_target = 8160`: an event up to ~8 KB is stored as it is, not compressed. By default a row over 2 KB
 *   is compressed (pglz) on insert and decompressed on every read: 10% of the server's CPU in the SLW-1 bench, whose
 *   grants are 2.4 KB. The cost is disk and WAL: such rows take about twice the space.
 */
function schemaStatements({ schema, eventsTable }: PostgresLogNames): string {
  return `
    CREATE SCHEMA IF NOT EXISTS "${schema}";
    CREATE TABLE IF NOT EXISTS ${eventsTable} (
      position        bigint  PRIMARY KEY CHECK (position > 0),
      stream_id       text    COLLATE "C" NOT NULL,
      stream_revision bigint  NOT NULL CHECK (stream_revision >= 0),
      event_id        text    COLLATE "C" NOT NULL UNIQUE,
      type            text    NOT NULL,
      schema_version  integer NOT NULL,
      data            text    NOT NULL,
      metadata        text    NOT NULL,
      recorded_at     text    NOT NULL,
      hash            text    NOT NULL,
      UNIQUE (stream_id, stream_revision)
    ) WITH (toast_tuple_target = 8160);`;
}

/**
 * Idempotent. Runs under the log lock: two processes running CREATE ... IF NOT EXISTS at the same moment can otherwise
 * both try to create the table, and one fails on a catalogue unique index.
 */
export async function ensureSchema(pool: Pool, names: PostgresLogNames): Promise<void> {
  await underLogLock(pool, names, async (client) => {
    await client.query(schemaStatements(names));
  });
}

/**
 * For tables kept beside the log in its schema (read models, Idempotency-Key answers): creates the schema, within the
 * caller's transaction, under the log lock — the lock `ensureSchema` creates it under —, so that processes opening
 * the log and those other stores at the same moment never race to create it (CREATE SCHEMA IF NOT EXISTS is not safe
 * against a concurrent one). The lock is held to the caller's COMMIT: keep that transaction short.
 */
export async function createLogSchema(client: ClientBase, schema: string): Promise<void> {
  const { lockKeys } = logNames(schema);
  await client.query('SELECT pg_advisory_xact_lock($1, $2)', lockKeys);
  await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
}
