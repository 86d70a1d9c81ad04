import type { Pool, PoolClient } from 'pg';
import type { PostgresLogNames } from './postgres.log-names';
import { beginUnderLogLock } from './postgres.statements';
import { takeConnection } from './postgres.taken-connection';

/**
 * Runs `work` in a transaction holding the log's advisory lock, on a connection of the pool, and commits; when anything
 * throws, rolls back and rethrows. The lock is transaction-scoped: PostgreSQL releases it at COMMIT or ROLLBACK, also
 * when the connection dies, so it can never be left held.
 */
export async function underLogLock<T>(
  pool: Pool,
  names: PostgresLogNames,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const { client, giveBack } = await takeConnection(pool);
  try {
    await client.query(beginUnderLogLock(names));
    const result = await work(client);
    await client.query('COMMIT');
    giveBack();
    return result;
  } catch (error) {
    const rolledBack = await client.query('ROLLBACK').then(
      () => true,
      () => false,
    );
    giveBack(!rolledBack); // a connection that cannot even roll back is discarded, not reused
    throw error;
  }
}
