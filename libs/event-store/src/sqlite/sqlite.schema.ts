import type { Database } from 'better-sqlite3';

/**
 * `position` is the rowid, so reads by position need no index; the UNIQUE constraints give the indices for reading a
 * stream by revision and for looking up an event id (idempotency).
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position        INTEGER PRIMARY KEY,
    stream_id       TEXT    NOT NULL,
    stream_revision INTEGER NOT NULL,
    event_id        TEXT    NOT NULL UNIQUE,
    type            TEXT    NOT NULL,
    schema_version  INTEGER NOT NULL,
    data            TEXT    NOT NULL,
    metadata        TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL,
    hash            TEXT    NOT NULL,
    UNIQUE (stream_id, stream_revision)
  );
  CREATE TABLE IF NOT EXISTS streams (
    stream_id TEXT    PRIMARY KEY,
    revision  INTEGER NOT NULL
  );
`;

/** Idempotent; runs under the write lock so two processes opening a new file at once do not race. */
export function ensureSchema(db: Database): void {
  db.transaction(() => db.exec(SCHEMA)).immediate();
}
