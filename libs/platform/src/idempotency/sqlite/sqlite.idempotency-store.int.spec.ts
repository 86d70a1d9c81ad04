import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdempotencyStore } from '../idempotency-store.port';
import { idempotencyStoreContract } from '../testing/idempotency-store.contract';
import { SqliteIdempotencyStore } from './sqlite.idempotency-store';

idempotencyStoreContract('SqliteIdempotencyStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
  const file = join(dir, 'idempotency.sqlite');
  const stores: IdempotencyStore[] = [await SqliteIdempotencyStore.open(file)];
  return {
    store: stores[0],
    openAnother: async (holder) => {
      stores.push(await SqliteIdempotencyStore.open(file, holder));
      return stores[stores.length - 1];
    },
    cleanup: async () => {
      for (const store of stores) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
