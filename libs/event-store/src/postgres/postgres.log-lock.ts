import type { Pool, PoolClient } from 'pg';
import type { PostgresLogNames } from './postgres.log-names';
import { beginUnderLogLock } from './postgres.statements';

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
  const client = await pool.connect();
  // Lost while taken, a connection's queries fail on their own, and node-postgres emits 'error' on it as well, which
  // with no listener (the pool's is off while a connection is taken) would end the process.
  const lost = () => undefined;
  client.on('error', lost);
  try {
    await client.query(beginUnderLogLock(names));
    const result = await work(client);
    await client.query('COMMIT');
    client.off('error', lost).release();
    return result;
  } catch (error) {
    const rolledBack = await client.query('ROLLBACK').then(
      () => true,
      () => false,
    );
    client.off('error', lost).release(!rolledBack); // a connection that cannot even roll back is discarded, not reused
    throw error;
  }
}
