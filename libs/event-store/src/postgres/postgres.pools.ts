/**
 * The store's connections: a pool for reads, and one connection in pipeline mode for the batches' transactions (see
 * postgres.batch-writer.ts), apart from the reads so that a write never waits for a connection of the pool.
 */
import { Pool, PoolConfig } from 'pg';

export interface PostgresPools {
  reads: Pool;
  writes: Pool;
}

export function openPools(connectionString: string, readConnections: number): PostgresPools {
  return {
    reads: pool({ connectionString, max: readConnections }),
    writes: pool({ connectionString, max: 1, pipeline: true }),
  };
}

export async function endPools({ reads, writes }: PostgresPools): Promise<void> {
  await Promise.all([reads.end(), writes.end()]);
}

function pool(config: PoolConfig): Pool {
  const created = new Pool(config);
  // An idle connection that the server drops is removed from the pool, and the next query opens another; without a
  // listener the 'error' event would crash the process.
  created.on('error', () => undefined);
  return created;
}
