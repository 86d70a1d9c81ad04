/**
 * A connection taken from a pool for a while (a transaction, batches pipelined on it). Lost while taken — the server
 * restarted, the backend terminated —, its queries fail on their own, and node-postgres emits 'error' on the client as
 * well; the pool listens only while a connection is idle in it, so with no listener of ours that event would end the
 * process. Here it marks the connection to be discarded when given back instead of reused.
 */
import type { Pool, PoolClient } from 'pg';

export interface TakenConnection {
  client: PoolClient;
  /** Back to the pool; discarded instead when it was lost while taken, or when `discard` is given. */
  giveBack(this: void, discard?: Error | boolean): void;
}

export async function takeConnection(pool: Pool): Promise<TakenConnection> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onLost = (error: Error) => (lost ??= error);
  client.on('error', onLost);
  return {
    client,
    giveBack: (discard) => {
      client.off('error', onLost);
      client.release(lost ?? discard);
    },
  };
}

/**
 * Runs `work` in a transaction opened by `begin` (e.g. `BEGIN ISOLATION LEVEL READ COMMITTED`) on a connection taken
 * from the pool, and commits; when anything throws, rolls back and rethrows. A connection that cannot even roll back is
 * discarded, not reused.
 */
export async function inTransaction<T>(
  pool: Pool,
  begin: string,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const { client, giveBack } = await takeConnection(pool);
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    giveBack();
    return result;
  } catch (error) {
    const rolledBack = await client.query('ROLLBACK').then(
      () => true,
      () => false,
    );
    giveBack(!rolledBack);
    throw error;
  }
}
