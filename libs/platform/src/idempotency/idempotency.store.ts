import Database from 'better-sqlite3';

export interface SavedAnswer {
  fingerprint: string;
  status: number;
  body: unknown;
}

/** Answers given to requests that carried an Idempotency-Key, per actor and key. */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly findStatement: Database.Statement<[string, string]>;
  private readonly saveStatement: Database.Statement<[string, string, string, number, string, string]>;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      actor TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
      body TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (actor, key))`);
    this.findStatement = this.db.prepare(
      'SELECT fingerprint, status, body FROM idempotency_keys WHERE actor = ? AND key = ?',
    );
    this.saveStatement = this.db.prepare('INSERT OR IGNORE INTO idempotency_keys VALUES (?, ?, ?, ?, ?, ?)');
  }

  find(actor: string, key: string): SavedAnswer | undefined {
    const row = this.findStatement.get(actor, key) as { fingerprint: string; status: number; body: string } | undefined;
    return row && { fingerprint: row.fingerprint, status: row.status, body: JSON.parse(row.body) };
  }

  save(actor: string, key: string, answer: SavedAnswer): void {
    this.saveStatement.run(
      actor,
      key,
      answer.fingerprint,
      answer.status,
      JSON.stringify(answer.body ?? null),
      new Date().toISOString(),
    );
  }

  close(): void {
    this.db.close();
  }
}
