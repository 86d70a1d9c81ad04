import Database from 'better-sqlite3';
import { claimHolderIsGone, newClaimToken, THIS_PROCESS } from '../claim-holder';
import { IdempotencyClaim, IdempotencyStore, SavedAnswer } from '../idempotency-store.port';

interface AnswerRow {
  fingerprint: string;
  status: number;
  body: string;
}

const answerOf = (row: AnswerRow): SavedAnswer => ({
  fingerprint: row.fingerprint,
  status: row.status,
  body: JSON.parse(row.body),
});

/**
 * The embedded default: `idempotency.sqlite` in the data directory (WAL, synchronous=FULL). Each operation is one
 * SQLite transaction, so processes sharing the file see claims and answers whole.
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly db: Database.Database;
  private readonly statements: {
    answer: Database.Statement<[string, string]>;
    claim: Database.Statement<[string, string, string, string, number, number]>;
    heldBy: Database.Statement<[string, string]>;
    takeOver: Database.Statement<[string, string, number, string, string, string]>;
    saveAnswer: Database.Statement<[string, string, string, number, string, string]>;
    endClaim: Database.Statement<[string, string, string]>;
  };

  /** `holder`: who this store's claims name (claim-holder.ts); this process unless a test plays another. */
  constructor(
    file: string,
    private readonly holder: string = THIS_PROCESS,
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      actor TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
      body TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (actor, key))`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_claims (
      actor TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, token TEXT NOT NULL,
      claimed_at INTEGER NOT NULL, PRIMARY KEY (actor, key))`);
    this.statements = {
      answer: this.db.prepare('SELECT fingerprint, status, body FROM idempotency_keys WHERE actor = ? AND key = ?'),
      claim: this.db.prepare(`INSERT INTO idempotency_claims (actor, key, fingerprint, token, claimed_at)
        VALUES (?, ?, ?, ?, ?) ON CONFLICT (actor, key) DO UPDATE SET fingerprint = excluded.fingerprint,
        token = excluded.token, claimed_at = excluded.claimed_at WHERE idempotency_claims.claimed_at < ?`),
      heldBy: this.db.prepare('SELECT fingerprint, token FROM idempotency_claims WHERE actor = ? AND key = ?'),
      takeOver: this.db.prepare(`UPDATE idempotency_claims SET fingerprint = ?, token = ?, claimed_at = ?
        WHERE actor = ? AND key = ? AND token = ?`),
      saveAnswer: this.db.prepare('INSERT OR IGNORE INTO idempotency_keys VALUES (?, ?, ?, ?, ?, ?)'),
      endClaim: this.db.prepare('DELETE FROM idempotency_claims WHERE actor = ? AND key = ? AND token = ?'),
    };
  }

  async claim(actor: string, key: string, fingerprint: string, staleAfterMs: number): Promise<IdempotencyClaim> {
    return this.db
      .transaction((): IdempotencyClaim => {
        const answered = this.statements.answer.get(actor, key) as AnswerRow | undefined;
        if (answered) return { outcome: 'answered', answer: answerOf(answered) };
        const token = newClaimToken(this.holder);
        const now = Date.now();
        if (this.statements.claim.run(actor, key, fingerprint, token, now, now - staleAfterMs).changes > 0)
          return { outcome: 'claimed', token };
        const held = this.statements.heldBy.get(actor, key) as { fingerprint: string; token: string } | undefined;
        if (held && claimHolderIsGone(held.token, this.holder)) {
          this.statements.takeOver.run(fingerprint, token, now, actor, key, held.token);
          return { outcome: 'claimed', token }; // in this transaction no one else can have taken it meanwhile
        }
        return { outcome: 'in-flight', fingerprint: held?.fingerprint };
      })
      .immediate();
  }

  async save(actor: string, key: string, token: string, answer: SavedAnswer): Promise<void> {
    this.db
      .transaction(() => {
        this.statements.saveAnswer.run(
          actor,
          key,
          answer.fingerprint,
          answer.status,
          JSON.stringify(answer.body ?? null),
          new Date().toISOString(),
        );
        this.statements.endClaim.run(actor, key, token);
      })
      .immediate();
  }

  async release(actor: string, key: string, token: string): Promise<void> {
    this.statements.endClaim.run(actor, key, token);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
