import Database from 'better-sqlite3';
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  anEvent,
  appendWithRetry,
  ContractHarness,
  delay,
  eventually,
  range,
  rejectionOf,
  someEvents,
  uniqueStream,
} from '../contract/contract-fixtures';
import { eventStoreContract } from '../event-store.contract';
import { RecordedEvent, WrongExpectedRevisionError } from '../event-store.port';
import { SqliteEventStore, SqliteEventStoreOptions, STREAM_IDS_PAGE } from './sqlite.event-store';

interface TempDatabase {
  file: string;
  remove(): void;
}

function tempDatabase(): TempDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'event-store-'));
  return { file: path.join(dir, 'events.sqlite'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Runs a statement on the file through a connection of its own, as someone with access to the database could. */
function withRawConnection(file: string, act: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    act(db);
  } finally {
    db.close();
  }
}

interface SecondProcessWriter {
  ready: Promise<void>;
  eventIds: Promise<string[]>;
}

/** Starts testing/second-process-writer.js: another OS process appending to the same file with its own store. */
function startSecondProcessWriter(
  file: string,
  sharedStream: string,
  ownStream: string,
  appends: number,
): SecondProcessWriter {
  const script = path.join(__dirname, 'testing', 'second-process-writer.js');
  const child = spawn(process.execPath, [script, file, sharedStream, ownStream, String(appends)]);
  let stdout = '';
  let stderr = '';
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.startsWith('ready\n')) resolve();
    });
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const eventIds = new Promise<string[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the second process exited with ${code}: ${stderr}`));
      else resolve((JSON.parse(stdout.split('\n')[1]) as { eventIds: string[] }).eventIds);
    });
  });
  return { ready: Promise.race([ready, eventIds.then(() => undefined)]), eventIds };
}

async function sqliteHarness(): Promise<ContractHarness> {
  const database = tempDatabase();
  let current = SqliteEventStore.open({ file: database.file });
  return {
    get store() {
      return current;
    },
    reopen: async () => {
      await current.close();
      current = SqliteEventStore.open({ file: database.file });
      return current;
    },
    tamper: async (position, newDataJson) =>
      withRawConnection(database.file, (db) => {
        db.prepare('UPDATE events SET data = ? WHERE position = ?').run(newDataJson, position);
      }),
    cleanup: async () => {
      await current.close();
      database.remove();
    },
  };
}

eventStoreContract('SqliteEventStore', sqliteHarness);

describe('SqliteEventStore on its own terms', () => {
  let database: TempDatabase;
  const opened: SqliteEventStore[] = [];
  const open = (options: Partial<SqliteEventStoreOptions> = {}): SqliteEventStore => {
    const store = SqliteEventStore.open({ file: database.file, ...options });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    database = tempDatabase();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    database.remove();
  });

  describe('listing stream ids', () => {
    it('lists a log of more streams than a page each once, letting other work run between pages', async () => {
      const store = open();
      const streams = range(1, STREAM_IDS_PAGE * 2 + 1).map((n) => `s-${n}`);
      await store.appendToStreams(
        streams.map((streamId) => ({ streamId, expectedRevision: 'no-stream', events: someEvents(1) })),
      );
      let turnsMeanwhile = 0;
      const tick = setInterval(() => turnsMeanwhile++, 0);
      const listed = await store.streamIds();
      clearInterval(tick);

      expect(listed.length).toBe(streams.length);
      expect(new Set(listed)).toEqual(new Set(streams));
      expect(turnsMeanwhile).toBeGreaterThan(0);
    });
  });

  describe('durability settings', () => {
    it('runs in WAL mode with synchronous=FULL and a busy timeout', () => {
      expect(open().pragmas()).toEqual({ journalMode: 'wal', synchronous: 2, busyTimeoutMs: 5000 });
      expect(open({ busyTimeoutMs: 250 }).pragmas().busyTimeoutMs).toBe(250);
      // The connection that commits lone requests on the main thread: as durable, and never waiting for a lock.
      expect(open().directWriterPragmas()).toEqual({ journalMode: 'wal', synchronous: 2, busyTimeoutMs: 0 });
    });

    it('creates its schema once and opens an existing file as it is', async () => {
      const first = open();
      await first.appendToStream('kept', 'no-stream', someEvents(2));
      await first.close();

      const again = open();

      expect(await again.streamRevision('kept')).toBe(1);
      withRawConnection(database.file, (db) => {
        const indexed = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'").all();
        expect(indexed).toHaveLength(2); // the unique event id and the unique (stream_id, stream_revision)
      });
    });
    it('opens a file an earlier version left with its streams table: revisions come from the events, the table goes', async () => {
      const earlier = open();
      await earlier.appendToStream('kept', 'no-stream', someEvents(3));
      await earlier.close();
      withRawConnection(database.file, (db) => {
        db.exec('CREATE TABLE streams (stream_id TEXT PRIMARY KEY, revision INTEGER NOT NULL)');
        db.prepare('INSERT INTO streams VALUES (?, ?)').run('kept', 2);
      });

      const today = open();
      await today.appendToStream('kept', 2, someEvents(2));

      expect(await today.streamRevision('kept')).toBe(4);
      expect(await today.streamRevision('never-written')).toBe(-1);
      await expect(today.appendToStream('kept', 2, someEvents(1))).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      withRawConnection(database.file, (db) => {
        expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'streams'").all()).toEqual([]);
      });
    });
  });

  describe('group commit', () => {
    /** A clock a millisecond later at each reading (2025-01-01T00:00:00.001Z first): one reading a batch sent. */
    const tickingClock = () => {
      let calls = 0;
      return { now: () => new Date(Date.UTC(2025, 0, 1, 0, 0, 0, ++calls)), calls: () => calls };
    };

    it('writes appends queued in the same turn in one transaction, in queue order', async () => {
      const clock = tickingClock();
      const store = open({ clock: clock.now });

      const results = await Promise.all(
        range(0, 7).map((index) => store.appendToStream(`s-${index}`, 'no-stream', [anEvent({ index })])),
      );

      expect(results.map((r) => r.lastPosition)).toEqual(range(1, 8));
      expect(clock.calls()).toBe(1);
      expect(new Set((await store.readAll()).map((e) => e.recordedAt))).toEqual(new Set(['2025-01-01T00:00:00.001Z']));
    });

    it('pipelines a busy turn: the first 8 go at once, the rest without waiting for their commit, in queue order', async () => {
      const clock = tickingClock();
      const store = open({ clock: clock.now });

      const results = await Promise.all(
        range(0, 11).map((index) => store.appendToStream(`s-${index}`, 'no-stream', [anEvent({ index })])),
      );

      expect(results.map((r) => r.lastPosition)).toEqual(range(1, 12));
      expect(clock.calls()).toBe(2); // two batches sent: the first at 8 queued, the rest at the end of the turn
      const recordedAt = (await store.readAll()).map((e) => e.recordedAt);
      // The second batch is written by a transaction of its own, or with the first when it waited behind it.
      expect(recordedAt.slice(8)).toEqual(Array(4).fill('2025-01-01T00:00:00.002Z'));
      expect(['2025-01-01T00:00:00.001Z', '2025-01-01T00:00:00.002Z']).toContain(recordedAt[0]);
      expect(new Set(recordedAt.slice(0, 8)).size).toBe(1);
      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 12 });
    });

    it('writes the batches that waited behind a commit in one transaction, each answered in order', async () => {
      const clock = tickingClock();
      const store = open({ clock: clock.now });
      // Two in one turn, so that they go to the writer thread (a lone request is committed on this one): it has started.
      await Promise.all(
        ['warm-up', 'warm-up 2'].map((stream) => store.appendToStream(stream, 'no-stream', [anEvent()])),
      ); // clock 001
      const blocker = new Database(database.file);
      try {
        // Another connection holds the write lock: the writer thread's next transaction waits for it.
        blocker.exec('BEGIN IMMEDIATE');
        const first = store.appendToStream('first', 'no-stream', [anEvent()]); // clock 002, sent, waits for the lock
        await delay(50);
        const second = store.appendToStream('second', 'no-stream', [anEvent()]); // 003, queued behind it
        await delay(50);
        const third = store.appendToStream('third', 'no-stream', [anEvent()]); // 004, queued behind it
        await delay(50);
        blocker.exec('COMMIT');
        const results = await Promise.all([first, second, third]);
        expect(results.map((r) => r.lastPosition)).toEqual([3, 4, 5]);
      } finally {
        blocker.close();
      }
      const recorded = await store.readAll();
      expect(recorded.map((e) => [e.streamId, e.recordedAt])).toEqual([
        ['warm-up', '2025-01-01T00:00:00.001Z'],
        ['warm-up 2', '2025-01-01T00:00:00.001Z'],
        ['first', '2025-01-01T00:00:00.002Z'],
        // One transaction for the two that waited: one clock reading, the later one.
        ['second', '2025-01-01T00:00:00.004Z'],
        ['third', '2025-01-01T00:00:00.004Z'],
      ]);
      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 5 });
    });

    it('commits a lone request on the main thread while the writer thread is idle: answered in the task that sends it', async () => {
      const store = open();
      let answered = false;

      const appended = store.appendToStream('alone', 'no-stream', [anEvent()]).then((result) => {
        answered = true;
        return result;
      });
      // Queued behind the flush's own setImmediate: the writer thread's answer could only come in a later task.
      const answeredBeforeTheNextTask = await new Promise<boolean>((resolve) => setImmediate(() => resolve(answered)));

      expect(answeredBeforeTheNextTask).toBe(true);
      expect((await appended).lastPosition).toBe(1);
      expect((await store.readStream('alone')).map((event) => event.position)).toEqual([1]);
      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 1 });
    });

    it('a lone request that finds the write lock taken goes to the writer thread, which waits for it', async () => {
      const store = open();
      await store.appendToStream('warm-up', 'no-stream', [anEvent()]);
      const blocker = new Database(database.file);
      try {
        blocker.exec('BEGIN IMMEDIATE');
        const sent = Date.now();
        const appended = store.appendToStream('later', 'no-stream', [anEvent()]);
        const settled = appended.then(
          () => 'fulfilled',
          () => 'rejected',
        );

        // The main thread did not wait for the lock: a timer set now runs well within the store's busy timeout (5 s)…
        await delay(0);
        expect(Date.now() - sent).toBeLessThan(1000);
        // …and the request was neither written nor refused: the writer thread waits for the lock.
        expect(await Promise.race([settled, delay(100).then(() => 'still waiting')])).toBe('still waiting');
        blocker.exec('COMMIT');
        expect((await appended).lastPosition).toBe(2);
      } finally {
        blocker.close();
      }
      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 2 });
    });

    it('a lone request of more than four events goes to the writer thread', async () => {
      const store = open();
      let answered = false;

      const appended = store.appendToStream('large', 'no-stream', someEvents(5)).then((result) => {
        answered = true;
        return result;
      });
      const answeredBeforeTheNextTask = await new Promise<boolean>((resolve) => setImmediate(() => resolve(answered)));

      expect(answeredBeforeTheNextTask).toBe(false);
      expect((await appended).lastPosition).toBe(5);
    });

    it('asks the writer thread to checkpoint the WAL after commits made on the main thread', async () => {
      const store = open();
      for (const index of range(0, 1499)) await store.appendToStream(`s-${index}`, 'no-stream', [anEvent({ index })]);

      // Checkpointed every 128 commits, the WAL starts over and its file stays as long as the longest stretch it held;
      // without, 1,500 commits of a few pages each would have made it ~20 MB.
      expect(fs.statSync(`${database.file}-wal`).size).toBeLessThan(8 * 1024 * 1024);
      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 1500 });
    }, 30_000);

    it('a request that fails in a batch rejects alone; the others are written', async () => {
      const store = open();
      await store.appendToStream('taken', 'no-stream', [anEvent()]);

      const [before, conflicting, after] = await Promise.allSettled([
        store.appendToStream('first', 'no-stream', [anEvent()]),
        store.appendToStream('taken', 'no-stream', [anEvent()]),
        store.appendToStream('second', 'no-stream', [anEvent()]),
      ]);

      expect(before).toMatchObject({ status: 'fulfilled', value: { lastPosition: 2 } });
      expect(conflicting).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
      expect(after).toMatchObject({ status: 'fulfilled', value: { lastPosition: 3 } });
      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 3 });
    });

    it('when the transaction itself fails, every request of the batch is rejected and nothing is written', async () => {
      let failing = true;
      const clockFailure = new Error('clock unavailable');
      const store = open({
        clock: () => {
          if (failing) throw clockFailure;
          return new Date();
        },
      });

      const outcomes = await Promise.allSettled(
        range(0, 2).map(() => store.appendToStream(uniqueStream('s'), 'any', [anEvent()])),
      );

      expect(outcomes.map((o) => (o.status === 'rejected' ? o.reason : o.status))).toEqual([
        clockFailure,
        clockFailure,
        clockFailure,
      ]);
      expect(await store.headPosition()).toBe(0);
      failing = false;
      expect((await store.appendToStream('s', 'no-stream', [anEvent()])).lastPosition).toBe(1);
    });

    it('refuses appends once closed', async () => {
      const store = open();
      await store.close();

      expect(await rejectionOf(store.appendToStream('late', 'any', [anEvent()]))).toBeInstanceOf(Error);
    });
  });

  describe('recordedAt', () => {
    it('comes from the clock at commit, and is reused when the clock steps back', async () => {
      const times = ['2025-03-01T08:00:00.123Z', '2025-03-01T07:59:00.000Z', '2025-03-01T08:00:01.000Z'];
      let now = '';
      const store = open({ clock: () => new Date(now) });

      for (const time of times) {
        now = time;
        await store.appendToStream('clock', 'any', [anEvent()]);
      }

      expect((await store.readAll()).map((e) => e.recordedAt)).toEqual([times[0], times[0], times[2]]);
    });
  });

  describe('tamper evidence', () => {
    async function writeTenEvents(): Promise<SqliteEventStore> {
      const store = open();
      for (const index of range(0, 9)) await store.appendToStream(`s-${index % 3}`, 'any', [anEvent({ index })]);
      return store;
    }

    it.each([
      ['metadata', `UPDATE events SET metadata = '{"actor":"someone-else"}' WHERE position = 4`],
      ['type', `UPDATE events SET type = 'contract.rewritten' WHERE position = 4`],
      ['recorded_at', `UPDATE events SET recorded_at = '2000-01-01T00:00:00.000Z' WHERE position = 4`],
      ['stream_revision', `UPDATE events SET stream_revision = 99 WHERE position = 4`],
    ])('a changed %s is reported at its position', async (_column, tampering) => {
      const store = await writeTenEvents();

      withRawConnection(database.file, (db) => db.exec(tampering));

      expect(await store.verifyChain()).toMatchObject({ ok: false, firstBrokenPosition: 4, checked: 3 });
    });

    it('a deleted row breaks the link of its successor', async () => {
      const store = await writeTenEvents();

      withRawConnection(database.file, (db) => db.exec('DELETE FROM events WHERE position = 5'));

      expect(await store.verifyChain()).toMatchObject({ ok: false, firstBrokenPosition: 6 });
    });

    it('swapped hashes are reported at the first of the two rows', async () => {
      const store = await writeTenEvents();

      withRawConnection(database.file, (db) =>
        db.exec(`UPDATE events SET hash = CASE position WHEN 3 THEN (SELECT hash FROM events WHERE position = 7)
                                                       ELSE (SELECT hash FROM events WHERE position = 3) END
                 WHERE position IN (3, 7)`),
      );

      expect(await store.verifyChain()).toMatchObject({ ok: false, firstBrokenPosition: 3 });
    });

    it('a row inserted at position 0 or below, which every stream read returns, is not an intact chain', async () => {
      const store = await writeTenEvents();
      withRawConnection(database.file, (db) =>
        db.exec(`INSERT INTO events (position, stream_id, stream_revision, event_id, type, schema_version, data,
                                     metadata, recorded_at, hash)
                 SELECT 0, stream_id, 99, 'forged', type, schema_version, '{"forged":true}', metadata, recorded_at,
                        '${'0'.repeat(64)}'
                 FROM events WHERE position = 10`),
      );
      // The forged event is part of the log that folds, history, replay and as-of read ...
      expect((await store.readStream('s-0')).map((e) => e.data)).toContainEqual({ forged: true });

      // ... so a verification that says the log is intact must have walked it.
      expect(await store.verifyChain()).toMatchObject({ ok: false });
    });

    it('verifies a log longer than one page', async () => {
      const store = open();
      for (const batch of range(0, 24))
        await store.appendToStream(
          'long',
          'any',
          someEvents(100, (index) => ({ batch, index })),
        );

      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: 2500 });
    });
  });

  describe('two stores on one file (as two processes would)', () => {
    it('appending concurrently keeps one chain, contiguous positions and gap-free revisions', async () => {
      const [one, other] = [open(), open()];
      const shared = 'shared';

      await Promise.all(
        [one, other].flatMap((store, storeIndex) =>
          range(0, 7).map(async (writer) => {
            const own = `own-${storeIndex}-${writer}`;
            let ownRevision = -1;
            for (const sequence of range(0, 19)) {
              const data = { storeIndex, writer, sequence };
              if (writer % 2) {
                await appendWithRetry(store, shared, [anEvent(data)]);
              } else {
                const result = await store.appendToStream(
                  own,
                  ownRevision,
                  someEvents(1 + (sequence % 2), () => data),
                );
                ownRevision = result.nextRevisions[own];
              }
            }
          }),
        ),
      );

      const log = await one.readAll();
      expect(log.map((e) => e.position)).toEqual(range(1, log.length));
      expect((await other.readStream(shared)).map((e) => e.streamRevision)).toEqual(range(0, 2 * 4 * 20 - 1));
      for (const stream of ['own-0-0', 'own-1-6']) {
        expect((await other.readStream(stream)).map((e) => e.streamRevision)).toEqual(range(0, 29));
      }
      expect(await other.verifyChain()).toMatchObject({ ok: true, checked: log.length });
      const storeSwitches = log.filter((e, index) => index > 0 && e.data.storeIndex !== log[index - 1].data.storeIndex);
      // Both stores committed between each other's commits. Each commits whole batches on its writer thread (or a lone
      // request on the main thread), and SQLite's busy handler lets the waiting one sleep, so how often they alternate
      // varies from run to run.
      expect(storeSwitches.length).toBeGreaterThanOrEqual(1);
    }, 60_000);

    it('the reads of one task share one snapshot; a later task reads what was committed meanwhile', async () => {
      const [writer, reader] = [open(), open()];
      await writer.appendToStream('meanwhile', 'no-stream', someEvents(1));

      const firstRead = reader.readStream('meanwhile');
      withRawConnection(database.file, (db) => {
        db.prepare(
          `INSERT INTO events (position, stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at, hash)
           VALUES (2, 'raw', 0, 'raw-0', 'raw.written', 1, '{}', '{}', '2040-01-01T00:00:00.000Z', 'not chained')`,
        ).run();
      });
      const laterReadOfTheSameTask = reader.headPosition();

      expect(await firstRead).toHaveLength(1);
      expect(await laterReadOfTheSameTask).toBe(1);
      await delay(0);
      expect(await reader.headPosition()).toBe(2);
      await writer.appendToStream('meanwhile', 0, someEvents(1));
      expect((await reader.readStream('meanwhile')).map((event) => event.position)).toEqual([1, 3]);
    });

    it('a follower on one store sees the other store’s commits by polling', async () => {
      const [writer, reader] = [open(), open({ pollIntervalMs: 20 })];
      const seen: RecordedEvent[] = [];
      const subscription = reader.follow({
        after: 0,
        batchSize: 4,
        onEvents: async (events) => void seen.push(...events),
      });

      for (const index of range(0, 9)) {
        await writer.appendToStream('polled', 'any', someEvents(1 + (index % 3)));
        await delay(index % 2 ? 0 : 15);
      }
      const head = await writer.headPosition();
      await eventually(() => (seen.at(-1)?.position ?? 0) >= head, `the follower to reach ${head}`);
      await subscription.stop();

      expect(seen.map((e) => e.eventId)).toEqual((await writer.readAll()).map((e) => e.eventId));
    });
  });

  describe('a second OS process writing to the same file', () => {
    it('interleaves its commits with ours in one consistent chain', async () => {
      const store = open();
      const shared = 'shared-between-processes';
      const secondProcess = startSecondProcessWriter(database.file, shared, 'second-process-own', 100);
      await secondProcess.ready;

      // Ours go on until the other process is done (at least 100), so its whole run happens while we write.
      let done = false;
      const theirIds = secondProcess.eventIds.finally(() => (done = true));
      let ours = 0;
      while (ours < 100 || !done) {
        await appendWithRetry(store, shared, [anEvent({ writer: ours % 2, sequence: ours })]);
        ours += 1;
        await delay(2); // paced like the other process, so that neither starves the other on the shared stream
      }
      const theirs = new Set(await theirIds);

      const log = await store.readAll();
      expect(log.map((e) => e.position)).toEqual(range(1, ours + 200));
      expect((await store.readStream(shared)).map((e) => e.streamRevision)).toEqual(range(0, ours + 99));
      expect(log.filter((e) => theirs.has(e.eventId))).toHaveLength(200);
      const isTheirs = log.map((e) => theirs.has(e.eventId));
      const oursBetweenTheirs = isTheirs.slice(isTheirs.indexOf(true), isTheirs.lastIndexOf(true)).filter((x) => !x);
      expect(oursBetweenTheirs.length).toBeGreaterThan(10); // the two processes' commits really interleaved
      expect(await store.verifyChain()).toMatchObject({ ok: true, checked: ours + 200 });
    }, 60_000);
  });
});
