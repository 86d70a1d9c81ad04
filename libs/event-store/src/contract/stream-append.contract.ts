import { InvalidAppendRequestError } from '../event-store.port';
import {
  anEvent,
  ContractContext,
  expectWrongExpectedRevision,
  logPosition,
  logPositions,
  range,
  rejectionOf,
  someEvents,
  uniqueStream,
} from './contract-fixtures';

export function streamAppendContract(context: ContractContext): void {
  const store = () => context.harness().store;
  const at = (ordinal: number) => logPosition(context, ordinal);
  const withDensePositions = context.capabilities.densePositions ? it : it.skip;

  describe('appending to and reading a stream', () => {
    withDensePositions('numbers a new stream’s events from revision 0 and the log from position 1', async () => {
      const stream = uniqueStream('order');
      const events = someEvents(3);

      const result = await store().appendToStream(stream, 'no-stream', events);

      expect(result).toEqual({ lastPosition: 3, nextRevisions: { [stream]: 2 }, idempotentRepeat: false });
      const read = await store().readStream(stream);
      expect(read.map((e) => [e.streamRevision, e.position, e.eventId, e.type, e.streamId])).toEqual(
        events.map((e, index) => [index, index + 1, e.eventId, e.type, stream]),
      );
      expect(read.map((e) => e.data)).toEqual(events.map((e) => e.data));
      expect(await store().streamRevision(stream)).toBe(2);
    });

    it('numbers a new stream’s events from revision 0, at strictly increasing positions, the last one answered', async () => {
      const stream = uniqueStream('order');
      const events = someEvents(3);

      const result = await store().appendToStream(stream, 'no-stream', events);

      const read = await store().readStream(stream);
      const positions = read.map((e) => e.position);
      expect(result).toEqual({ lastPosition: positions[2], nextRevisions: { [stream]: 2 }, idempotentRepeat: false });
      expect(positions[0]).toBeGreaterThan(0);
      expect(positions[1]).toBeGreaterThan(positions[0]);
      expect(positions[2]).toBeGreaterThan(positions[1]);
      expect(read.map((e) => [e.streamRevision, e.eventId, e.type, e.streamId])).toEqual(
        events.map((e, index) => [index, e.eventId, e.type, stream]),
      );
      expect(read.map((e) => e.data)).toEqual(events.map((e) => e.data));
      expect(await store().streamRevision(stream)).toBe(2);
      expect(await store().headPosition()).toBe(positions[2]);
    });

    it('answers positions that only increase from one append to the next (minPosition comparisons hold)', async () => {
      const answers: number[] = [];
      for (const index of range(0, 5)) {
        const result = await store().appendToStream(uniqueStream(`s${index % 2}`), 'any', someEvents(1 + (index % 3)));
        answers.push(result.lastPosition);
        expect(await store().headPosition()).toBe(result.lastPosition);
      }

      expect(answers).toEqual([...answers].sort((a, b) => a - b));
      expect(new Set(answers).size).toBe(answers.length);
    });

    it('reads forwards from a revision, at most maxCount events', async () => {
      const stream = uniqueStream('forwards');
      await store().appendToStream(stream, 'no-stream', someEvents(10));

      const read = await store().readStream(stream, { direction: 'forwards', fromRevision: 3, maxCount: 4 });

      expect(read.map((e) => e.streamRevision)).toEqual([3, 4, 5, 6]);
      expect((await store().readStream(stream, { fromRevision: 8 })).map((e) => e.streamRevision)).toEqual([8, 9]);
      expect(await store().readStream(stream, { fromRevision: 10 })).toEqual([]);
    });

    it('reads backwards from the last revision by default, or from a given one', async () => {
      const stream = uniqueStream('backwards');
      await store().appendToStream(stream, 'no-stream', someEvents(10));

      const all = await store().readStream(stream, { direction: 'backwards' });
      const some = await store().readStream(stream, { direction: 'backwards', fromRevision: 5, maxCount: 3 });

      expect(all.map((e) => e.streamRevision)).toEqual(range(0, 9).reverse());
      expect(some.map((e) => e.streamRevision)).toEqual([5, 4, 3]);
    });

    it('reads only the stream’s own events, in revision order, when streams interleave in the log', async () => {
      const [a, b] = [uniqueStream('a'), uniqueStream('b')];
      for (const index of range(0, 5)) await store().appendToStream(index % 2 ? b : a, 'any', [anEvent({ index })]);

      const read = await store().readStream(b);

      expect(read.map((e) => [e.streamRevision, e.data.index])).toEqual([
        [0, 1],
        [1, 3],
        [2, 5],
      ]);
      expect(read.every((e) => e.streamId === b)).toBe(true);
    });

    it('answers an empty list and revision -1 for a stream that does not exist', async () => {
      const stream = uniqueStream('missing');

      expect(await store().readStream(stream)).toEqual([]);
      expect(await store().readStream(stream, { direction: 'backwards' })).toEqual([]);
      expect(await store().streamRevision(stream)).toBe(-1);
    });

    it('answers the revisions of several streams in the order asked, -1 for one that does not exist', async () => {
      const [a, b, missing] = [
        uniqueStream('revisions-a'),
        uniqueStream('revisions-b'),
        uniqueStream('revisions-none'),
      ];
      await store().appendToStream(a, 'no-stream', someEvents(3));
      await store().appendToStream(b, 'no-stream', someEvents(1));

      expect(await store().streamRevisions([b, missing, a, b])).toEqual([0, -1, 2, 0]);
      expect(await store().streamRevisions([])).toEqual([]);
    });

    it('rejects a request naming the same stream twice, writing nothing', async () => {
      const stream = uniqueStream('twice');
      const twice = store().appendToStreams([
        { streamId: stream, expectedRevision: 'any', events: [anEvent()] },
        { streamId: stream, expectedRevision: 'any', events: [anEvent()] },
      ]);

      expect(await rejectionOf(twice)).toBeInstanceOf(InvalidAppendRequestError);
      expect(await store().headPosition()).toBe(0);
    });
  });

  describe('expected revision', () => {
    it("'no-stream' creates a stream and conflicts once it exists", async () => {
      const stream = uniqueStream('no-stream');
      await store().appendToStream(stream, 'no-stream', someEvents(2));

      await expectWrongExpectedRevision(
        store().appendToStream(stream, 'no-stream', [anEvent()]),
        stream,
        'no-stream',
        1,
      );
      expect(await store().streamRevision(stream)).toBe(1);
    });

    it("'stream-exists' conflicts on a missing stream and appends to an existing one", async () => {
      const stream = uniqueStream('exists');
      await expectWrongExpectedRevision(
        store().appendToStream(stream, 'stream-exists', [anEvent()]),
        stream,
        'stream-exists',
        -1,
      );

      await store().appendToStream(stream, 'no-stream', [anEvent()]);
      const result = await store().appendToStream(stream, 'stream-exists', [anEvent()]);

      expect(result.nextRevisions).toEqual({ [stream]: 1 });
    });

    it("'any' appends whether or not the stream exists", async () => {
      const stream = uniqueStream('any');

      await store().appendToStream(stream, 'any', [anEvent()]);
      const result = await store().appendToStream(stream, 'any', someEvents(2));

      expect(result.nextRevisions).toEqual({ [stream]: 2 });
    });

    it('an exact revision appends when it is the last revision and conflicts, naming the actual one, when not', async () => {
      const stream = uniqueStream('exact');
      await store().appendToStream(stream, 'no-stream', someEvents(3));

      await expectWrongExpectedRevision(store().appendToStream(stream, 1, [anEvent()]), stream, 1, 2);
      await expectWrongExpectedRevision(store().appendToStream(stream, 5, [anEvent()]), stream, 5, 2);
      const result = await store().appendToStream(stream, 2, [anEvent()]);

      expect(result.nextRevisions).toEqual({ [stream]: 3 });
    });

    it('-1, the revision of a missing stream, means the stream must not exist', async () => {
      const stream = uniqueStream('minus-one');

      await store().appendToStream(stream, -1, [anEvent()]);

      await expectWrongExpectedRevision(store().appendToStream(stream, -1, [anEvent()]), stream, -1, 0);
    });

    it('a conflict writes nothing', async () => {
      const stream = uniqueStream('conflict');
      await store().appendToStream(stream, 'no-stream', someEvents(2));
      const before = await store().readAll();

      await expectWrongExpectedRevision(store().appendToStream(stream, 0, someEvents(3)), stream, 0, 1);

      expect(await store().readAll()).toEqual(before);
      expect(await store().headPosition()).toBe(await at(2));
    });
  });

  describe('check-only requests (a read the decision depended on)', () => {
    it('an append guarded by an unchanged read succeeds and leaves the read stream as it was', async () => {
      const [read, written] = [uniqueStream('read'), uniqueStream('written')];
      await store().appendToStream(read, 'no-stream', someEvents(2));

      const result = await store().appendToStreams([
        { streamId: read, expectedRevision: 1, events: [] },
        { streamId: written, expectedRevision: 'no-stream', events: [anEvent()] },
      ]);

      expect(result).toEqual({
        lastPosition: await at(3),
        nextRevisions: { [read]: 1, [written]: 0 },
        idempotentRepeat: false,
      });
      expect(await store().streamRevision(read)).toBe(1);
    });

    it('an append guarded by a read that has since changed conflicts and writes nothing', async () => {
      const [read, written] = [uniqueStream('read'), uniqueStream('written')];
      await store().appendToStream(read, 'no-stream', someEvents(2));
      await store().appendToStream(read, 1, [anEvent()]);

      const guarded = store().appendToStreams([
        { streamId: read, expectedRevision: 1, events: [] },
        { streamId: written, expectedRevision: 'no-stream', events: [anEvent()] },
      ]);

      await expectWrongExpectedRevision(guarded, read, 1, 2);
      expect(await store().readStream(written)).toEqual([]);
      expect(await store().headPosition()).toBe(await at(3));
    });

    it('a request of checks alone writes nothing and answers the head position at which they held', async () => {
      const stream = uniqueStream('checked');
      await store().appendToStream(stream, 'no-stream', someEvents(4));

      const result = await store().appendToStreams([
        { streamId: stream, expectedRevision: 3, events: [] },
        { streamId: uniqueStream('absent'), expectedRevision: 'no-stream', events: [] },
      ]);

      expect(result.lastPosition).toBe(await at(4));
      expect(result.idempotentRepeat).toBe(false);
      expect(await store().headPosition()).toBe(await at(4));
      await expectWrongExpectedRevision(store().appendToStream(stream, 2, []), stream, 2, 3);
    });
  });

  describe('appending to several streams at once', () => {
    it('writes every stream’s events, consecutively, in request order', async () => {
      const [a, b] = [uniqueStream('a'), uniqueStream('b')];
      await store().appendToStream(a, 'no-stream', [anEvent()]);
      const [forA, forB] = [someEvents(2), someEvents(3)];

      const result = await store().appendToStreams([
        { streamId: a, expectedRevision: 0, events: forA },
        { streamId: b, expectedRevision: 'no-stream', events: forB },
      ]);

      expect(result).toEqual({ lastPosition: await at(6), nextRevisions: { [a]: 2, [b]: 2 }, idempotentRepeat: false });
      const log = await store().readAll({ after: await at(1) });
      const [p2, p3, p4, p5, p6] = await logPositions(context, 2, 6);
      expect(log.map((e) => [e.position, e.streamId, e.streamRevision, e.eventId])).toEqual([
        [p2, a, 1, forA[0].eventId],
        [p3, a, 2, forA[1].eventId],
        [p4, b, 0, forB[0].eventId],
        [p5, b, 1, forB[1].eventId],
        [p6, b, 2, forB[2].eventId],
      ]);
    });

    it('one stream’s conflict writes nothing to any stream', async () => {
      const [a, b] = [uniqueStream('a'), uniqueStream('b')];
      await store().appendToStream(b, 'no-stream', someEvents(2));
      const before = await store().readAll();

      const conflicting = store().appendToStreams([
        { streamId: a, expectedRevision: 'no-stream', events: someEvents(3) },
        { streamId: b, expectedRevision: 0, events: someEvents(1) },
      ]);

      await expectWrongExpectedRevision(conflicting, b, 0, 1);
      expect(await store().readAll()).toEqual(before);
      expect(await store().streamRevision(a)).toBe(-1);
    });
  });
}
