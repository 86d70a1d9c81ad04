/**
 * The read-store port, case by case, on every adapter (SQLite and PostgreSQL): what a projection writes comes back the
 * same — filters, orders (text by code point), keyset and offset pages, counters with zeros dropped, rows, BIGINT as
 * numbers — and transactions, savepoints and resets behave the same.
 */
import { ProjectionEngine } from '../projection-engine';
import { ColumnValue } from '../projection';
import { ReadStoreTransaction, StoredDocument } from '../read-store.port';
import { InvalidCursorError } from '../read-store.sql';
import {
  MakeReadStoreHarness,
  plainDocuments,
  plainRows,
  recorded,
  tallyProjection,
  withHarness,
} from './read-store.harness';

const DOCS = plainDocuments('docs');
const ROWS = plainRows('rows');
const LARGEST = Number.MAX_SAFE_INTEGER; // 2^53 - 1

type Doc = StoredDocument & { columns: Record<string, ColumnValue> };
const doc = (id: string, columns: Record<string, ColumnValue>, position = 1): Doc => ({
  id,
  position,
  updatedAt: `2026-01-01T00:00:${String(position % 60).padStart(2, '0')}.000Z`,
  state: { id, note: `文档 ${id}` },
  columns,
});

export function readStoreContract(name: string, make: MakeReadStoreHarness): void {
  describe(`${name} — read-store contract`, () => {
    const harness = withHarness(make);
    const store = () => harness().readStore;
    const write = async (work: (tx: ReadStoreTransaction) => Promise<void>) => {
      await store().prepare([DOCS, ROWS]);
      await store().transaction(work);
    };
    const ids = async (query: Parameters<ReturnType<typeof store>['findDocuments']>[1]) =>
      (await store().findDocuments('docs', query)).documents.map((d) => d.id);

    it('keeps documents as written: state, position and time; upserts replace them', async () => {
      await write((tx) => tx.saveDocuments(DOCS, [doc('a', { label: 'x', amount: 1, day: null }, 7)]));
      expect(await store().getDocument('docs', 'a')).toEqual({
        id: 'a',
        position: 7,
        updatedAt: '2026-01-01T00:00:07.000Z',
        state: { id: 'a', note: '文档 a' },
      });
      await write((tx) => tx.saveDocuments(DOCS, [doc('a', { label: 'y', amount: 2, day: null }, 9)]));
      expect((await store().getDocument('docs', 'a'))?.position).toBe(9);
      expect(await store().countDocuments('docs', { label: 'x' })).toBe(0);
      expect(await store().getDocument('docs', 'missing')).toBeUndefined();
    });

    it('BIGINT comes back as JS numbers, exactly, up to 2^53 - 1', async () => {
      await write(async (tx) => {
        await tx.saveDocuments(DOCS, [doc('big', { label: 'x', amount: LARGEST, day: null }, LARGEST)]);
        await tx.addToCounters([{ projection: 'docs', counter: 'money', key: '["x"]', field: 'fen', delta: LARGEST }]);
        await tx.insertRows(ROWS, [{ position: LARGEST, values: { actor: 'a', amount: LARGEST } }]);
        await tx.saveCheckpoint('docs', { position: LARGEST, version: 3 });
      });
      const found = await store().findDocuments('docs', { limit: 1, orderBy: [['amount', 'desc']] });
      expect(found.documents[0].position).toBe(LARGEST);
      expect(await store().counters('money')).toEqual([{ key: ['x'], values: { fen: LARGEST } }]);
      const [row] = await store().rows('rows', {}, []);
      expect(row).toEqual({ position: LARGEST, actor: 'a', amount: LARGEST });
      expect(typeof row.amount).toBe('number');
      expect((await store().checkpoints()).get('docs')).toEqual({ position: LARGEST, version: 3 });
      expect(await store().countDocuments('docs')).toBe(1);
    });

    it('filters by equality, NULL, IN (empty too) and bounds, and counts what the filter finds', async () => {
      await write((tx) =>
        tx.saveDocuments(DOCS, [
          doc('a', { label: 'x', amount: 1, day: '2025-01-01' }),
          doc('b', { label: 'y', amount: 2, day: '2025-06-30' }),
          doc('c', { label: 'x', amount: 3, day: null }),
          doc('d', { label: null, amount: 4, day: '2026-01-01' }),
        ]),
      );
      const sorted = { limit: 10 };
      expect(await ids({ ...sorted, where: { label: 'x' } })).toEqual(['a', 'c']);
      expect(await ids({ ...sorted, where: { label: null } })).toEqual(['d']);
      expect(await ids({ ...sorted, where: { day: null, label: 'x' } })).toEqual(['c']);
      expect(await ids({ ...sorted, where: { amount: { in: [2, 4] } } })).toEqual(['b', 'd']);
      expect(await ids({ ...sorted, where: { amount: { in: [] } } })).toEqual([]);
      expect(await ids({ ...sorted, where: { day: { gte: '2025-06-30', lt: '2026-01-01' } } })).toEqual(['b']);
      expect(await ids({ ...sorted, where: { amount: { gt: 1, lte: 3 } } })).toEqual(['b', 'c']);
      expect(await ids({ ...sorted, where: { label: undefined } })).toEqual(['a', 'b', 'c', 'd']);
      expect(await store().countDocuments('docs', { amount: { gt: 1 } })).toBe(3);
      expect(await store().countDocuments('docs', { label: 'none' })).toBe(0);
    });

    it.each([
      ['a live batch', {}],
      ['a bulk one (a rebuild)', { bulk: true }],
    ])('loads the documents a filter finds in %s, as it sees them: its own writes included', async (_case, options) => {
      await write((tx) =>
        tx.saveDocuments(DOCS, [
          doc('a', { label: 'x', amount: 1, day: null }),
          doc('b', { label: 'y', amount: 2, day: null }),
          doc('c', { label: 'x', amount: 3, day: null }),
        ]),
      );
      await store().transaction(async (tx) => {
        await tx.saveDocuments(DOCS, [
          doc('d', { label: 'x', amount: 4, day: null }, 2),
          doc('a', { label: 'z', amount: 1, day: null }, 3),
        ]);
        const found = await tx.loadDocumentsWhere('docs', { label: 'x' });
        expect([...found.keys()]).toEqual(['c', 'd']);
        expect(found.get('d')).toEqual({
          id: 'd',
          position: 2,
          updatedAt: '2026-01-01T00:00:02.000Z',
          state: { id: 'd', note: '文档 d' },
        });
        expect((await tx.loadDocumentsWhere('docs', { label: 'none' })).size).toBe(0);
      }, options);
    });

    it('orders text by code point (as SQLite BINARY) and integers by value, then by id', async () => {
      const labels = ['b', 'B', 'a', 'Z', '上海', '北京', 'é', '10', '9', ''];
      await write((tx) =>
        tx.saveDocuments(
          DOCS,
          labels.map((label, i) => doc(`id-${i}`, { label, amount: [10, 9, 100][i % 3], day: null })),
        ),
      );
      const byLabel = await store().findDocuments<{ id: string }>('docs', { limit: 20, orderBy: [['label', 'asc']] });
      const codePointOrder = [...labels].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      expect(byLabel.documents.map((d) => labels[Number(d.id.slice(3))])).toEqual(codePointOrder);
      const byAmount = await ids({ limit: 20, orderBy: [['amount', 'desc']] });
      expect(byAmount.slice(0, 3)).toEqual(['id-2', 'id-5', 'id-8']);
    });

    it('pages by keyset cursor, in any order and whatever the ties, neither skipping nor repeating', async () => {
      const projection = tallyProjection('tally');
      await store().prepare([projection]);
      const engine = new ProjectionEngine(harness().eventStore, store(), [projection]);
      await engine.applyBatch(
        Array.from({ length: 57 }, (_, i) => recorded(i + 1, `s-${String(i % 23).padStart(2, '0')}`)),
      );
      for (const orderBy of [
        [],
        [['parity', 'desc']],
        [
          ['events', 'asc'],
          ['parity', 'desc'],
        ],
      ] as const) {
        const seen: string[] = [];
        let after: string | undefined;
        do {
          const page = await store().findDocuments(projection.name, { orderBy, limit: 5, after });
          seen.push(...page.documents.map((d) => d.id));
          after = page.next;
        } while (after);
        expect(seen).toHaveLength(23);
        expect(new Set(seen).size).toBe(23);
      }
    });

    it('pages by offset too, and refuses a cursor it did not give', async () => {
      await write((tx) =>
        tx.saveDocuments(
          DOCS,
          Array.from({ length: 7 }, (_, i) => doc(`d${i}`, { label: 'x', amount: i, day: null })),
        ),
      );
      const first = await store().findDocuments('docs', { limit: 3, orderBy: [['amount', 'asc']] });
      expect(first.documents.map((d) => d.id)).toEqual(['d0', 'd1', 'd2']);
      expect(first.next).toEqual(expect.any(String));
      expect(await ids({ limit: 3, offset: 6, orderBy: [['amount', 'asc']] })).toEqual(['d6']);
      const last = await store().findDocuments('docs', { limit: 3, offset: 4, orderBy: [['amount', 'asc']] });
      expect(last.documents.map((d) => d.id)).toEqual(['d4', 'd5', 'd6']);
      expect(last.next).toBeUndefined();
      await expect(store().findDocuments('docs', { limit: 3, after: 'bm90IGEgY3Vyc29y' })).rejects.toThrow(
        InvalidCursorError,
      );
      // Its values edited (its check kept), or given by the list in another order: not a cursor this list gave.
      const [amount, id, check] = JSON.parse(Buffer.from(first.next!, 'base64url').toString('utf8')) as unknown[];
      const edited = Buffer.from(JSON.stringify([Number(amount) + 1, id, check])).toString('base64url');
      const byAmount = { limit: 3, orderBy: [['amount', 'asc']] } as const;
      await expect(store().findDocuments('docs', { ...byAmount, after: edited })).rejects.toThrow(InvalidCursorError);
      await expect(
        store().findDocuments('docs', { ...byAmount, orderBy: [['label', 'asc']], after: first.next }),
      ).rejects.toThrow(InvalidCursorError);
      expect(await ids({ ...byAmount, after: first.next })).toEqual(['d3', 'd4', 'd5']);
    });

    it('reads the columns of a page without the states: the same rows, order and cursors as the documents', async () => {
      await write((tx) =>
        tx.saveDocuments(
          DOCS,
          Array.from({ length: 7 }, (_, i) => doc(`c${i}`, { label: i % 2 ? 'odd' : 'even', amount: i, day: null })),
        ),
      );
      const query = { where: { label: 'even' }, limit: 2, orderBy: [['amount', 'desc']] as const };
      const documents = await store().findDocuments('docs', query);
      const columns = await store().findColumns('docs', query, ['label', 'day', 'position']);
      expect(columns.rows).toEqual([
        { id: 'c6', label: 'even', day: null, amount: 6, position: expect.any(Number) },
        { id: 'c4', label: 'even', day: null, amount: 4, position: expect.any(Number) },
      ]);
      expect(columns.next).toBe(documents.next);
      const rest = await store().findColumns('docs', { ...query, after: columns.next }, ['label']);
      expect(rest.rows.map((row) => row.id)).toEqual(['c2', 'c0']);
      expect(rest.next).toBeUndefined();
      await expect(store().findColumns('docs', query, ['state; DROP TABLE x'])).rejects.toThrow('not a column');
    });

    it('adds to counters; a field back at zero is dropped, a key all at zero left out; one key on its own', async () => {
      const delta = (key: string, field: string, value: number) => ({
        projection: 'docs',
        counter: 'money',
        key,
        field,
        delta: value,
      });
      await write((tx) =>
        tx.addToCounters([
          delta('["2025","b"]', 'granted', 500),
          delta('["2025","a"]', 'granted', 100),
          delta('["2025","a"]', 'cancelled', 40),
          delta('["2024","z"]', 'granted', 7),
        ]),
      );
      await write((tx) =>
        tx.addToCounters([delta('["2025","a"]', 'cancelled', -40), delta('["2024","z"]', 'granted', -7)]),
      );
      expect(await store().counters('money')).toEqual([
        { key: ['2025', 'a'], values: { granted: 100 } },
        { key: ['2025', 'b'], values: { granted: 500 } },
      ]);
      expect(await store().counters('money', ['2025', 'b'])).toEqual([
        { key: ['2025', 'b'], values: { granted: 500 } },
      ]);
      expect(await store().counters('money', ['2024', 'z'])).toEqual([]);
      expect(await store().counters('other')).toEqual([]);
    });

    it('keeps one row per position (a row written again is left as it was), in the order asked', async () => {
      const row = (position: number, actor: string, amount: number) => ({ position, values: { actor, amount } });
      await write((tx) => tx.insertRows(ROWS, [row(3, 'b', 1), row(1, 'a', 2), row(2, 'b', 3)]));
      await write((tx) => tx.insertRows(ROWS, [row(2, 'changed', 0), row(4, 'a', 4)]));
      expect((await store().rows('rows', {}, [])).map((r) => r.position)).toEqual([1, 2, 3, 4]);
      expect(await store().rows('rows', { actor: 'b' }, [['amount', 'desc']])).toEqual([
        { position: 2, actor: 'b', amount: 3 },
        { position: 3, actor: 'b', amount: 1 },
      ]);
    });

    it('a transaction that throws leaves nothing behind, its checkpoint included', async () => {
      await expect(
        write(async (tx) => {
          await tx.saveDocuments(DOCS, [doc('a', { label: 'x', amount: 1, day: null })]);
          await tx.addToCounters([{ projection: 'docs', counter: 'c', key: '[1]', field: 'n', delta: 1 }]);
          await tx.saveCheckpoint('docs', { position: 1, version: 1 });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store().getDocument('docs', 'a')).toBeUndefined();
      expect(await store().counters('c')).toEqual([]);
      expect((await store().checkpoints()).has('docs')).toBe(false);
    });

    it('a savepoint that throws is undone alone; the rest of the transaction commits', async () => {
      await write(async (tx) => {
        await tx.saveDocuments(DOCS, [doc('kept', { label: 'x', amount: 1, day: null })]);
        await expect(
          tx.savepoint(async () => {
            await tx.saveDocuments(DOCS, [doc('undone', { label: 'x', amount: 1, day: null })]);
            await tx.saveCheckpoint('docs', { position: 99, version: 1 });
            throw new Error('projection bug');
          }),
        ).rejects.toThrow('projection bug');
        expect(await tx.savepoint(async () => tx.checkpoint('docs'))).toBeUndefined();
        await tx.saveCheckpoint('docs', { position: 1, version: 1 });
      });
      expect(await store().getDocument('docs', 'kept')).toBeDefined();
      expect(await store().getDocument('docs', 'undone')).toBeUndefined();
      expect((await store().checkpoints()).get('docs')).toEqual({ position: 1, version: 1 });
    });

    it('queries never see a transaction in progress, and see it whole once it commits', async () => {
      await store().prepare([DOCS]);
      let release!: () => void;
      const holding = new Promise<void>((resolve) => (release = resolve));
      let written!: () => void;
      const wasWritten = new Promise<void>((resolve) => (written = resolve));
      const transaction = store().transaction(async (tx) => {
        await tx.saveDocuments(DOCS, [doc('a', { label: 'x', amount: 1, day: null })]);
        await tx.saveCheckpoint('docs', { position: 1, version: 1 });
        written();
        await holding;
      });
      await wasWritten;
      expect(await store().getDocument('docs', 'a')).toBeUndefined();
      expect(await store().countDocuments('docs')).toBe(0);
      expect((await store().checkpoints()).has('docs')).toBe(false);
      release();
      await transaction;
      expect(await store().getDocument('docs', 'a')).toBeDefined();
      expect((await store().checkpoints()).get('docs')).toEqual({ position: 1, version: 1 });
    });

    it('a bulk transaction (a rebuild) whose write fails commits none of its writes and rejects with that error', async () => {
      await store().prepare([DOCS]);
      const row = { label: 'x', amount: 1, day: null };
      const failing = store().transaction(
        async (tx) => {
          await tx.saveDocuments(DOCS, [doc('before', row)]);
          // position is NOT NULL: the store refuses the row (on SQLite, on the rebuild's writer thread, later).
          await tx.saveDocuments(DOCS, [doc('bad', row, null as unknown as number)]);
          await tx.saveDocuments(DOCS, [doc('after', row)]);
          await tx.saveCheckpoint('docs', { position: 3, version: 1 });
        },
        { bulk: true },
      );
      await expect(failing).rejects.toThrow(/null/i);
      expect(await store().countDocuments('docs')).toBe(0);
      expect((await store().checkpoints()).has('docs')).toBe(false);
      await store().transaction(async (tx) => tx.saveDocuments(DOCS, [doc('later', row)]), { bulk: true });
      expect(await store().getDocument('docs', 'later')).toBeDefined();
    });

    it("reset drops one projection's documents, counters and checkpoint; readers see the old ones until it commits", async () => {
      const other = plainDocuments('other');
      await store().prepare([DOCS, other]);
      await store().transaction(async (tx) => {
        await tx.saveDocuments(DOCS, [doc('a', { label: 'x', amount: 1, day: null })]);
        await tx.saveDocuments(other, [doc('o', { label: 'x', amount: 1, day: null })]);
        await tx.addToCounters([
          { projection: 'docs', counter: 'mine', key: '[1]', field: 'n', delta: 1 },
          { projection: 'other', counter: 'theirs', key: '[1]', field: 'n', delta: 1 },
        ]);
        await tx.saveCheckpoint('docs', { position: 1, version: 1 });
        await tx.saveCheckpoint('other', { position: 1, version: 1 });
      });
      await store().transaction(async (tx) => {
        await tx.reset(DOCS);
        await tx.saveDocuments(DOCS, [doc('new', { label: 'x', amount: 1, day: null })]);
        expect(await store().getDocument('docs', 'a')).toBeDefined();
        expect(await store().counters('mine')).toHaveLength(1);
      });
      expect(await store().getDocument('docs', 'a')).toBeUndefined();
      expect(await store().getDocument('docs', 'new')).toBeDefined();
      expect(await store().counters('mine')).toEqual([]);
      expect(await store().counters('theirs')).toHaveLength(1);
      expect([...(await store().checkpoints()).keys()]).toEqual(['other']);
      expect(await store().getDocument('other', 'o')).toBeDefined();
    });

    it('prepare is idempotent, and a second store over the same storage reads what the first wrote', async () => {
      await store().prepare([DOCS, ROWS]);
      await store().prepare([DOCS, ROWS]);
      await write((tx) => tx.saveDocuments(DOCS, [doc('a', { label: 'x', amount: 1, day: null })]));
      const other = await harness().openAnother();
      await other.prepare([DOCS, ROWS]);
      expect(await other.getDocument('docs', 'a')).toBeDefined();
      await other.ping();
    });

    it('finds text with U+0000 in it by the value it was written with', async () => {
      await write((tx) => tx.saveDocuments(DOCS, [doc('nul', { label: 'a\u0000b', amount: 1, day: null })]));
      expect(await ids({ limit: 5, where: { label: 'a\u0000b' } })).toEqual(['nul']);
      expect((await store().getDocument('docs', 'nul'))?.state).toEqual({ id: 'nul', note: '文档 nul' });
    });
  });
}
