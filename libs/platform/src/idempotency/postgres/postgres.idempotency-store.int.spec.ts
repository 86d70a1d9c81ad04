import { postgresForThisFile, uniqueName } from '@ledger/event-store/postgres/testing/embedded-postgres';
import { IdempotencyStore } from '../idempotency-store.port';
import { idempotencyStoreContract } from '../testing/idempotency-store.contract';
import { PostgresIdempotencyStore } from './postgres.idempotency-store';

const postgres = postgresForThisFile();

/** A schema per test, as the event store's would be. */
idempotencyStoreContract('PostgresIdempotencyStore', async () => {
  const schema = uniqueName('idem');
  const open = (holder?: string) =>
    PostgresIdempotencyStore.open({ connectionString: postgres.database, schema, holder });
  const stores: IdempotencyStore[] = [await open()];
  return {
    store: stores[0],
    openAnother: async (holder) => {
      stores.push(await open(holder));
      return stores[stores.length - 1];
    },
    cleanup: async () => {
      for (const store of stores) await store.close();
      await postgres.withClient((client) => client.query(`DROP SCHEMA "${schema}" CASCADE`));
    },
  };
});
