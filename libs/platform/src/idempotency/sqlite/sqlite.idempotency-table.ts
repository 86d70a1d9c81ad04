/**
 * The idempotency tables of `idempotency.sqlite` and what is done to them, on one connection (the store's thread):
 * operations sent together are applied by one transaction, in order, so one fsync makes them all durable.
 */
import Database from 'better-sqlite3';
import { applyDurablePragmas } from '@ledger/event-store/sqlite/sqlite.pragmas';
import { claimHolderIsGone } from '../claim-holder';
import type {
  ClaimOperation,
  IdempotencyOperation,
  OperationResult,
  SaveOperation,
} from './sqlite.idempotency-protocol';

interface AnswerRow {
  fingerprint: string;
  status: number;
  body: string;
}

export class IdempotencyTable {
  private readonly db: Database.Database;
  private readonly statements: {
    answer: Database.Statement<[string, string]>;
    claim: Database.Statement<[string, string, string, string, number, number]>;
    heldBy: Database.Statement<[string, string]>;
    takeOver: Database.Statement<[string, string, number, string, string, string]>;
    saveAnswer: Database.Statement<[string, string, string, number, string, string]>;
    endClaim: Database.Statement<[string, string, string]>;
  };
  private readonly applyAll: (operations: IdempotencyOperation[]) => OperationResult[];
  /** Whether the connection syncs at commit (synchronous=FULL) or leaves it to the WAL's checkpoint (NORMAL). */
  private syncing = true;

  constructor(file: string) {
    this.db = new Database(file);
    applyDurablePragmas(this.db); // as the log's: WAL, synchronous=FULL, a 5 s busy timeout
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
    const applyAll = this.db.transaction((operations: IdempotencyOperation[]) =>
      operations.map((operation) => this.apply(operation)),
    );
    // IMMEDIATE: the write lock first, so that a claim's read and its write see no other process's claim between them.
    this.applyAll = (operations) => applyAll.immediate(operations);
  }

  /**
   * The operations' results, in order; throws, with nothing applied, when the transaction fails.
   *
   * Only an answer must outlast the machine: its transaction syncs the disk before it is answered (synchronous=FULL).
   * A claim or its release guards a request while its process runs, so a transaction of those alone is committed
   * without the sync (NORMAL: in the WAL, seen by every process, kept if this one dies; lost with the machine only,
   * and then so is the request it guarded, whose retry claims the key again and derives the same command id). A keyed
   * request thus waits for one sync, not two.
   */
  applyTogether(operations: IdempotencyOperation[]): OperationResult[] {
    const durable = operations.some((operation) => operation.op === 'save');
    if (durable !== this.syncing) {
      this.db.pragma(`synchronous = ${durable ? 'FULL' : 'NORMAL'}`);
      this.syncing = durable;
    }
    return this.applyAll(operations);
  }

  close(): void {
    this.db.close();
  }

  private apply(operation: IdempotencyOperation): OperationResult {
    switch (operation.op) {
      case 'claim':
        return this.claim(operation);
      case 'save':
        this.save(operation);
        return { outcome: 'done' };
      case 'release':
        this.statements.endClaim.run(operation.actor, operation.key, operation.token);
        return { outcome: 'done' };
    }
  }

  private claim({ actor, key, fingerprint, token, holder, now, staleBefore }: ClaimOperation): OperationResult {
    const answered = this.statements.answer.get(actor, key) as AnswerRow | undefined;
    if (answered) {
      return {
        outcome: 'answered',
        fingerprint: answered.fingerprint,
        status: answered.status,
        bodyJson: answered.body,
      };
    }
    if (this.statements.claim.run(actor, key, fingerprint, token, now, staleBefore).changes > 0) {
      return { outcome: 'claimed', token };
    }
    const held = this.statements.heldBy.get(actor, key) as { fingerprint: string; token: string } | undefined;
    if (held && claimHolderIsGone(held.token, holder)) {
      this.statements.takeOver.run(fingerprint, token, now, actor, key, held.token);
      return { outcome: 'claimed', token }; // in this transaction no one else can have taken it meanwhile
    }
    return held ? { outcome: 'in-flight', fingerprint: held.fingerprint } : { outcome: 'in-flight' };
  }

  private save({ actor, key, token, fingerprint, status, bodyJson, savedAt }: SaveOperation): void {
    this.statements.saveAnswer.run(actor, key, fingerprint, status, bodyJson, savedAt);
    this.statements.endClaim.run(actor, key, token);
  }
}
