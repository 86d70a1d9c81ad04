import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore } from '@ledger/event-store';
import { documentProjection, Projection, ReadModelChange } from './projection';
import { ProjectionEngine } from './projection-engine';
import { SqliteReadStore } from './sqlite/sqlite.read-store';

interface Tally {
  stream: string;
  positions: number[];
  parity: 'even' | 'odd';
}

/** Counts events per stream (a document per stream); can be told to fail on one position. */
function tallyProjection(
  name: string,
  options: { failOn?: () => number | undefined; version?: number } = {},
): Projection {
  return documentProjection<Tally>({
    name,
    version: options.version ?? 1,
    columns: { parity: 'text', events: 'integer' },
    indexes: [['parity']],
    documentOf: (event) => event.streamId,
    initialState: (stream) => ({ stream, positions: [], parity: 'even' }),
    evolve: (state, event) => {
      if (options.failOn?.() === event.position) throw new Error(`projection bug at ${event.position}`);
      const positions = [...state.positions, event.position];
      return { ...state, positions, parity: positions.length % 2 === 0 ? 'even' : 'odd' };
    },
    exists: () => true,
    columnsOf: (state) => ({ parity: state.parity, events: state.positions.length }),
    countersOf: (state) => [
      { counter: `${name}-by-parity`, key: [state.parity], values: { streams: 1, events: state.positions.length } },
    ],
  });
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
  let readStore: SqliteReadStore;
  const engines: ProjectionEngine[] = [];
  const engineFor = (projections: Projection[], options = {}) => {
    const engine = new ProjectionEngine(store, readStore, projections, { retryDelayMs: 20, ...options });
    engines.push(engine);
    return engine;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'engine-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    readStore = new SqliteReadStore(join(dir, 'projections.sqlite'));
  });
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    await store.close();
    await readStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const positionsOf = async (name: string) =>
    (await readStore.findDocuments<Tally>(name, { limit: 1000 })).documents
      .flatMap((d) => d.state.positions)
      .sort((a, b) => a - b);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('applies every event once, with its checkpoint, under 8 concurrent writers', async () => {
    const engine = engineFor([tallyProjection('tally')]);
    await engine.start();
    await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        (async () => {
          for (let i = 0; i < 40; i++) await store.appendToStream(`s-${w}`, 'any', [event(w * 1000 + i)]);
        })(),
      ),
    );
    expect(await engine.waitFor(320, 5000)).toBe('reached');
    expect(await positionsOf('tally')).toEqual(range(1, 320));
    expect((await readStore.checkpoints()).get('tally')).toEqual({ position: 320, version: 1 });
  });

  it('keeps counters incrementally: a document moves from one key to another', async () => {
    const engine = engineFor([tallyProjection('tally')]);
    await engine.start();
    for (let i = 1; i <= 5; i++) await store.appendToStream(i <= 3 ? 'a' : 'b', 'any', [event(i)]);
    expect(await engine.waitFor(5, 5000)).toBe('reached');
    // a: 3 events (odd), b: 2 events (even)
    expect(await readStore.counters('tally-by-parity')).toEqual([
      { key: ['even'], values: { events: 2, streams: 1 } },
      { key: ['odd'], values: { events: 3, streams: 1 } },
    ]);
    await store.appendToStream('b', 'any', [event(6)]);
    expect(await engine.waitFor(6, 5000)).toBe('reached');
    expect(await readStore.counters('tally-by-parity')).toEqual([{ key: ['odd'], values: { events: 6, streams: 2 } }]);
    expect(await readStore.countDocuments('tally', { parity: 'odd' })).toBe(2);
  });

  it('a failing projection is retried, then stopped alone: the others go on, health names it, waits on it fail fast', async () => {
    for (let i = 1; i <= 10; i++) await store.appendToStream('s', 'any', [event(i)]);
    const engine = engineFor([tallyProjection('broken', { failOn: () => 6 }), tallyProjection('sound')], {
      maxAttempts: 2,
    });
    await engine.start();
    expect(await engine.waitFor(10, 5000, ['sound'])).toBe('reached');
    expect(await engine.waitFor(10, 5000, ['broken'])).toBe('stopped');
    expect(engine.health().projections).toEqual([
      {
        name: 'broken',
        position: 5,
        status: 'stopped',
        failure: { position: 6, error: 'projection bug at 6', since: expect.any(String), attempts: 2 },
      },
      { name: 'sound', position: 10, status: 'running' },
    ]);
    expect(await positionsOf('broken')).toEqual(range(1, 5));
    await store.appendToStream('s', 'any', [event(11)]);
    expect(await engine.waitFor(11, 5000, ['sound'])).toBe('reached');
    expect(await positionsOf('sound')).toEqual(range(1, 11));
  });

  it('after the fix, a restart resumes the stopped projection from its checkpoint, neither repeating nor skipping', async () => {
    let failOn: number | undefined = 4;
    for (let i = 1; i <= 6; i++) await store.appendToStream('s', 'any', [event(i)]);
    const first = engineFor([tallyProjection('tally', { failOn: () => failOn })], { maxAttempts: 1 });
    await first.start();
    expect(await first.waitFor(6, 5000)).toBe('stopped');
    await first.stop();
    failOn = undefined;
    const restarted = engineFor([tallyProjection('tally', { failOn: () => failOn })]);
    await restarted.start();
    expect(await restarted.waitFor(6, 5000)).toBe('reached');
    expect(await positionsOf('tally')).toEqual(range(1, 6));
  });

  it('waitFor gives up after its timeout when the log has not reached the position', async () => {
    const engine = engineFor([tallyProjection('tally')]);
    await engine.start();
    expect(await engine.waitFor(1, 50)).toBe('timeout');
  });

  it('rebuild replays the log into fresh tables and ends identical, then goes on following', async () => {
    const engine = engineFor([tallyProjection('tally')]);
    for (let i = 1; i <= 30; i++) await store.appendToStream(`s-${i % 3}`, 'any', [event(i)]);
    await engine.start();
    expect(await engine.waitFor(30, 5000)).toBe('reached');
    const before = (await readStore.findDocuments('tally', { limit: 100 })).documents;
    const counters = await readStore.counters('tally-by-parity');
    const progress: number[] = [];
    expect(await engine.rebuild((done) => progress.push(done))).toBe(30);
    expect((await readStore.findDocuments('tally', { limit: 100 })).documents).toEqual(before);
    expect(await readStore.counters('tally-by-parity')).toEqual(counters);
    expect(progress[progress.length - 1]).toBe(30);
    await store.appendToStream('s-0', 'any', [event(31)]);
    expect(await engine.waitFor(31, 5000)).toBe('reached');
  });

  it('a projection whose version changed is rebuilt from the log when the engine starts', async () => {
    for (let i = 1; i <= 4; i++) await store.appendToStream('s', 'any', [event(i)]);
    const v1 = engineFor([tallyProjection('tally')]);
    await v1.start();
    expect(await v1.waitFor(4, 5000)).toBe('reached');
    await v1.stop();
    await readStore.transaction(async (tx) => tx.saveCheckpoint('tally', { position: 4, version: 1 }));
    const v2 = engineFor([tallyProjection('tally', { version: 2 })]);
    await v2.start();
    expect(await v2.waitFor(4, 5000)).toBe('reached');
    expect(await positionsOf('tally')).toEqual(range(1, 4));
    expect((await readStore.checkpoints()).get('tally')).toEqual({ position: 4, version: 2 });
  });

  it('tells listeners every document change with its position, after the commit', async () => {
    const engine = engineFor([tallyProjection('tally')]);
    const seen: ReadModelChange[] = [];
    engine.onChanges((changes) => seen.push(...changes));
    await engine.start();
    for (let i = 1; i <= 3; i++) await store.appendToStream('s', 'any', [event(i)]);
    expect(await engine.waitFor(3, 5000)).toBe('reached');
    expect(seen.map((c) => [c.projection, c.id, c.position, (c.state as Tally).positions.length])).toEqual([
      ['tally', 's', 1, 1],
      ['tally', 's', 2, 2],
      ['tally', 's', 3, 3],
    ]);
  });
});

describe('SqliteReadStore: keyset pages', () => {
  it('neither skip nor repeat a document, in any order, whatever the ties', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pages-'));
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    const readStore = new SqliteReadStore(join(dir, 'projections.sqlite'));
    try {
      const projection = tallyProjection('tally');
      const engine = new ProjectionEngine(store, readStore, [projection]);
      await readStore.prepare([projection]);
      const recorded: RecordedEvent[] = Array.from({ length: 57 }, (_, i) => ({
        position: i + 1,
        streamId: `s-${String(i % 23).padStart(2, '0')}`,
        streamRevision: 0,
        eventId: `e${i}`,
        type: 'Ticked',
        schemaVersion: 1,
        data: {},
        metadata: { actor: 'a', correlationId: 'c', causationId: 'c', commandId: 'c' },
        recordedAt: '2026-01-01T00:00:00.000Z',
        hash: '',
      }));
      await engine.applyBatch(recorded);
      for (const orderBy of [
        [],
        [['parity', 'desc']],
        [
          ['events', 'asc'],
          ['parity', 'desc'],
        ],
      ] as const) {
        const ids: string[] = [];
        let after: string | undefined;
        do {
          const page = await readStore.findDocuments(projection.name, { orderBy, limit: 5, after });
          ids.push(...page.documents.map((d) => d.id));
          after = page.next;
        } while (after);
        expect(ids).toHaveLength(23);
        expect(new Set(ids).size).toBe(23);
      }
    } finally {
      await readStore.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
