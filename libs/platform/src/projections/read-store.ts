import Database from 'better-sqlite3';

/**
 * The read models' SQLite file, apart from the event log so projections never contend with appends for a lock.
 * synchronous=NORMAL: a read model can always be rebuilt from the log, and its checkpoint lives in the same
 * transaction as its rows, so a lost last transaction is simply projected again.
 */
export function openReadStore(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
    projector TEXT PRIMARY KEY, position INTEGER NOT NULL, updated_at TEXT NOT NULL)`);
  return db;
}
