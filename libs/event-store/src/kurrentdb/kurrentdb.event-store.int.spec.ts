/**
 * The KurrentDB adapter against a real server: runs only when KURRENTDB_URL is set, e.g.
 *
 *   KURRENTDB_URL='kurrentdb://localhost:2113?tls=false' npx jest kurrentdb
 *
 * Without it every test below is reported skipped, by name, under a title that says so: nothing here passes without
 * a server. Each contract test gets a namespace of its own (streams `contract-…:<id>`), so the server need not be
 * empty; what the tests write stays on it.
 */
import { randomUUID } from 'crypto';
import { FORWARDS, KurrentDBClient, START } from '@kurrent/kurrentdb-client';
import { anEvent, ContractHarness, delay, range, someEvents } from '../contract/contract-fixtures';
import { eventStoreContract } from '../event-store.contract';
import { KurrentDbEventStore, KurrentDbEventStoreOptions } from './kurrentdb.event-store';

const KURRENTDB_URL = process.env.KURRENTDB_URL;
const CHAIN_HEAD_EVERY = 3;

const namespace = (purpose: string) => `${purpose}-${randomUUID().slice(0, 8)}`;

function open(options: Partial<KurrentDbEventStoreOptions> = {}): Promise<KurrentDbEventStore> {
  if (!KURRENTDB_URL) throw new Error('KURRENTDB_URL is not set');
  return KurrentDbEventStore.open({
    connectionString: KURRENTDB_URL,
    chainHeadEvery: CHAIN_HEAD_EVERY,
    pollIntervalMs: 50,
    ...options,
  });
}

async function kurrentDbHarness(): Promise<ContractHarness> {
  const ns = namespace('contract');
  let current = await open({ namespace: ns });
  return {
    get store() {
      return current;
    },
    reopen: async () => {
      await current.close();
      current = await open({ namespace: ns });
      return current;
    },
    // No tamper: KurrentDB has no way to change a recorded event in place (see README.md, tamper evidence).
    cleanup: () => current.close(),
  };
}

const capabilities = { tamper: false, densePositions: false, eventIdsUniqueAcrossStreams: false, streamIds: false };

function ownTerms(): void {
  describe('KurrentDbEventStore on its own terms', () => {
    const opened: KurrentDbEventStore[] = [];
    let client: KurrentDBClient;

    beforeAll(() => {
      client = KurrentDBClient.connectionString(KURRENTDB_URL ?? '');
    });

    afterAll(async () => {
      await client?.dispose();
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    const openOwn = async (options: Partial<KurrentDbEventStoreOptions>) => {
      const store = await open(options);
      opened.push(store);
      return store;
    };

    async function chainHeads(store: KurrentDbEventStore): Promise<unknown[]> {
      const heads: unknown[] = [];
      try {
        for await (const resolved of client.readStream(store.chainStream, {
          fromRevision: START,
          direction: FORWARDS,
        })) {
          heads.push(resolved.event?.data);
        }
      } catch {
        return heads; // no head yet: the stream does not exist
      }
      return heads;
    }

    /** The chain follower runs on its own: polls the chain stream until it holds `count` heads (or 20 s pass). */
    async function chainHeadsOnceThereAre(store: KurrentDbEventStore, count: number): Promise<unknown[]> {
      let heads = await chainHeads(store);
      const deadline = Date.now() + 20_000;
      while (heads.length < count && Date.now() < deadline) {
        await delay(100);
        heads = await chainHeads(store);
      }
      return heads;
    }

    it('opens on KurrentDB 25.1 or later and says which version it checked', async () => {
      const store = await openOwn({ namespace: namespace('version') });

      expect(store.server.major * 100 + store.server.minor).toBeGreaterThanOrEqual(2501);
    });

    it('positions are the events’ $all commit positions: increasing, not 1, 2, 3', async () => {
      const ns = namespace('positions');
      const store = await openOwn({ namespace: ns });
      await store.appendToStream('grant-1', 'no-stream', someEvents(3));

      const positions = (await store.readAll()).map((e) => e.position);
      const raw: bigint[] = [];
      for await (const resolved of client.readAll({ fromPosition: START, direction: FORWARDS })) {
        const event = resolved.event;
        if (event?.streamId === `${ns}:grant-1`) raw.push(event.position.commit);
      }

      expect(positions).toEqual(raw.map(Number));
      expect(positions[1]).toBeGreaterThan(positions[0]);
      expect(positions[2]).toBeGreaterThan(positions[1]);
    });

    it('records a chain head after every N events, and verifyChain compares the walk with them', async () => {
      const store = await openOwn({ namespace: namespace('chain') });
      for (const index of range(0, 9)) await store.appendToStream(`s-${index % 2}`, 'any', [anEvent({ index })]);

      const heads = await chainHeadsOnceThereAre(store, 3);
      const log = await store.readAll();

      expect(heads).toEqual(
        [3, 6, 9].map((count) => ({ count, position: log[count - 1].position, hash: log[count - 1].hash, every: 3 })),
      );
      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 10 });
    });

    it('two stores on one namespace record each head once and agree on it', async () => {
      const ns = namespace('two-followers');
      const [one, other] = [await openOwn({ namespace: ns }), await openOwn({ namespace: ns })];
      await Promise.all(
        range(0, 11).map((index) => (index % 2 ? one : other).appendToStream(`s-${index}`, 'no-stream', [anEvent()])),
      );

      const heads = await chainHeadsOnceThereAre(one, 4);

      expect(heads.map((head) => (head as { count: number }).count)).toEqual([3, 6, 9, 12]);
      expect(await other.verifyChain()).toMatchObject({ ok: true, checked: 12 });
    });
  });
}

if (KURRENTDB_URL) {
  eventStoreContract('KurrentDbEventStore', kurrentDbHarness, capabilities);
  ownTerms();
} else {
  describe.skip('KurrentDbEventStore (KURRENTDB_URL not set: not verified here)', () => {
    eventStoreContract('KurrentDbEventStore', kurrentDbHarness, capabilities);
    ownTerms();
  });
}
