import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { ReadStore } from '../read-store.port';
import { projectionEngineContract } from '../testing/projection-engine.contract';
import { readStoreContract } from '../testing/read-store.contract';
import { ReadStoreHarness } from '../testing/read-store.harness';
import { SqliteReadStore } from './sqlite.read-store';

/** A fresh data directory per test: the log and projections.sqlite beside it, as the ledger keeps them. */
async function sqliteHarness(): Promise<ReadStoreHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'read-store-'));
  const file = join(dir, 'projections.sqlite');
  const eventStore = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
  const readStore = new SqliteReadStore(file);
  const others: ReadStore[] = [];
  return {
    eventStore,
    readStore,
    openAnother: async () => {
      const other = new SqliteReadStore(file);
      others.push(other);
      return other;
    },
    cleanup: async () => {
      await eventStore.close();
      for (const store of [readStore, ...others]) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

readStoreContract('SqliteReadStore', sqliteHarness);
projectionEngineContract('SqliteReadStore', sqliteHarness);
