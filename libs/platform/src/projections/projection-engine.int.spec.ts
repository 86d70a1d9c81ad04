import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore } from '@ledger/event-store';
import { ProjectionEngine } from './projection-engine';
import { Projector } from './projector';
import { openReadStore } from './read-store';

/** Counts events per stream; can be told to fail on one position a number of times. */
class CountingProjector implements Projector {
  readonly name = 'counting';
  failuresLeft = 0;
  failOn = -1;

  setup(db: Database.Database): void {
    db.exec(
      'CREATE TABLE IF NOT EXISTS counts (stream_id TEXT PRIMARY KEY, n INTEGER NOT NULL, positions TEXT NOT NULL)',
    );
  }
  drop(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS counts');
  }
  apply(event: RecordedEvent, db: Database.Database): void {
    if (event.position === this.failOn && this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error(`projector bug at ${event.position}`);
    }
    db.prepare(
      `INSERT INTO counts VALUES (?, 1, ?) ON CONFLICT (stream_id) DO UPDATE SET n = n + 1, positions = positions || ',' || excluded.positions`,
    ).run(event.streamId, String(event.position));
  }
}

const event = (i: number) => ({
  eventId: `e-${i}`,
  type: 'Ticked',
  data: { i },
  metadata: { actor: 't', correlationId: 'c', causationId: 'c', commandId: `c-${i}` },
});

describe('ProjectionEngine (real SQLite log and read store)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: Database.Database;
  let projector: CountingProjector;
  let engine: ProjectionEngine;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'engine-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    db = openReadStore(join(dir, 'projections.sqlite'));
    projector = new CountingProjector();
    engine = new ProjectionEngine(store, db, [projector]);
  });
  afterEach(async () => {
    await engine.stop();
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const positionsOf = () =>
    (db.prepare('SELECT positions FROM counts ORDER BY stream_id').all() as Array<{ positions: string }>)
      .flatMap((row) => row.positions.split(',').map(Number))
      .sort((a, b) => a - b);

  it('applies every event once, in one transaction with its checkpoint, under 8 concurrent writers', async () => {
    engine.start();
    await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        (async () => {
          for (let i = 0; i < 40; i++) await store.appendToStream(`s-${w}`, 'any', [event(w * 1000 + i)]);
        })(),
      ),
    );
    expect(await engine.waitFor(320, 5000)).toBe(true);
    expect(positionsOf()).toEqual(Array.from({ length: 320 }, (_, i) => i + 1));
    expect(db.prepare('SELECT position FROM projection_checkpoints WHERE projector = ?').get('counting')).toEqual({
      position: 320,
    });
  });

  it('a failing projector stops its batch, shows on health, retries, and skips nothing', async () => {
    for (let i = 1; i <= 10; i++) await store.appendToStream('s', 'any', [event(i)]);
    projector.failOn = 6;
    projector.failuresLeft = 2;
    engine.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(engine.health()).toMatchObject({ lastError: 'projector bug at 6', running: true });
    expect(await engine.waitFor(10, 5000)).toBe(true);
    expect(engine.health().lastError).toBeUndefined();
    expect(positionsOf()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('resumes from its checkpoint after a restart, neither repeating nor skipping', async () => {
    for (let i = 1; i <= 5; i++) await store.appendToStream('s', 'any', [event(i)]);
    engine.start();
    expect(await engine.waitFor(5, 5000)).toBe(true);
    await engine.stop();
    for (let i = 6; i <= 9; i++) await store.appendToStream('s', 'any', [event(i)]);
    const restarted = new ProjectionEngine(store, db, [projector]);
    restarted.start();
    expect(await restarted.waitFor(9, 5000)).toBe(true);
    await restarted.stop();
    expect(positionsOf()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('waitFor gives up after its timeout when the log has not reached the position', async () => {
    engine.start();
    expect(await engine.waitFor(1, 50)).toBe(false);
  });

  it('rebuild replays the log into fresh tables and ends identical', async () => {
    for (let i = 1; i <= 30; i++) await store.appendToStream(`s-${i % 3}`, 'any', [event(i)]);
    engine.start();
    expect(await engine.waitFor(30, 5000)).toBe(true);
    const before = db.prepare('SELECT * FROM counts ORDER BY stream_id').all();
    const progress: number[] = [];
    expect(await engine.rebuild((done) => progress.push(done))).toBe(30);
    expect(db.prepare('SELECT * FROM counts ORDER BY stream_id').all()).toEqual(before);
    expect(progress[progress.length - 1]).toBe(30);
    await store.appendToStream('s-0', 'any', [event(31)]);
    expect(await engine.waitFor(31, 5000)).toBe(true);
  });
});
