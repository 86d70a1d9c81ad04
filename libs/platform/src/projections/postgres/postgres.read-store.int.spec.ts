import { PostgresEventStore } from '@ledger/event-store';
import { postgresForThisFile, uniqueName } from '@ledger/event-store/postgres/testing/embedded-postgres';
import { types } from 'pg';
import { ReadStore } from '../read-store.port';
import { projectionEngineContract } from '../testing/projection-engine.contract';
import { readStoreContract } from '../testing/read-store.contract';
import { ProjectionEngine } from '../projection-engine';
import {
  anEvent,
  plainDocuments,
  range,
  ReadStoreHarness,
  Tally,
  tallyProjection,
} from '../testing/read-store.harness';
import { PostgresReadStore } from './postgres.read-store';

/**
 * The file's database sorts text as a Chinese deployment's would (ICU zh-CN: pinyin, 'a' before 'B'), not by code point
 * as the test server's default does: the read store must still order as SQLite does.
 */
const postgres = postgresForThisFile({ name: uniqueName('zh'), icuLocale: 'zh-CN' });

/** A schema per test in the file's database: the log and the read models side by side, as the ledger keeps them. */
async function postgresHarness(): Promise<ReadStoreHarness> {
  const schema = uniqueName('rs');
  const eventStore = await PostgresEventStore.open({ connectionString: postgres.database, schema, pollIntervalMs: 20 });
  const readStore = await PostgresReadStore.open({ connectionString: postgres.database, schema });
  const others: ReadStore[] = [];
  return {
    eventStore,
    readStore,
    openAnother: async () => {
      const other = await PostgresReadStore.open({ connectionString: postgres.database, schema });
      others.push(other);
      return other;
    },
    cleanup: async () => {
      await eventStore.close();
      for (const store of [readStore, ...others]) await store.close();
      await postgres.withClient((client) => client.query(`DROP SCHEMA "${schema}" CASCADE`));
    },
  };
}

readStoreContract('PostgresReadStore', postgresHarness);
projectionEngineContract('PostgresReadStore', postgresHarness);

describe('PostgresReadStore on its own terms', () => {
  it('two engines on one read store (two projection processes) apply every event once: counters exact', async () => {
    const harness = await postgresHarness();
    const other = await harness.openAnother();
    const engines = [harness.readStore, other].map(
      (readStore) =>
        new ProjectionEngine(harness.eventStore, readStore, [tallyProjection('tally')], { retryDelayMs: 20 }),
    );
    try {
      await Promise.all(engines.map((engine) => engine.start()));
      await Promise.all(
        Array.from({ length: 4 }, (_, w) =>
          (async () => {
            for (let i = 0; i < 30; i++)
              await harness.eventStore.appendToStream(`s-${w}`, 'any', [anEvent(w * 100 + i)]);
          })(),
        ),
      );
      for (const engine of engines) expect(await engine.waitFor(120, 10_000)).toBe('reached');
      const positions = (await harness.readStore.findDocuments<Tally>('tally', { limit: 10 })).documents
        .flatMap((d) => d.state.positions)
        .sort((a, b) => a - b);
      expect(positions).toEqual(range(1, 120));
      // 4 streams of 30 events: all even; each event counted once, however the two engines interleaved.
      expect(await other.counters('tally-by-parity')).toEqual([{ key: ['even'], values: { events: 120, streams: 4 } }]);
    } finally {
      await Promise.all(engines.map((engine) => engine.stop()));
      await harness.cleanup();
    }
  });

  it('reads BIGINT as numbers on its own pool only: node-postgres keeps int8 as text for everyone else', async () => {
    const parse = types.getTypeParser(20) as (text: string) => unknown;
    expect(parse('9007199254740993')).toBe('9007199254740993');
    const harness = await postgresHarness();
    try {
      await harness.readStore.prepare([plainDocuments('docs')]);
      expect(await harness.readStore.countDocuments('docs')).toBe(0);
      expect(parse('5')).toBe('5');
    } finally {
      await harness.cleanup();
    }
  });

  it('refuses a BIGINT beyond 2^53 rather than rounding it', async () => {
    const harness = await postgresHarness();
    const schema = (harness.readStore as PostgresReadStore).schema;
    try {
      await harness.readStore.prepare([plainDocuments('docs')]);
      await postgres.withClient((client) =>
        client.query(
          `INSERT INTO "${schema}"."rm_docs" (id, position, updated_at, state, amount) VALUES ('x', 1, 't', '{}', 9007199254740993)`,
        ),
      );
      await expect(harness.readStore.findDocuments('docs', { limit: 1 })).resolves.toBeDefined();
      await expect(harness.readStore.rows('docs', {}, [])).rejects.toThrow(/does not fit a JS number/);
    } finally {
      await harness.cleanup();
    }
  });

  it('a rebuild of a projection whose columns changed drops its table and creates it with the new ones', async () => {
    const harness = await postgresHarness();
    try {
      const before = plainDocuments('docs');
      await harness.readStore.prepare([before]);
      const after = { ...before, columns: { ...before.columns, extra: 'text' as const } };
      await harness.readStore.transaction((tx) => tx.reset(after));
      await harness.readStore.transaction((tx) =>
        tx.saveDocuments(after, [
          {
            id: 'a',
            position: 1,
            updatedAt: 't',
            state: {},
            columns: { label: 'x', amount: 1, day: null, extra: 'new' },
          },
        ]),
      );
      expect(await harness.readStore.countDocuments('docs', { extra: 'new' })).toBe(1);
    } finally {
      await harness.cleanup();
    }
  });

  it('many documents, counters and rows in one batch go in multi-row statements', async () => {
    const harness = await postgresHarness();
    try {
      const docs = plainDocuments('docs');
      await harness.readStore.prepare([docs]);
      await harness.readStore.transaction(async (tx) => {
        await tx.saveDocuments(
          docs,
          Array.from({ length: 1234 }, (_, i) => ({
            id: `d-${String(i).padStart(4, '0')}`,
            position: i + 1,
            updatedAt: 't',
            state: { i },
            columns: { label: i % 2 ? 'odd' : 'even', amount: i, day: null },
          })),
        );
        await tx.addToCounters(
          Array.from({ length: 1234 }, (_, i) => ({
            projection: 'docs',
            counter: 'n',
            key: JSON.stringify([i % 7]),
            field: 'count',
            delta: 1,
          })),
        );
      });
      expect(await harness.readStore.countDocuments('docs', { label: 'odd' })).toBe(617);
      const counters = await harness.readStore.counters('n');
      expect(counters.reduce((sum, row) => sum + row.values.count, 0)).toBe(1234);
      expect(counters).toHaveLength(7);
    } finally {
      await harness.cleanup();
    }
  });
});
