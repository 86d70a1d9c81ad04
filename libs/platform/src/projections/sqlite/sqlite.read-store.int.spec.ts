import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@ledger/event-store';
import { eventually } from '@ledger/event-store/contract/contract-fixtures';
import { ReadStore } from '../read-store.port';
import { projectionEngineContract } from '../testing/projection-engine.contract';
import { readStoreContract } from '../testing/read-store.contract';
import { plainDocuments, ReadStoreHarness } from '../testing/read-store.harness';
import { SqliteReadStore } from './sqlite.read-store';
import { applyWriterPragmas } from './sqlite.sql-runner';

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

describe('SqliteReadStore — the WAL of commits written on the calling thread', () => {
  const DOCS = plainDocuments('docs');
  const PAGE = 4096;
  let dir: string;
  let file: string;
  let store: SqliteReadStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'read-store-wal-'));
    file = join(dir, 'projections.sqlite');
    store = new SqliteReadStore(file);
    await store.prepare([DOCS]);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `count` transactions of one 2 KB document each, small enough (one event) to be written on this thread. */
  const commitOneByOne = async (from: number, count: number) => {
    for (let i = from; i < from + count; i++) {
      const doc = {
        id: `d${i}`,
        position: i,
        updatedAt: '2026-01-01T00:00:00.000Z',
        state: { note: 'x'.repeat(2000) },
      };
      await store.transaction((tx) => tx.saveDocuments(DOCS, [{ ...doc, columns: { label: 'l', amount: i } }]), {
        events: 1,
      });
    }
  };

  it('is checkpointed by the writer thread long before SQLite would on this thread (1,000 pages)', async () => {
    const before = statSync(file).size;
    await commitOneByOne(0, 100); // ~200 KB of documents: a few hundred pages, far below 1,000
    await eventually(
      () => statSync(file).size - before >= 100 * 2000,
      'the documents copied into projections.sqlite',
      5000,
    );
  });

  it('stays bounded under a steady stream of commits: the WAL starts over instead of growing', async () => {
    // 5,000 commits of ~6 pages each: ~130 MB of WAL if nothing started it over. The writer connection checkpoints
    // itself past 4,000 pages (16 MB); one that finds the checkpointer busy skips it, so the bound is loose.
    await commitOneByOne(0, 5000);
    expect(statSync(`${file}-wal`).size).toBeLessThan(10_000 * PAGE);
    expect(await store.countDocuments('docs')).toBe(5000);
  });
});

describe('SqliteReadStore — checkpoints read again only once a connection committed (PRAGMA data_version)', () => {
  it('answers the same map until a commit, its own or another process’s, moves one', async () => {
    const harness = await sqliteHarness();
    try {
      const { readStore } = harness;
      const other = await harness.openAnother();
      await readStore.prepare([plainDocuments('docs')]);
      await readStore.transaction(async (tx) => tx.saveCheckpoint('docs', { position: 1, version: 1 }));
      const first = await readStore.checkpoints();
      expect(first.get('docs')).toEqual({ position: 1, version: 1 });
      expect(await readStore.checkpoints()).toBe(first);

      await other.transaction(async (tx) => tx.saveCheckpoint('docs', { position: 2, version: 1 }));
      const moved = await readStore.checkpoints();
      expect(moved.get('docs')).toEqual({ position: 2, version: 1 });
      expect(await readStore.checkpoints()).toBe(moved);
      await readStore.transaction(async (tx) => tx.saveCheckpoint('docs', { position: 3, version: 1 }));
      expect((await readStore.checkpoints()).get('docs')).toEqual({ position: 3, version: 1 });
    } finally {
      await harness.cleanup();
    }
  });
});

describe('applyWriterPragmas — what every writer connection to projections.sqlite runs with', () => {
  it('keeps a statement journal in memory, not in a temporary file (temp_store = MEMORY)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-store-pragmas-'));
    const db = new Database(join(dir, 'projections.sqlite'));
    try {
      applyWriterPragmas(db);
      expect(db.pragma('temp_store', { simple: true })).toBe(2);
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
