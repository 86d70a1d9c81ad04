import { Pool } from 'pg';
import { createLogSchema, inTransaction } from '@ledger/event-store';
import { claimHolderIsGone, newClaimToken, THIS_PROCESS } from '../claim-holder';
import { IdempotencyClaim, IdempotencyStore, SavedAnswer } from '../idempotency-store.port';

export interface PostgresIdempotencyStoreOptions {
  /** The event store's database. */
  connectionString: string;
  /** The event store's schema (default `public`): the tables sit beside the log's. */
  schema?: string;
  poolSize?: number;
  /** Who this store's claims name (claim-holder.ts): this process unless a test plays another. */
  holder?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

interface AnswerRow {
  fingerprint: string;
  status: number;
  body: string;
}

/**
 * Idempotency-Key answers in the event store's PostgreSQL database, shared by every command process on it. Claims use
 * the database's clock (`clock_timestamp()`), so processes on hosts whose clocks differ agree on which claim is stale.
 */
export class PostgresIdempotencyStore implements IdempotencyStore {
  static async open(options: PostgresIdempotencyStoreOptions): Promise<PostgresIdempotencyStore> {
    const schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(schema)) throw new RangeError(`not a schema name: ${JSON.stringify(schema)}`);
    const pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 4 });
    pool.on('error', () => undefined);
    // Under the log lock (taken by createLogSchema, held to COMMIT): no other process creates these tables meanwhile.
    await inTransaction(pool, 'BEGIN', async (client) => {
      await createLogSchema(client, schema);
      await client.query(`CREATE TABLE IF NOT EXISTS "${schema}".idempotency_keys (
          actor text NOT NULL, key text NOT NULL, fingerprint text NOT NULL, status integer NOT NULL,
          body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (actor, key));
        CREATE TABLE IF NOT EXISTS "${schema}".idempotency_claims (
          actor text NOT NULL, key text NOT NULL, fingerprint text NOT NULL, token text NOT NULL,
          claimed_at timestamptz NOT NULL, PRIMARY KEY (actor, key));`);
    }).catch(async (error: unknown) => {
      await pool.end();
      throw error;
    });
    return new PostgresIdempotencyStore(
      pool,
      `"${schema}".idempotency_keys`,
      `"${schema}".idempotency_claims`,
      options.holder ?? THIS_PROCESS,
    );
  }

  private constructor(
    private readonly pool: Pool,
    private readonly answers: string,
    private readonly claims: string,
    private readonly holder: string,
  ) {}

  async claim(actor: string, key: string, fingerprint: string, staleAfterMs: number): Promise<IdempotencyClaim> {
    const answered = await this.answer(actor, key);
    if (answered) return { outcome: 'answered', answer: answered };
    const token = newClaimToken(this.holder);
    const claimed = await this.pool.query(
      `INSERT INTO ${this.claims} AS held (actor, key, fingerprint, token, claimed_at)
       VALUES ($1, $2, $3, $4, clock_timestamp())
       ON CONFLICT (actor, key) DO UPDATE SET fingerprint = excluded.fingerprint, token = excluded.token,
         claimed_at = excluded.claimed_at
       WHERE held.claimed_at < clock_timestamp() - $5 * interval '1 millisecond'
       RETURNING token`,
      [actor, key, fingerprint, token, staleAfterMs],
    );
    if (claimed.rowCount === 1) {
      // Answered between the first look and the claim (its holder saved and ended its claim in one statement)?
      const late = await this.answer(actor, key);
      if (!late) return { outcome: 'claimed', token };
      await this.release(actor, key, token);
      return { outcome: 'answered', answer: late };
    }
    const held = (
      await this.pool.query<{ fingerprint: string; token: string }>(
        `SELECT fingerprint, token FROM ${this.claims} WHERE actor = $1 AND key = $2`,
        [actor, key],
      )
    ).rows[0];
    if (held && claimHolderIsGone(held.token, this.holder)) {
      // Only if the claim is still the gone holder's: of two processes taking it over at once, one does.
      const taken = await this.pool.query(
        `UPDATE ${this.claims} SET fingerprint = $3, token = $4, claimed_at = clock_timestamp()
         WHERE actor = $1 AND key = $2 AND token = $5`,
        [actor, key, fingerprint, token, held.token],
      );
      if (taken.rowCount === 1) return { outcome: 'claimed', token };
    }
    return { outcome: 'in-flight', fingerprint: held?.fingerprint };
  }

  async save(actor: string, key: string, token: string, answer: SavedAnswer): Promise<void> {
    // One statement, so the answer appears and the claim ends at once.
    await this.pool.query(
      `WITH saved AS (
         INSERT INTO ${this.answers} (actor, key, fingerprint, status, body) VALUES ($1, $2, $4, $5, $6)
         ON CONFLICT (actor, key) DO NOTHING)
       DELETE FROM ${this.claims} WHERE actor = $1 AND key = $2 AND token = $3`,
      [actor, key, token, answer.fingerprint, answer.status, JSON.stringify(answer.body ?? null)],
    );
  }

  async release(actor: string, key: string, token: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.claims} WHERE actor = $1 AND key = $2 AND token = $3`, [
      actor,
      key,
      token,
    ]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async answer(actor: string, key: string): Promise<SavedAnswer | undefined> {
    const { rows } = await this.pool.query<AnswerRow>(
      `SELECT fingerprint, status, body FROM ${this.answers} WHERE actor = $1 AND key = $2`,
      [actor, key],
    );
    const row = rows[0];
    return row && { fingerprint: row.fingerprint, status: row.status, body: JSON.parse(row.body) };
  }
}
