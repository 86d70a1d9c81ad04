import { Client, Pool } from 'pg';
import { anEvent, ContractHarness, range, someEvents, uniqueStream } from '../contract/contract-fixtures';
import { eventStoreContract } from '../event-store.contract';
import { InvalidAppendRequestError, WrongExpectedRevisionError } from '../event-store.port';
import { PostgresBatchWriter } from './postgres.batch-writer';
import { PostgresEventStore, PostgresEventStoreOptions } from './postgres.event-store';
import { logNames } from './postgres.log-names';
import { statementsFor } from './postgres.statements';
import { StreamReads } from './postgres.stream-reads';
import { postgresForThisFile, uniqueName } from './testing/embedded-postgres';

const postgres = postgresForThisFile();

/** Each contract test gets a schema of its own in the file's database. */
async function postgresHarness(): Promise<ContractHarness> {
  const schema = uniqueName('contract');
  const open = () => PostgresEventStore.open({ connectionString: postgres.database, schema });
  let current = await open();
  return {
    get store() {
      return current;
    },
    reopen: async () => {
      await current.close();
      current = await open();
      return current;
    },
    tamper: async (position, newDataJson) => {
      await postgres.withClient((client) =>
        client.query(`UPDATE "${schema}".events SET data = $1 WHERE position = $2`, [newDataJson, position]),
      );
    },
    cleanup: async () => {
      await current.close();
      await postgres.withClient((client) => client.query(`DROP SCHEMA "${schema}" CASCADE`));
    },
  };
}

eventStoreContract('PostgresEventStore', postgresHarness);

describe('PostgresEventStore on its own terms', () => {
  let schema: string;
  const opened: PostgresEventStore[] = [];
  const open = async (options: Partial<PostgresEventStoreOptions> = {}): Promise<PostgresEventStore> => {
    const store = await PostgresEventStore.open({ connectionString: postgres.database, schema, ...options });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    schema = uniqueName('own');
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  /**
   * Holds the log lock from another connection while `appends` start; once the store's writer waits for the lock, ends
   * that wait with `stop` (pg_terminate_backend: the connection lost; pg_cancel_backend: a statement_timeout's doing)
   * and lets the lock go. → what `appends` gave.
   */
  const whileTheWriterWaits = async <T>(
    stop: 'pg_terminate_backend' | 'pg_cancel_backend',
    appends: () => Promise<T>,
  ): Promise<T> => {
    const locker = new Client({ connectionString: postgres.database });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT pg_advisory_xact_lock($1, $2)', logNames(schema).lockKeys);
      const appended = appends();
      let waiting: { pid: number }[] = [];
      while (waiting.length === 0) {
        ({ rows: waiting } = await locker.query<{ pid: number }>(
          "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
        ));
      }
      await locker.query(`SELECT ${stop}($1)`, [waiting[0].pid]);
      await locker.query('COMMIT');
      return await appended;
    } finally {
      await locker.end();
    }
  };

  describe('group commit', () => {
    it('writes appends queued in the same turn in transactions of at most 8, in queue order', async () => {
      let clockCalls = 0;
      const store = await open({ clock: () => new Date(Date.UTC(2025, 0, 1, 0, 0, 0, ++clockCalls)) });

      const results = await Promise.all(
        range(0, 19).map((index) => store.appendToStream(`s-${index}`, 'no-stream', [anEvent({ index })])),
      );

      expect(results.map((r) => r.lastPosition)).toEqual(range(1, 20));
      expect(clockCalls).toBe(3); // one plan a transaction
      const millisecondOf = (recordedAt: string) => Number(recordedAt.slice(-4, -1));
      expect((await store.readAll()).map((e) => [e.data.index, millisecondOf(e.recordedAt)])).toEqual(
        range(0, 19).map((index) => [index, 1 + Math.floor(index / 8)]),
      );
    });

    it('a request that fails in a batch rejects alone; the requests after it see only what was written', async () => {
      const store = await open();
      await store.appendToStream('taken', 'no-stream', [anEvent()]);

      const [before, conflicting, dependent, after] = await Promise.allSettled([
        store.appendToStream('first', 'no-stream', [anEvent()]),
        store.appendToStreams([
          { streamId: 'taken', expectedRevision: 'no-stream', events: [anEvent()] },
          { streamId: 'never', expectedRevision: 'no-stream', events: someEvents(2) },
        ]),
        store.appendToStream('never', 'no-stream', [anEvent()]), // 'never' was not created by the failed request
        store.appendToStream('first', 0, [anEvent()]), // sees the first request's event in the same batch
      ]);

      expect(before).toMatchObject({ status: 'fulfilled', value: { lastPosition: 2 } });
      expect(conflicting.status === 'rejected' && conflicting.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(dependent).toMatchObject({ status: 'fulfilled', value: { lastPosition: 3, nextRevisions: { never: 0 } } });
      expect(after).toMatchObject({ status: 'fulfilled', value: { lastPosition: 4, nextRevisions: { first: 1 } } });
      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 4 });
    });

    it('when the transaction itself fails, every request of the batch is rejected and nothing is written', async () => {
      let failing = true;
      const clockFailure = new Error('clock unavailable');
      const store = await open({
        clock: () => {
          if (failing) throw clockFailure;
          return new Date();
        },
      });

      const outcomes = await Promise.allSettled(
        range(0, 2).map(() => store.appendToStream(uniqueStream('s'), 'any', [anEvent()])),
      );

      expect(outcomes).toEqual(range(0, 2).map(() => ({ status: 'rejected', reason: clockFailure })));
      expect(await store.headPosition()).toBe(0);
      failing = false;
      expect(await store.appendToStream('after', 'no-stream', [anEvent()])).toMatchObject({ lastPosition: 1 });
    });
  });

  describe('a batch planned without reading the log (postgres.batch-premises.ts)', () => {
    it('is not written when another instance wrote since: it goes after the other’s events, the chain intact', async () => {
      const [one, other] = [await open(), await open()];
      await one.appendToStream('one', 'no-stream', [anEvent()]);
      await one.appendToStream('one', 0, [anEvent()]); // planned on the tail `one` committed
      await other.appendToStream('other', 'no-stream', someEvents(2));

      const result = await one.appendToStream('one', 1, [anEvent()]); // `one`'s tail (2) is stale: the log is at 4

      expect(result).toEqual({ lastPosition: 5, nextRevisions: { one: 2 }, idempotentRepeat: false });
      expect((await other.readAll()).map((e) => [e.streamId, e.position])).toEqual([
        ['one', 1],
        ['one', 2],
        ['other', 3],
        ['other', 4],
        ['one', 5],
      ]);
      expect(await other.verifyChain()).toMatchObject({ ok: true, checked: 5 });
    });

    it('a retry of an acknowledged append is answered from the log, not written again', async () => {
      const store = await open();
      const event = anEvent();
      await store.appendToStream('retried', 'no-stream', [event]);
      await store.appendToStream('elsewhere', 'no-stream', [anEvent()]);

      const retry = await store.appendToStream('retried', 'no-stream', [event]);

      expect(retry).toEqual({ lastPosition: 1, nextRevisions: { retried: 0 }, idempotentRepeat: true });
      expect(await store.headPosition()).toBe(2);
    });

    it('an expected revision that no longer holds is refused with the stream’s actual revision', async () => {
      const store = await open();
      await store.appendToStream('raced', 'no-stream', someEvents(2));

      const stale = store.appendToStream('raced', 0, [anEvent()]);

      await expect(stale).rejects.toThrow(WrongExpectedRevisionError);
      await expect(stale).rejects.toMatchObject({ streamId: 'raced', expected: 0, actual: 1 });
      expect(await store.headPosition()).toBe(2);
    });

    it('batches sent one behind another on a stale tail are each planned again from a read, in order', async () => {
      const [one, other] = [await open(), await open()];
      await one.appendToStream('one', 'no-stream', [anEvent()]); // `one` knows the tail: position 1
      await other.appendToStream('other', 'no-stream', someEvents(2));

      // Two batches of 8 and one of 4: the second is planned on the first's tail and sent before it is answered.
      const results = await Promise.all(
        range(0, 19).map((index) => one.appendToStream(`burst-${index}`, 'no-stream', [anEvent({ index })])),
      );

      expect(results.map((r) => r.lastPosition)).toEqual(range(4, 23));
      expect((await other.readAll()).map((e) => e.streamId)).toEqual([
        'one',
        'other',
        'other',
        ...range(0, 19).map((index) => `burst-${index}`),
      ]);
      expect(await other.verifyChain()).toMatchObject({ ok: true, checked: 23 });
    });

    it('a retry in the first of two batches in flight is answered from the log; the batch behind is written after it', async () => {
      const store = await open();
      const retried = anEvent();
      await store.appendToStream('retried', 'no-stream', [retried]);

      const results = await Promise.all([
        store.appendToStream('retried', 'no-stream', [retried]),
        ...range(1, 15).map((index) => store.appendToStream(`fresh-${index}`, 'no-stream', [anEvent({ index })])),
      ]);

      expect(results[0]).toEqual({ lastPosition: 1, nextRevisions: { retried: 0 }, idempotentRepeat: true });
      expect(results.slice(1).map((r) => r.lastPosition)).toEqual(range(2, 16));
      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 16 });
    });

    it('a retry refused by the plan for a revision an earlier request of its batch moved is answered as a repeat', async () => {
      const store = await open();
      const original = anEvent();
      await store.appendToStream('a', 'no-stream', [original]); // the writer knows the tail

      const [next, retry] = await Promise.all([
        store.appendToStream('a', 0, [anEvent()]),
        store.appendToStream('a', 'no-stream', [original]), // the retry of an append whose answer was lost
      ]);

      expect(next).toMatchObject({ lastPosition: 2 });
      expect(retry).toEqual({ lastPosition: 1, nextRevisions: { a: 1 }, idempotentRepeat: true });
    });

    it('a batch that must read goes after the batch sent before it, when that one’s premises fail', async () => {
      const store = await open();
      await store.appendToStream('warm', 'no-stream', [anEvent()]); // the writer knows the tail

      const outcomes = await Promise.allSettled([
        ...range(0, 5).map((i) => store.appendToStream(`f-${i}`, 'no-stream', [anEvent({ i })])),
        store.appendToStream('stale', 5, [anEvent()]), // its batch's premises fail: planned again from a read
        store.appendToStream('s', 'no-stream', [anEvent({ which: 'first' })]), // the 8th: that batch goes
        store.appendToStream('s', 'any', [anEvent({ which: 'second' })]), // the next batch names no revision: it reads
      ]);

      expect(outcomes.map((outcome) => outcome.status)).toEqual([
        ...range(0, 5).map(() => 'fulfilled'),
        'rejected',
        'fulfilled',
        'fulfilled',
      ]);
      expect((await store.readStream('s')).map((e) => e.data)).toEqual([{ which: 'first' }, { which: 'second' }]);
    });

    it('no batch is sent behind one whose plan writes nothing: its tail could not tell whether that one held', async () => {
      const store = await open();
      await store.appendToStream('a', 'no-stream', someEvents(6)); // a at revision 5; the writer knows the tail

      const outcomes = await Promise.allSettled([
        store.appendToStreams([{ streamId: 'a', expectedRevision: 0, events: [] }]), // a stale check: premise a at 0
        store.appendToStream('a', 5, [anEvent({ which: 'queued first' })]),
        ...range(0, 5).map((i) =>
          store.appendToStreams([{ streamId: `c-${i}`, expectedRevision: 'no-stream', events: [] }]),
        ),
        store.appendToStream('a', 5, [anEvent({ which: 'queued ninth' })]), // the next batch, the same expectation
      ]);

      expect(outcomes.map((outcome) => outcome.status)).toEqual([
        'rejected',
        'fulfilled',
        ...range(0, 5).map(() => 'fulfilled'),
        'rejected',
      ]);
      expect((await store.readStream('a', { fromRevision: 6 })).map((e) => e.data)).toEqual([
        { which: 'queued first' },
      ]);
    });

    it('the writer’s connection lost with two batches on it: both refused, nothing half-written, the next on another', async () => {
      const store = await open();
      await store.appendToStream('warm', 'no-stream', [anEvent()]);
      const lost = await whileTheWriterWaits('pg_terminate_backend', () =>
        Promise.allSettled(range(0, 15).map((i) => store.appendToStream(`lost-${i}`, 'no-stream', [anEvent({ i })]))),
      );

      expect(lost.map((outcome) => outcome.status)).toEqual(range(0, 15).map(() => 'rejected'));
      expect(await store.appendToStream('after', 'no-stream', [anEvent()])).toMatchObject({ lastPosition: 2 });
      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 2 });
    });

    it('after a batch planned again from a read, the batches under steady load go back to premises', async () => {
      const store = await open();
      const reads = jest.spyOn(
        PostgresBatchWriter.prototype as unknown as { readThenWrite: () => unknown },
        'readThenWrite',
      );
      try {
        await store.appendToStream('x', 'no-stream', someEvents(2)); // x at 1; the writer knows the tail
        // 16 commands, each appending 15 times in turn to a stream of its own, at the revision it expects
        const steadyLoad = (prefix: string) =>
          Promise.all(
            range(0, 15).map(async (w) => {
              for (let r = 0; r < 15; r++) {
                await store.appendToStream(`${prefix}-${w}`, r === 0 ? 'no-stream' : r - 1, [anEvent({ w, r })]);
              }
            }),
          );
        reads.mockClear();

        // One stale command (x is past 0): its batch's premises fail, as with any conflict or another process writing.
        await Promise.all([store.appendToStream('x', 0, [anEvent()]).catch(() => undefined), steadyLoad('after')]);

        expect(reads.mock.calls.length).toBeLessThanOrEqual(5); // the conflicting batch, and a few behind it
        expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 2 + 16 * 15 });
      } finally {
        reads.mockRestore();
      }
    });

    it('a batch sent behind one whose lock wait was cancelled is planned again from a read and written', async () => {
      const store = await open();
      await store.appendToStream('warm', 'no-stream', [anEvent()]); // read, then written: the statement on premises
      // is not prepared on the connection yet, and the batch behind the first is sent before the server prepares it
      const outcomes = await whileTheWriterWaits('pg_cancel_backend', () =>
        Promise.allSettled(range(0, 15).map((i) => store.appendToStream(`p-${i}`, 'no-stream', [anEvent({ i })]))),
      );

      expect(outcomes.map((outcome) => outcome.status)).toEqual([
        ...range(0, 7).map(() => 'rejected'),
        ...range(8, 15).map(() => 'fulfilled'),
      ]);
      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 9 });
    });

    it('a stream expected at a revision it has not reached is refused: no revision is skipped', async () => {
      const store = await open();
      await store.appendToStream('behind', 'no-stream', someEvents(2));

      const ahead = store.appendToStream('behind', 3, [anEvent()]); // planned on premises: the tail is known

      await expect(ahead).rejects.toMatchObject({ streamId: 'behind', expected: 3, actual: 1 });
      expect(await store.headPosition()).toBe(2);
    });

    it('a stream planned as new that another instance began since is refused, the other’s events kept', async () => {
      const [one, other] = [await open(), await open()];
      await one.appendToStream('first', 'no-stream', [anEvent()]);
      await other.appendToStream('contested', 'no-stream', [anEvent()]);
      await one.appendToStream('first', 0, [anEvent()]); // `one` learns the tail again

      const late = one.appendToStream('contested', 'no-stream', [anEvent()]);

      await expect(late).rejects.toMatchObject({ streamId: 'contested', actual: 0 });
      expect((await other.readAll()).map((e) => [e.streamId, e.streamRevision])).toEqual([
        ['first', 0],
        ['contested', 0],
        ['first', 1],
      ]);
    });
  });

  describe('whole-stream reads asked in one turn (postgres.stream-reads.ts)', () => {
    it('each gets its own stream from the revision it asked, in revision order, whatever else was asked with it', async () => {
      const store = await open();
      await store.appendToStreams([
        { streamId: 'a', expectedRevision: 'no-stream', events: someEvents(3, (i) => ({ a: i })) },
        { streamId: 'b', expectedRevision: 'no-stream', events: someEvents(2, (i) => ({ b: i })) },
      ]);
      await store.appendToStream(
        'a',
        2,
        someEvents(2, (i) => ({ a: 3 + i })),
      );

      const [a, aFrom3, b, missing, aAgain, bPastEnd] = await Promise.all([
        store.readStream('a'),
        store.readStream('a', { fromRevision: 3 }),
        store.readStream('b'),
        store.readStream('missing'),
        store.readStream('a', { fromRevision: 0 }),
        store.readStream('b', { fromRevision: 2 }),
      ]);

      expect(a.map((e) => [e.streamRevision, e.data])).toEqual(range(0, 4).map((i) => [i, { a: i }]));
      expect(aFrom3.map((e) => e.streamRevision)).toEqual([3, 4]);
      expect(b.map((e) => [e.streamRevision, e.data])).toEqual(range(0, 1).map((i) => [i, { b: i }]));
      expect(missing).toEqual([]);
      expect(aAgain).toEqual(a);
      expect(bPastEnd).toEqual([]);
      expect(a.map((e) => e.position)).toEqual([1, 2, 3, 6, 7]);
    });

    it('reads asked along promise chains of any length, from one turn, share one statement', async () => {
      const store = await open();
      await store.appendToStreams([
        { streamId: 'a', expectedRevision: 'no-stream', events: someEvents(2, (i) => ({ a: i })) },
        { streamId: 'b', expectedRevision: 'no-stream', events: someEvents(1, (i) => ({ b: i })) },
      ]);
      const pool = new Pool({ connectionString: postgres.database, max: 1 });
      let statements = 0;
      pool.on('acquire', () => (statements += 1));
      const { streamForwards, wholeStreams } = statementsFor(logNames(schema));
      const reads = new StreamReads(pool, streamForwards, wholeStreams);
      // As the commands a commit resumes: each reaches its read after a chain of awaits of its own length.
      const readAfterAwaits = async (awaits: number, streamId: string) => {
        for (let i = 0; i < awaits; i++) await Promise.resolve();
        return reads.read(streamId, 0);
      };

      try {
        const [a, b, aLater] = await Promise.all([
          readAfterAwaits(0, 'a'),
          readAfterAwaits(5, 'b'),
          readAfterAwaits(50, 'a'),
        ]);

        expect(statements).toBe(1);
        expect(a.map((e) => e.data)).toEqual([{ a: 0 }, { a: 1 }]);
        expect(b.map((e) => e.data)).toEqual([{ b: 0 }]);
        expect(aLater).toEqual(a);
      } finally {
        await pool.end();
      }
    });

    it('a read asked after an append was acknowledged sees it, however many reads share its statement', async () => {
      const store = await open();
      const streams = range(0, 49).map((i) => `burst-${i}`);
      await Promise.all(streams.map((id) => store.appendToStream(id, 'no-stream', [anEvent({ id })])));

      const reads = await Promise.all(streams.map((id) => store.readStream(id)));

      expect(reads.map((events) => events.map((e) => e.data))).toEqual(streams.map((id) => [{ id }]));
    });
  });

  describe('schema', () => {
    it('opens a log an earlier version left with its streams table: revisions come from the events alone', async () => {
      const earlier = await open();
      await earlier.appendToStream('kept', 'no-stream', someEvents(3));
      await earlier.close();
      await postgres.withClient(async (client) => {
        await client.query(`CREATE TABLE "${schema}".streams (stream_id text PRIMARY KEY, revision bigint NOT NULL)`);
        await client.query(`INSERT INTO "${schema}".streams VALUES ('kept', 0)`); // stale: never to be believed
      });

      const today = await open();
      await today.appendToStream('kept', 2, someEvents(2)); // the first batch reads the log (no tail known yet)
      await today.appendToStream('kept', 4, someEvents(1)); // the next goes on premises

      expect(await today.streamRevision('kept')).toBe(5);
      expect(await today.streamRevision('never-written')).toBe(-1);
      await expect(today.appendToStream('kept', 0, someEvents(1))).rejects.toMatchObject({ expected: 0, actual: 5 });
    });

    it('eight stores opening a new schema at once all succeed and share one log', async () => {
      const stores = await Promise.all(range(0, 7).map(() => open()));

      await Promise.all(
        stores.map((store, index) => store.appendToStream(`opened-${index}`, 'no-stream', [anEvent()])),
      );

      expect(await stores[0].headPosition()).toBe(8);
      expect(await stores[7].verifyChain()).toMatchObject({ ok: true, checked: 8 });
    });

    it('keeps data and metadata as the JSON text that was hashed, and recordedAt as the hashed text', async () => {
      const store = await open();
      const data = { b: 1, a: { z: [1.5, 1e21, -0, '内蒙古'] }, ' spaced key ': null };
      await store.appendToStream('exact', 'no-stream', [anEvent(data)]);

      const stored = await postgres.withClient(async (client) => {
        const { rows } = await client.query<{ data: string; recorded_at: string }>(
          `SELECT data, recorded_at FROM "${schema}".events`,
        );
        return rows[0];
      });

      expect(stored.data).toBe(JSON.stringify(data)); // key order and number formats as written, not as jsonb's
      expect(stored.recorded_at).toBe((await store.readAll())[0].recordedAt);
    });

    it('keeps each event of a batch its own text, whatever its strings hold (the JSON columns go joined by U+001E)', async () => {
      const store = await open();
      const texts = ['record \u001e separator', 'quotes " and \\ backslashes', '{ "braces": [] }', '', '\u2028 行'];
      await Promise.all(
        texts.map((text, index) =>
          store.appendToStream(`joined-${index}`, 'no-stream', [anEvent({ text }), anEvent({ text, second: true })]),
        ),
      );

      const events = await store.readAll();
      expect(events).toHaveLength(2 * texts.length);
      expect(events.map((event) => event.data.text)).toEqual(texts.flatMap((text) => [text, text]));
      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 2 * texts.length });
    });

    it('stores an event of a few KB uncompressed, and its ids in bytewise order (postgres.schema.ts)', async () => {
      const store = await open();
      await store.appendToStream('large', 'no-stream', [anEvent({ text: '补贴'.repeat(1000) })]);

      const { compression, collations } = await postgres.withClient(async (client) => ({
        compression: (await client.query(`SELECT pg_column_compression(data) AS method FROM "${schema}".events`))
          .rows[0].method as unknown,
        collations: (
          await client.query(
            `SELECT table_name, column_name, collation_name FROM information_schema.columns
             WHERE table_schema = $1 AND column_name IN ('stream_id', 'event_id') ORDER BY table_name, column_name`,
            [schema],
          )
        ).rows as unknown,
      }));

      expect(compression).toBeNull();
      expect(collations).toEqual([
        { table_name: 'events', column_name: 'event_id', collation_name: 'C' },
        { table_name: 'events', column_name: 'stream_id', collation_name: 'C' },
      ]);
    });

    it('refuses a schema name that is not a plain identifier', async () => {
      await expect(open({ schema: 'events"; DROP TABLE x; --' })).rejects.toThrow(RangeError);
    });
  });

  describe('text PostgreSQL cannot store', () => {
    it('refuses an id with U+0000 or a lone surrogate on its own, before it can fail a batch', async () => {
      const store = await open();

      const outcomes = await Promise.allSettled([
        store.appendToStream('fine', 'no-stream', [anEvent()]),
        store.appendToStream('nul\u0000stream', 'no-stream', [anEvent()]),
        store.appendToStream('surrogate', 'no-stream', [anEvent({}, { eventId: 'id-\uD800' })]),
        store.appendToStream('also-fine', 'no-stream', [anEvent({ text: 'nul \u0000 in data is escaped' })]),
      ]);

      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      const reasons = outcomes.map((o): unknown => (o.status === 'rejected' ? o.reason : undefined));
      expect(reasons[1]).toBeInstanceOf(InvalidAppendRequestError);
      expect(reasons[2]).toBeInstanceOf(InvalidAppendRequestError);
      expect((await store.readStream('also-fine'))[0].data).toEqual({ text: 'nul \u0000 in data is escaped' });
    });
  });

  describe('several store instances on one database', () => {
    it('recordedAt never decreases along the log even when another instance’s clock is behind', async () => {
      const ahead = await open({ clock: () => new Date('2025-06-01T12:00:00.500Z') });
      const behind = await open({ clock: () => new Date('2025-06-01T11:59:00.000Z') });

      await ahead.appendToStream('clocks', 'no-stream', [anEvent()]);
      await behind.appendToStream('clocks', 0, [anEvent()]);

      expect((await behind.readAll()).map((e) => e.recordedAt)).toEqual([
        '2025-06-01T12:00:00.500Z',
        '2025-06-01T12:00:00.500Z',
      ]);
    });

    it('a caught-up follower is woken by another instance’s commit (LISTEN/NOTIFY), long before its poll', async () => {
      const [writer, reader] = [await open(), await open({ pollIntervalMs: 60_000 })];
      await writer.appendToStream('before', 'no-stream', [anEvent()]);
      const seen: number[] = [];
      const subscription = reader.follow({
        after: 0,
        onEvents: (events) => {
          seen.push(...events.map((e) => e.position));
          return Promise.resolve();
        },
      });
      await waitFor(() => seen.length === 1, 'the follower to read the first event');

      const started = Date.now();
      for (const index of range(0, 4)) {
        await writer.appendToStream('notified', index === 0 ? 'no-stream' : index - 1, [anEvent()]);
        await waitFor(() => seen.length === index + 2, `the follower to be woken for commit ${index + 1}`);
      }
      await subscription.stop();

      expect(seen).toEqual(range(1, 6));
      expect(Date.now() - started).toBeLessThan(10_000); // polling alone would need 5 × 60 s
    });

    it('verifyChain finds a changed hash, a changed time and a deleted row, whichever instance wrote them', async () => {
      const [one, other] = [await open(), await open()];
      for (const index of range(0, 5))
        await (index % 2 ? one : other).appendToStream('mixed', 'any', [anEvent({ index })]);
      expect(await one.verifyChain()).toMatchObject({ ok: true, checked: 6 });
      const tamper = (sql: string) => postgres.withClient((client) => client.query(sql));

      await tamper(`UPDATE "${schema}".events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE position = 5`);
      expect(await other.verifyChain()).toMatchObject({ ok: false, firstBrokenPosition: 5, checked: 4 });

      await tamper(`UPDATE "${schema}".events SET hash = repeat('0', 64) WHERE position = 3`);
      expect(await other.verifyChain()).toMatchObject({ ok: false, firstBrokenPosition: 3, checked: 2 });

      await tamper(`DELETE FROM "${schema}".events WHERE position = 2`);
      expect(await one.verifyChain()).toMatchObject({ ok: false, firstBrokenPosition: 3, checked: 1 });
    });
  });
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
