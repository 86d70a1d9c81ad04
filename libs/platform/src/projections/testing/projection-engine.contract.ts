/**
 * The projection engine over a read store, the same cases on every adapter (SQLite and PostgreSQL): each event applied
 * once with its checkpoint, counters kept incrementally, a failing projection stopped alone, rebuilds, version changes,
 * the change feed.
 */
import { ChangeFeed, ChangeFeedEntry } from '../change-feed';
import { DocumentProjection, documentProjection, ReadModelChange } from '../projection';
import { ProjectionEngine, ProjectionEngineOptions } from '../projection-engine';
import { ReadStore, ReadStoreTransaction } from '../read-store.port';
import {
  anEvent,
  MakeReadStoreHarness,
  Member,
  membersProjection,
  range,
  Tally,
  tallyEvolve,
  tallyProjection,
  withHarness,
} from './read-store.harness';

export function projectionEngineContract(name: string, make: MakeReadStoreHarness): void {
  describe(`ProjectionEngine on ${name}`, () => {
    const harness = withHarness(make);
    const store = () => harness().eventStore;
    const readStore = () => harness().readStore;
    const engines: ProjectionEngine[] = [];
    const engineFor = (
      projections: ReturnType<typeof tallyProjection>[],
      options: ProjectionEngineOptions = {},
      on: ReadStore = readStore(),
    ) => {
      const engine = new ProjectionEngine(store(), on, projections, { retryDelayMs: 20, ...options });
      engines.push(engine);
      return engine;
    };
    afterEach(async () => {
      await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    });

    const positionsOf = async (projection: string, on: ReadStore = readStore()) =>
      (await on.findDocuments<Tally>(projection, { limit: 1000 })).documents
        .flatMap((d) => d.state.positions)
        .sort((a, b) => a - b);

    it('applies every event once, with its checkpoint, under 8 concurrent writers', async () => {
      const engine = engineFor([tallyProjection('tally')]);
      await engine.start();
      await Promise.all(
        Array.from({ length: 8 }, (_, w) =>
          (async () => {
            for (let i = 0; i < 40; i++) await store().appendToStream(`s-${w}`, 'any', [anEvent(w * 1000 + i)]);
          })(),
        ),
      );
      expect(await engine.waitFor(320, 10_000)).toBe('reached');
      expect(await positionsOf('tally')).toEqual(range(1, 320));
      expect((await readStore().checkpoints()).get('tally')).toEqual({ position: 320, version: 1 });
    });

    it('keeps counters incrementally: a document moves from one key to another', async () => {
      const engine = engineFor([tallyProjection('tally')]);
      await engine.start();
      for (let i = 1; i <= 5; i++) await store().appendToStream(i <= 3 ? 'a' : 'b', 'any', [anEvent(i)]);
      expect(await engine.waitFor(5, 5000)).toBe('reached');
      // a: 3 events (odd), b: 2 events (even)
      expect(await readStore().counters('tally-by-parity')).toEqual([
        { key: ['even'], values: { events: 2, streams: 1 } },
        { key: ['odd'], values: { events: 3, streams: 1 } },
      ]);
      await store().appendToStream('b', 'any', [anEvent(6)]);
      expect(await engine.waitFor(6, 5000)).toBe('reached');
      expect(await readStore().counters('tally-by-parity')).toEqual([
        { key: ['odd'], values: { events: 6, streams: 2 } },
      ]);
      expect(await readStore().countDocuments('tally', { parity: 'odd' })).toBe(2);
    });

    it('a failing projection is retried, then stopped alone: the others go on, health names it, waits on it fail fast', async () => {
      for (let i = 1; i <= 10; i++) await store().appendToStream('s', 'any', [anEvent(i)]);
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
      await store().appendToStream('s', 'any', [anEvent(11)]);
      expect(await engine.waitFor(11, 5000, ['sound'])).toBe('reached');
      expect(await positionsOf('sound')).toEqual(range(1, 11));
    });

    it('after the fix, a restart resumes the stopped projection from its checkpoint, neither repeating nor skipping', async () => {
      let failOn: number | undefined = 4;
      for (let i = 1; i <= 6; i++) await store().appendToStream('s', 'any', [anEvent(i)]);
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

    it('a read store that cannot write (disk full) stops no projection: the batch is retried until it can', async () => {
      for (let i = 1; i <= 4; i++) await store().appendToStream('s', 'any', [anEvent(i)]);
      let refusals = 0;
      let diskFull = true;
      // Every write of documents fails as SQLite's does on a full disk, until there is space again.
      const full = new Proxy(readStore(), {
        get(target, property, receiver) {
          if (property !== 'transaction') return Reflect.get(target, property, receiver);
          return <T>(work: (tx: ReadStoreTransaction) => Promise<T>) =>
            target.transaction((tx) =>
              work({
                ...tx,
                savepoint: tx.savepoint.bind(tx),
                saveDocuments: async (...args: Parameters<ReadStoreTransaction['saveDocuments']>) => {
                  if (!diskFull) return tx.saveDocuments(...args);
                  refusals++;
                  throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
                },
              }),
            );
        },
      });
      const engine = engineFor([tallyProjection('tally')], { maxAttempts: 2 }, full);
      await engine.start();
      while (refusals < 4 && engine.health().projections[0].status !== 'stopped')
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(engine.health().projections).toEqual([{ name: 'tally', position: 0, status: 'running' }]);
      diskFull = false;
      expect(await engine.waitFor(4, 5000)).toBe('reached');
      expect(await positionsOf('tally')).toEqual(range(1, 4));
    });

    it('a write the read store refuses stops that projection at its checkpoint, alone (a batch of 10 events)', async () => {
      for (let i = 1; i <= 10; i++) await store().appendToStream('s', 'any', [anEvent(i)]);
      // From position 7 on, the document's state is undefined: its NOT NULL column refuses it, in the store itself (on
      // SQLite's writer thread, answered after the statements that follow it were sent). No event is to blame, so
      // the projection keeps none of the batch.
      const refused = documentProjection<Tally | undefined>({
        ...(tallyProjection('refused') as DocumentProjection<Tally | undefined>),
        evolve: (state, event) => (event.position >= 7 ? undefined : tallyEvolve(state!, event)),
        columnsOf: (state) => ({ parity: state?.parity ?? null, events: state?.positions.length ?? null }),
        countersOf: undefined,
      });
      const engine = engineFor([tallyProjection('sound'), refused], { maxAttempts: 1 });
      await engine.start();
      expect(await engine.waitFor(10, 5000, ['sound'])).toBe('reached');
      expect(await engine.waitFor(10, 5000, ['refused'])).toBe('stopped');
      expect(engine.health().projections.map(({ name, position, status }) => ({ name, position, status }))).toEqual([
        { name: 'sound', position: 10, status: 'running' },
        { name: 'refused', position: 0, status: 'stopped' },
      ]);
      expect(await positionsOf('sound')).toEqual(range(1, 10));
      expect(await positionsOf('refused')).toEqual([]);
      expect((await readStore().checkpoints()).get('refused')).toBeUndefined();
      await engine.stop(); // before the log closes: the batch's failure left a retry of the follower behind
    });

    it('a batch applied at once to projections at different checkpoints: each takes only what it has not', async () => {
      for (let i = 1; i <= 5; i++) await store().appendToStream(i % 2 ? 'a' : 'b', 'any', [anEvent(i)]);
      const first = engineFor([tallyProjection('ahead')]);
      await first.start();
      expect(await first.waitFor(5, 5000)).toBe('reached');
      await first.stop();
      for (let i = 6; i <= 10; i++) await store().appendToStream(i % 2 ? 'a' : 'b', 'any', [anEvent(i)]);
      const changes: ReadModelChange[] = [];
      // `ahead` at 5, `behind` (new) at 0: the batch of ten is one transaction, with no failure to fall back on.
      const logged: string[] = [];
      const engine = engineFor([tallyProjection('ahead'), tallyProjection('behind')], { log: (m) => logged.push(m) });
      engine.onChanges((batch) => changes.push(...batch));
      await engine.start();
      expect(await engine.waitFor(10, 5000)).toBe('reached');
      expect(engine.health().projections.every((p) => p.status === 'running' && p.position === 10)).toBe(true);
      for (const name of ['ahead', 'behind']) {
        expect(await positionsOf(name)).toEqual(range(1, 10));
        expect(await readStore().counters(`${name}-by-parity`)).toEqual([
          { key: ['odd'], values: { events: 10, streams: 2 } },
        ]);
      }
      const told = (name: string) => changes.filter((c) => c.projection === name).map((c) => c.position);
      expect(told('ahead')).toEqual(range(6, 10));
      expect(told('behind')).toEqual(range(1, 10));
      expect(changes.map((c) => c.position)).toEqual([...changes.map((c) => c.position)].sort((x, y) => x - y));
      expect(logged).toEqual([]); // applied at once: nothing failed and fell back
    });

    it('waitFor gives up after its timeout when the log has not reached the position', async () => {
      const engine = engineFor([tallyProjection('tally')]);
      await engine.start();
      expect(await engine.waitFor(1, 50)).toBe('timeout');
    });

    it('rebuild replays the log into fresh tables and ends identical, then goes on following', async () => {
      const engine = engineFor([tallyProjection('tally')]);
      for (let i = 1; i <= 30; i++) await store().appendToStream(`s-${i % 3}`, 'any', [anEvent(i)]);
      await engine.start();
      expect(await engine.waitFor(30, 5000)).toBe('reached');
      const before = (await readStore().findDocuments('tally', { limit: 100 })).documents;
      const counters = await readStore().counters('tally-by-parity');
      const progress: number[] = [];
      expect(await engine.rebuild((done) => progress.push(done))).toBe(30);
      expect((await readStore().findDocuments('tally', { limit: 100 })).documents).toEqual(before);
      expect(await readStore().counters('tally-by-parity')).toEqual(counters);
      expect(progress[progress.length - 1]).toBe(30);
      await store().appendToStream('s-0', 'any', [anEvent(31)]);
      expect(await engine.waitFor(31, 5000)).toBe('reached');
    });

    it('a rebuild that writes, drops and reads back documents page by page ends as the live models', async () => {
      const live = engineFor([tallyProjection('tally')]);
      for (let i = 1; i <= 120; i++) await store().appendToStream(`s-${(i * 7) % 9}`, 'any', [anEvent(i)]);
      await live.start();
      expect(await live.waitFor(120, 5000)).toBe('reached');
      await live.stop();
      const documents = (await readStore().findDocuments('tally', { limit: 100 })).documents;
      const counters = await readStore().counters('tally-by-parity');
      // Pages of 7, two changed documents at most before they are written, three held: every path of the fold.
      const rebuilt = engineFor([tallyProjection('tally')], {
        rebuild: { pageSize: 7, maxDirtyDocuments: 2, maxHeldDocuments: 3 },
      });
      expect(await rebuilt.rebuild()).toBe(120);
      expect((await readStore().findDocuments('tally', { limit: 100 })).documents).toEqual(documents);
      expect(await readStore().counters('tally-by-parity')).toEqual(counters);
      expect((await readStore().checkpoints()).get('tally')).toEqual({ position: 120, version: 1 });
    });

    describe('related documents: an event of another entity changes every document holding its value', () => {
      // 4 marks a-1 and a-2; 7 leaves the group as it was; 8 marks b-1; 9 (group c) no one; 10 marks a-1, a-2 and a-3,
      // which did not exist at 4; 12 leaves b-1 as it was (its position stays 8). Own events before and after.
      const LOG: Array<[stream: string, same?: boolean]> = [
        ['member-a-1'],
        ['member-a-2'],
        ['member-b-1'],
        ['group-a'],
        ['member-a-1'],
        ['member-a-3'],
        ['group-a', true],
        ['group-b'],
        ['group-c'],
        ['group-a'],
        ['member-a-2'],
        ['group-b', true],
      ];
      const append = (position: number) => {
        const [stream, same] = LOG[position - 1];
        return store().appendToStream(stream, 'any', [{ ...anEvent(position), data: { i: position, same } }]);
      };
      const EXPECTED = [
        { id: 'member-a-1', position: 10, state: { positions: [1, 5], marks: [4, 10] } },
        { id: 'member-a-2', position: 11, state: { positions: [2, 11], marks: [4, 10] } },
        { id: 'member-a-3', position: 10, state: { positions: [6], marks: [10] } },
        { id: 'member-b-1', position: 8, state: { positions: [3], marks: [8] } },
      ];
      const documentsOf = async (name: string) =>
        (await readStore().findDocuments<Member>(name, { limit: 100 })).documents;
      const expectAsExpected = async (name: string) => {
        expect(await documentsOf(name)).toEqual(
          EXPECTED.map(({ id, position, state }) =>
            expect.objectContaining({ id, position, state: { id, group: id.split('-')[1], ...state } }),
          ),
        );
        expect(await readStore().counters(`${name}-by-marks`)).toEqual([
          { key: ['a', 1], values: { members: 1 } },
          { key: ['a', 2], values: { members: 2 } },
          { key: ['b', 1], values: { members: 1 } },
        ]);
        expect(await readStore().countDocuments(name, { grp: 'a', marks: 2 })).toBe(2);
      };

      it('following an event at a time (the documents read from the store) and a whole log at once (made in the batch): the same documents, counters and positions', async () => {
        const oneByOne = engineFor([membersProjection('one-by-one')]);
        const told: ReadModelChange[] = [];
        oneByOne.onChanges((changes) => told.push(...changes));
        await oneByOne.start();
        for (let position = 1; position <= LOG.length; position++) {
          await append(position);
          expect(await oneByOne.waitFor(position, 5000)).toBe('reached');
        }
        await expectAsExpected('one-by-one');
        // Told at the group's event, each member it changed; the event that left them as they were told nothing.
        const related = told.filter((c) => LOG[c.position - 1][0].startsWith('group-'));
        expect(related.map((c) => `${c.id}@${c.position}`)).toEqual([
          'member-a-1@4',
          'member-a-2@4',
          'member-b-1@8',
          'member-a-1@10',
          'member-a-2@10',
          'member-a-3@10',
        ]);

        const atOnce = engineFor([membersProjection('at-once')]);
        await atOnce.start();
        expect(await atOnce.waitFor(LOG.length, 5000)).toBe('reached');
        await expectAsExpected('at-once');
        expect((await documentsOf('at-once')).map(({ updatedAt }) => updatedAt)).toEqual(
          (await documentsOf('one-by-one')).map(({ updatedAt }) => updatedAt),
        );
      });

      it.each([
        ['in one page, nothing written before the end (found among the changed)', { pageSize: 50 }],
        [
          'in pages of 3, written and dropped as they go (found by the written ones, read back)',
          { pageSize: 3, maxDirtyDocuments: 1, maxHeldDocuments: 1 },
        ],
      ])('a rebuild %s ends as the live models', async (_case, limits) => {
        const live = engineFor([membersProjection('members')]);
        await live.start();
        for (let position = 1; position <= LOG.length; position++) {
          await append(position);
          expect(await live.waitFor(position, 5000)).toBe('reached');
        }
        await live.stop();
        const documents = await documentsOf('members');
        const counters = await readStore().counters('members-by-marks');
        const rebuilt = engineFor([membersProjection('members')], { rebuild: limits });
        expect(await rebuilt.rebuild()).toBe(LOG.length);
        expect(await documentsOf('members')).toEqual(documents);
        expect(await readStore().counters('members-by-marks')).toEqual(counters);
        await expectAsExpected('members');
      });
    });

    it('a rebuild that fails leaves the read models as they were, and names the event it failed on', async () => {
      let failOn: number | undefined = undefined;
      const engine = engineFor([tallyProjection('tally', { failOn: () => failOn }), tallyProjection('other')]);
      for (let i = 1; i <= 12; i++) await store().appendToStream(`s-${i % 2}`, 'any', [anEvent(i)]);
      await engine.start();
      expect(await engine.waitFor(12, 5000)).toBe('reached');
      await engine.stop();
      const before = await positionsOf('tally');
      failOn = 9;
      await expect(engine.rebuild()).rejects.toMatchObject({ position: 9, message: 'projection bug at 9' });
      expect(await positionsOf('tally')).toEqual(before);
      expect(await positionsOf('other')).toEqual(range(1, 12));
      expect((await readStore().checkpoints()).get('tally')).toEqual({ position: 12, version: 1 });
    });

    it('a projection whose version changed is rebuilt from the log when the engine starts', async () => {
      for (let i = 1; i <= 4; i++) await store().appendToStream('s', 'any', [anEvent(i)]);
      const v1 = engineFor([tallyProjection('tally')]);
      await v1.start();
      expect(await v1.waitFor(4, 5000)).toBe('reached');
      await v1.stop();
      await readStore().transaction(async (tx) => tx.saveCheckpoint('tally', { position: 4, version: 1 }));
      const v2 = engineFor([tallyProjection('tally', { version: 2 })]);
      await v2.start();
      expect(await v2.waitFor(4, 5000)).toBe('reached');
      expect(await positionsOf('tally')).toEqual(range(1, 4));
      expect((await readStore().checkpoints()).get('tally')).toEqual({ position: 4, version: 2 });
    });

    it('tells listeners every document change with its position, after the commit', async () => {
      const engine = engineFor([tallyProjection('tally')]);
      const seen: ReadModelChange[] = [];
      engine.onChanges((changes) => seen.push(...changes));
      await engine.start();
      for (let i = 1; i <= 3; i++) await store().appendToStream('s', 'any', [anEvent(i)]);
      expect(await engine.waitFor(3, 5000)).toBe('reached');
      expect(seen.map((c) => [c.projection, c.id, c.position, (c.state as Tally).positions.length])).toEqual([
        ['tally', 's', 1, 1],
        ['tally', 's', 2, 2],
        ['tally', 's', 3, 3],
      ]);
    });

    describe('the change feed', () => {
      const kinds = [
        {
          kind: 'tally',
          projection: 'tally',
          view: (state: unknown) => ({ count: (state as Tally).positions.length }),
        },
        { kind: 'other', projection: 'other' },
      ];
      const summary = (entries: ChangeFeedEntry[]) => entries.map((e) => [e.kind, e.id, e.position, e.state]);

      it('tells each live change as {kind, id, state, position}, in the shape its kind shows, of the kinds asked for', async () => {
        const engine = engineFor([tallyProjection('tally'), tallyProjection('other')]);
        const feed = new ChangeFeed(engine, readStore(), kinds);
        const all: ChangeFeedEntry[] = [];
        const tallies: ChangeFeedEntry[] = [];
        feed.subscribe((entry) => all.push(entry));
        const unsubscribe = feed.subscribe((entry) => tallies.push(entry), { kinds: ['tally'] });
        await engine.start();
        for (let i = 1; i <= 2; i++) await store().appendToStream('s', 'any', [anEvent(i)]);
        expect(await engine.waitFor(2, 5000)).toBe('reached');
        unsubscribe();
        await store().appendToStream('s', 'any', [anEvent(3)]);
        expect(await engine.waitFor(3, 5000)).toBe('reached');
        expect(summary(tallies)).toEqual([
          ['tally', 's', 1, { count: 1 }],
          ['tally', 's', 2, { count: 2 }],
        ]);
        expect(all.map((e) => `${e.kind}@${e.position}`)).toEqual([
          'tally@1',
          'other@1',
          'tally@2',
          'other@2',
          'tally@3',
          'other@3',
        ]);
        expect(all[0].recordedAt).toEqual(expect.any(String));
        expect(() => feed.subscribe(() => undefined, { kinds: ['nothing'] })).toThrow(/no kind nothing/);
      });

      it('from a position: every entity changed since, as it is now, then the live changes; nothing missed, nothing older', async () => {
        const engine = engineFor([tallyProjection('tally'), tallyProjection('other')]);
        const feed = new ChangeFeed(engine, readStore(), kinds);
        await engine.start();
        for (let i = 1; i <= 30; i++) await store().appendToStream(`s-${i % 6}`, 'any', [anEvent(i)]);
        expect(await engine.waitFor(30, 5000)).toBe('reached');
        const seen: ChangeFeedEntry[] = [];
        feed.subscribe((entry) => seen.push(entry), { fromPosition: 20, kinds: ['tally'] });
        // Writers keep going while the catch-up reads.
        for (let i = 31; i <= 60; i++) await store().appendToStream(`s-${i % 7}`, 'any', [anEvent(i)]);
        expect(await engine.waitFor(60, 5000)).toBe('reached');
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(seen.every((e) => e.kind === 'tally' && e.position >= 20)).toBe(true);
        // Per entity, positions only move forward, and the last one told is the document as it is.
        const last = new Map<string, ChangeFeedEntry>();
        for (const entry of seen) {
          expect(entry.position).toBeGreaterThanOrEqual(last.get(entry.id)?.position ?? 0);
          last.set(entry.id, entry);
        }
        const { documents } = await readStore().findDocuments<Tally>('tally', { limit: 100 });
        const changedSince = documents.filter((d) => d.position >= 20);
        expect(changedSince.map((d) => [d.id, d.position, { count: d.state.positions.length }]).sort()).toEqual(
          [...last.values()].map((e) => [e.id, e.position, e.state]).sort(),
        );
        // Events 20…60 each changed one entity: each of them is told, or a later state of its entity is.
        for (let position = 20; position <= 60; position++) {
          const stream = position <= 30 ? `s-${position % 6}` : `s-${position % 7}`;
          expect([position, seen.some((e) => e.id === stream && e.position >= position)]).toEqual([position, true]);
        }
      });
    });
  });
}
