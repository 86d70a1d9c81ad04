import type { Pool, PoolClient } from 'pg';
import type { PostgresLogNames } from './postgres.log-names';
import { beginUnderLogLock } from './postgres.statements';
import { inTransaction } from './postgres.taken-connection';

/**
 * Runs `work` in a transaction holding the log's advisory lock, on a connection of the pool, and commits; when anything
 * throws, rolls back and rethrows. The lock is transaction-scoped: PostgreSQL releases it at COMMIT or ROLLBACK, also
 * when the connection dies, so it can never be left held.
 */
export function underLogLock<T>(
  pool: Pool,
  names: PostgresLogNames,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  return inTransaction(pool, beginUnderLogLock(names), work);
}
