import type { ClientBase, Pool } from 'pg';
import { logNames, PostgresLogNames } from './postgres.log-names';
import { underLogLock } from './postgres.log-lock';

/**
 * The log's tables. `data` and `metadata` are `text`, not `jsonb`: the hash chain covers the exact JSON text the store
 * keeps, and jsonb would re-serialise it (key order, whitespace, number formats). `recorded_at` is the ISO text that
 * was hashed, for the same reason. `position` is assigned by the writer under the log lock, never by a sequence (see
 * postgres.batch-writer.ts). The UNIQUE constraints give the indices for reading a stream and for idempotency.
 */
function schemaStatements({ schema, eventsTable, streamsTable }: PostgresLogNames): string {
  return `
    CREATE SCHEMA IF NOT EXISTS "${schema}";
    CREATE TABLE IF NOT EXISTS ${eventsTable} (
      position        bigint  PRIMARY KEY CHECK (position > 0),
      stream_id       text    NOT NULL,
      stream_revision bigint  NOT NULL CHECK (stream_revision >= 0),
      event_id        text    NOT NULL UNIQUE,
      type            text    NOT NULL,
      schema_version  integer NOT NULL,
      data            text    NOT NULL,
      metadata        text    NOT NULL,
      recorded_at     text    NOT NULL,
      hash            text    NOT NULL,
      UNIQUE (stream_id, stream_revision)
    );
    CREATE TABLE IF NOT EXISTS ${streamsTable} (
      stream_id text   PRIMARY KEY,
      revision  bigint NOT NULL
    );`;
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
