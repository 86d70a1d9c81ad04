import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { ChangeFeed, ChangeFeedEntry } from '../change-feed';
import { ProjectionEngine } from '../projection-engine';
import { ReadStore } from '../read-store.port';
import { anEvent, tallyProjection } from '../testing/read-store.harness';
import { SqliteReadStore } from './sqlite.read-store';

/**
 * Review of the change feed's bounded catch-up: a subscription whose fromPosition lies above where its kind's read
 * model stood when it began. The changes that arrive during its catch-up are told if past the bound — and those
 * between the bound and fromPosition are older than what was asked for.
 */
describe('the change feed from a position above its kind’s bound (SQLite)', () => {
  let dir: string;
  let eventStore: SqliteEventStore;
  let readStore: SqliteReadStore;
  let engine: ProjectionEngine;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'change-feed-bound-'));
    eventStore = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    readStore = new SqliteReadStore(join(dir, 'projections.sqlite'));
    engine = new ProjectionEngine(eventStore, readStore, [tallyProjection('tally')], { retryDelayMs: 20 });
  });
  afterEach(async () => {
    await engine.stop();
    await eventStore.close();
    await readStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells no change older than fromPosition, also of those recorded while the catch-up reads', async () => {
    await engine.start();
    for (let i = 1; i <= 10; i++) await eventStore.appendToStream(`s-${i}`, 'any', [anEvent(i)]);
    expect(await engine.waitFor(10, 5000)).toBe('reached');

    // The same SQLite read store; its first catch-up read waits until events 11…20 are applied.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: ReadStore = Object.create(readStore, {
      findDocuments: {
        value: async (...args: Parameters<ReadStore['findDocuments']>) => {
          await gate;
          return readStore.findDocuments(...args);
        },
      },
    });
    const feed = new ChangeFeed(engine, slow, [{ kind: 'tally', projection: 'tally' }]);
    const seen: ChangeFeedEntry[] = [];
    feed.subscribe((entry) => seen.push(entry), { fromPosition: 15 });

    for (let i = 11; i <= 20; i++) await eventStore.appendToStream(`s-${i}`, 'any', [anEvent(i)]);
    expect(await engine.waitFor(20, 5000)).toBe('reached');
    release();
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(seen.map((e) => e.position)).toEqual([15, 16, 17, 18, 19, 20]);
  });
});
