/**
 * The log exactly as the SQLite store keeps it, row by row (data and metadata as their stored JSON text, so the hash
 * chain verifies), to write a committed fixture and to load it into a fresh store file.
 */
import Database from 'better-sqlite3';
import { ensureSchema } from '@ledger/event-store/sqlite/sqlite.schema';

export interface RawEventRow {
  position: number;
  stream_id: string;
  stream_revision: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
  hash: string;
}

export function readRawLog(file: string): RawEventRow[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT * FROM events ORDER BY position').all() as RawEventRow[];
  } finally {
    db.close();
  }
}

/**
 * Writes the rows into a new events file as an older version of the ledger left them: with the `streams` table of
 * revisions those versions kept (today's store reads revisions from the events and drops it on opening).
 */
export function writeRawLog(file: string, rows: RawEventRow[]): void {
  const db = new Database(file);
  try {
    ensureSchema(db);
    db.exec('CREATE TABLE streams (stream_id TEXT PRIMARY KEY, revision INTEGER NOT NULL)');
    const insert = db.prepare(
      `INSERT INTO events (position, stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at, hash)
       VALUES (@position, @stream_id, @stream_revision, @event_id, @type, @schema_version, @data, @metadata, @recorded_at, @hash)`,
    );
    const stream = db.prepare(
      'INSERT INTO streams (stream_id, revision) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision',
    );
    db.transaction(() => {
      for (const row of rows) {
        insert.run(row);
        stream.run(row.stream_id, row.stream_revision);
      }
    })();
  } finally {
    db.close();
  }
}
