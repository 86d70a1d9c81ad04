import type { Database } from 'better-sqlite3';

/**
 * `position` is the rowid, so reads by position need no index; the UNIQUE constraints give the indices for reading a
 * stream by revision and for looking up an event id (idempotency). A stream's revision is its last event's, read from
 * the (stream_id, stream_revision) index: versions before 2026-12 also kept it in a `streams` table, written with every
 * append (a third statement a request, ~25 µs of the writer's time), which opening a file drops.
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
  DROP TABLE IF EXISTS streams;
`;

/** A stream's revision: its last event's (one step down the unique index), none when it has no events. */
export const STREAM_REVISION_SQL =
  'SELECT stream_revision FROM events WHERE stream_id = ? ORDER BY stream_revision DESC LIMIT 1';

/** Idempotent; runs under the write lock so two processes opening a new file at once do not race. */
export function ensureSchema(db: Database): void {
  db.transaction(() => db.exec(SCHEMA)).immediate();
}
