/**
 * The never-skip test: positions must become visible in position order, or a live follower that has moved past a
 * position skips the event that commits there later. Eight store instances (eight pools) and a writer in another OS
 * process append concurrently to one database while a follower on a ninth instance polls as fast as it can; the
 * follower must see every event exactly once, in position order, without gaps. Ten runs, each on a fresh log.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'child_process';
import path from 'path';
import { anEvent, appendWithRetry, range, someEvents, uniqueStream } from '../contract/contract-fixtures';
import { RecordedEvent } from '../event-store.port';
import { PostgresEventStore } from './postgres.event-store';
import { postgresForThisFile, uniqueName } from './testing/embedded-postgres';

const RUNS = 10;
const STORES = 8;
const WRITERS_PER_STORE = 3;
const COMMANDS_PER_WRITER = 12;
const SECOND_PROCESS_COMMANDS = 40;

const postgres = postgresForThisFile();

interface SecondProcessWriter {
  ready: Promise<void>;
  go(): void;
  eventIds: Promise<string[]>;
}

function startSecondProcessWriter(schema: string, sharedStream: string): SecondProcessWriter {
  const script = path.join(__dirname, 'testing', 'second-process-writer.js');
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [
    script,
    postgres.database,
    schema,
    sharedStream,
    String(SECOND_PROCESS_COMMANDS),
  ]);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const eventIds = new Promise<string[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the second process exited with ${code}: ${stderr}`));
      else resolve((JSON.parse(stdout.split('\n')[1]) as { eventIds: string[] }).eventIds);
    });
  });
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.startsWith('ready\n')) resolve();
    });
  });
  return { ready: Promise.race([ready, eventIds.then(() => undefined)]), go: () => child.stdin.end('go\n'), eventIds };
}

/** Each writer: 1–3 events per command to its own stream with expected revisions; some also on a shared stream. */
async function writeConcurrently(store: PostgresEventStore, storeIndex: number, shared: string): Promise<string[]> {
  const acknowledged: string[] = [];
  await Promise.all(
    range(0, WRITERS_PER_STORE - 1).map(async (writer) => {
      const own = uniqueStream(`store-${storeIndex}-writer-${writer}`);
      let revision = -1;
      for (const sequence of range(0, COMMANDS_PER_WRITER - 1)) {
        const events = someEvents(1 + ((sequence + writer) % 3), (index) => ({ storeIndex, writer, sequence, index }));
        if (sequence % 4 === 3) {
          const sharedEvent = anEvent({ storeIndex, writer, sequence, shared: true });
          await appendWithRetry(store, shared, [sharedEvent]);
          acknowledged.push(sharedEvent.eventId);
        }
        const result = await store.appendToStream(own, revision, events);
        revision = result.nextRevisions[own];
        acknowledged.push(...events.map((e) => e.eventId));
      }
    }),
  );
  return acknowledged;
}

describe('PostgresEventStore: positions become visible in commit order', () => {
  it.each(range(1, RUNS))(
    `run %i: a live follower sees every event of ${STORES} instances and another process exactly once, in order`,
    async () => {
      const schema = uniqueName('order');
      const opts = { connectionString: postgres.database, schema };
      const followerStore = await PostgresEventStore.open({ ...opts, pollIntervalMs: 1 });
      const writers = await Promise.all(range(1, STORES).map(() => PostgresEventStore.open({ ...opts, poolSize: 3 })));
      const shared = uniqueStream('shared');
      const secondProcess = startSecondProcessWriter(schema, shared);
      try {
        const seen: RecordedEvent[] = [];
        let batches = 0;
        const subscription = followerStore.follow({
          after: 0,
          batchSize: 16,
          onEvents: async (events) => {
            seen.push(...events);
            batches += 1;
            if (batches % 3 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
          },
        });
        await secondProcess.ready;

        secondProcess.go();
        const acknowledged = (await Promise.all(writers.map((store, index) => writeConcurrently(store, index, shared))))
          .flat()
          .concat(await secondProcess.eventIds);
        const seenWhileWriting = seen.length;
        const head = await writers[0].headPosition();
        await waitFor(() => (seen.at(-1)?.position ?? 0) >= head, `the follower to reach position ${head}`);
        await subscription.stop();

        const log = await writers[STORES - 1].readAll();
        expect(head).toBe(acknowledged.length);
        expect(seen.map((e) => e.position)).toEqual(range(1, head)); // every position once, in order, no gap
        expect(seen.map((e) => e.eventId)).toEqual(log.map((e) => e.eventId));
        expect(new Set(seen.map((e) => e.eventId))).toEqual(new Set(acknowledged));
        expect(seenWhileWriting).toBeGreaterThan(0); // the follower was live, not merely catching up at the end
        expect(await followerStore.verifyChain()).toMatchObject({ ok: true, checked: head });
        const writtenBy = (e: RecordedEvent): unknown => {
          const data = e.data as { storeIndex?: number; writer?: unknown };
          return data.storeIndex ?? data.writer;
        };
        const switches = log.filter((e, index) => index > 0 && writtenBy(e) !== writtenBy(log[index - 1])).length;
        expect(switches).toBeGreaterThan(STORES * 4); // the instances' commits really interleaved
      } finally {
        await secondProcess.eventIds.catch(() => undefined);
        await Promise.all([followerStore, ...writers].map((store) => store.close()));
      }
    },
    30_000,
  );
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
