import { EventStore, LogPosition, RecordedEvent, Subscription } from '../event-store.port';
import {
  anEvent,
  CONCURRENCY_TIMEOUT_MS,
  ContractContext,
  Deferred,
  delay,
  eventually,
  logPosition,
  logPositions,
  range,
  someEvents,
  uniqueStream,
} from './contract-fixtures';

const WRITERS = 8;
const APPENDS_PER_WRITER = 25;

interface RecordingFollower {
  subscription: Subscription;
  seen: RecordedEvent[];
  lastSeenPosition(): LogPosition;
}

/** Hands batches to a handler that yields in between, so batches interleave with the writers' commits. */
function recordingFollower(store: EventStore, after: LogPosition, batchSize: number): RecordingFollower {
  const seen: RecordedEvent[] = [];
  let handled = 0;
  const subscription = store.follow({
    after,
    batchSize,
    onEvents: async (events) => {
      seen.push(...events);
      handled += 1;
      await (handled % 2 ? delay(1) : new Promise<void>((resolve) => setImmediate(resolve)));
    },
  });
  return { subscription, seen, lastSeenPosition: () => seen.at(-1)?.position ?? after };
}

async function seedLog(store: EventStore, count: number): Promise<void> {
  for (const index of range(0, count - 1)) await store.appendToStream(`seed-${index % 3}`, 'any', [anEvent({ index })]);
}

/** Writers append 1–3 events per request with expected revisions, some requests also touching a shared stream. */
async function runWriters(store: EventStore): Promise<void> {
  const shared = uniqueStream('shared');
  await Promise.all(
    range(0, WRITERS - 1).map(async (writer) => {
      const stream = uniqueStream(`writer-${writer}`);
      let revision = -1;
      for (const sequence of range(0, APPENDS_PER_WRITER - 1)) {
        const events = someEvents(1 + (sequence % 3), (index) => ({ writer, sequence, index }));
        const alsoShared =
          sequence % 5 === 0 ? [{ streamId: shared, expectedRevision: 'any' as const, events: [anEvent()] }] : [];
        const result = await store.appendToStreams([
          { streamId: stream, expectedRevision: revision, events },
          ...alsoShared,
        ]);
        revision = result.nextRevisions[stream];
      }
    }),
  );
}

async function positionsAfter(store: EventStore, after: LogPosition): Promise<[LogPosition, string][]> {
  return (await store.readAll({ after })).map((e) => [e.position, e.eventId]);
}

const positionsOf = (events: RecordedEvent[]): [LogPosition, string][] => events.map((e) => [e.position, e.eventId]);

export function followContract(context: ContractContext): void {
  const store = () => context.harness().store;
  const at = (ordinal: number) => logPosition(context, ordinal);

  describe('following the log from a checkpoint', () => {
    it(
      'a follower started mid-way sees every later position exactly once, in order, while 8 writers append',
      async () => {
        await seedLog(store(), 30);
        const checkpoint = await at(12);
        const follower = recordingFollower(store(), checkpoint, 7);

        await runWriters(store());
        const head = await store().headPosition();
        await eventually(() => follower.lastSeenPosition() >= head, `the follower to reach position ${head}`);
        await follower.subscription.stop();

        expect(positionsOf(follower.seen)).toEqual(await positionsAfter(store(), checkpoint));
      },
      CONCURRENCY_TIMEOUT_MS,
    );

    it(
      'a follower stopped and restarted from its saved checkpoint continues without skip or repeat',
      async () => {
        await seedLog(store(), 10);
        const writing = runWriters(store());
        const first = recordingFollower(store(), 0, 5);
        await eventually(() => first.seen.length >= 40, 'the first follower to handle 40 events');

        await first.subscription.stop();
        const handledBeforeStop = first.seen.length;
        const second = recordingFollower(store(), first.lastSeenPosition(), 5);
        await writing;
        const head = await store().headPosition();
        await eventually(() => second.lastSeenPosition() >= head, `the second follower to reach position ${head}`);
        await second.subscription.stop();

        expect(first.seen).toHaveLength(handledBeforeStop);
        expect([...positionsOf(first.seen), ...positionsOf(second.seen)]).toEqual(await positionsAfter(store(), 0));
      },
      CONCURRENCY_TIMEOUT_MS,
    );

    it('a follower whose handler throws reports the error once, stops, and does not advance past the batch', async () => {
      await seedLog(store(), 10);
      const handled: LogPosition[][] = [];
      const failure = new Error('projection failed');
      const errors: unknown[] = [];
      const subscription = store().follow({
        after: 0,
        batchSize: 3,
        onEvents: async (events) => {
          handled.push(events.map((e) => e.position));
          if (handled.length === 2) throw failure;
        },
        onError: (error) => void errors.push(error),
      });

      await eventually(() => errors.length > 0, 'the error to be reported');
      await store().appendToStream(uniqueStream('after-failure'), 'no-stream', someEvents(2));
      await delay(300);
      await subscription.stop();

      expect(errors).toEqual([failure]);
      const [p1, p2, p3, p4, p5, p6] = await logPositions(context, 1, 6);
      expect(handled).toEqual([
        [p1, p2, p3],
        [p4, p5, p6],
      ]);
      const resumed = recordingFollower(store(), p3, 3);
      await eventually(() => resumed.seen.length >= 3, 'the resumed follower to handle a batch');
      await resumed.subscription.stop();
      expect(resumed.seen.slice(0, 3).map((e) => e.position)).toEqual([p4, p5, p6]);
    });

    it('stop resolves only after the batch being handled completes, and no batch follows', async () => {
      await seedLog(store(), 6);
      const release = new Deferred();
      const handling = new Deferred();
      const handled: LogPosition[][] = [];
      const subscription = store().follow({
        after: 0,
        batchSize: 2,
        onEvents: async (events) => {
          handled.push(events.map((e) => e.position));
          handling.resolve();
          await release.promise;
        },
      });
      await handling.promise;

      let stopped = false;
      const stopping = subscription.stop().then(() => (stopped = true));
      await delay(50);
      expect(stopped).toBe(false);
      release.resolve();
      await stopping;

      const firstTwo = await logPositions(context, 1, 2);
      expect(handled).toEqual([firstTwo]);
      await delay(50);
      expect(handled).toEqual([firstTwo]);
    });

    it('a caught-up follower is woken by a new commit', async () => {
      await seedLog(store(), 2);
      const follower = recordingFollower(store(), await at(2), 10);
      await delay(20);
      const stream = uniqueStream('later');

      const result = await store().appendToStream(stream, 'no-stream', someEvents(2));
      await eventually(() => follower.lastSeenPosition() >= result.lastPosition, 'the follower to see the new commit');
      await follower.subscription.stop();

      const [p3, p4] = await logPositions(context, 3, 4);
      expect(follower.seen.map((e) => [e.position, e.streamId])).toEqual([
        [p3, stream],
        [p4, stream],
      ]);
    });
  });
}
