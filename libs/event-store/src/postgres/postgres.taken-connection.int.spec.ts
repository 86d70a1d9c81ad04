import { Client, Pool } from 'pg';
import { takeConnection } from './postgres.taken-connection';
import { postgresForThisFile } from './testing/embedded-postgres';

const postgres = postgresForThisFile();

describe('takeConnection: a connection taken from the pool for a while', () => {
  it('lost while taken, it fails its queries, is not reused, and does not end the process', async () => {
    const pool = new Pool({ connectionString: postgres.database, max: 1 });
    const killer = new Client({ connectionString: postgres.database });
    await killer.connect();
    try {
      const taken = await takeConnection(pool);
      const { rows } = await taken.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');

      await killer.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      // node-postgres emits 'error' on the client when the server closes it: an uncaught one would fail this test
      await new Promise<void>((resolve) => taken.client.once('end', resolve));
      await expect(taken.client.query('SELECT 1')).rejects.toThrow();
      taken.giveBack();

      expect(pool.totalCount).toBe(0); // discarded, not put back
      const next = await takeConnection(pool);
      expect((await next.client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      next.giveBack();
      expect(pool.idleCount).toBe(1);
    } finally {
      await killer.end();
      await pool.end();
    }
  });
});
