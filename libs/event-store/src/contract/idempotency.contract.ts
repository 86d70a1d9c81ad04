import { AppendRequest, DuplicateEventIdError } from '../event-store.port';
import { anEvent, ContractContext, logPosition, rejectionOf, someEvents, uniqueStream } from './contract-fixtures';

export function idempotencyContract(context: ContractContext): void {
  const store = () => context.harness().store;
  const at = (ordinal: number) => logPosition(context, ordinal);
  const withUniqueIdsAcrossStreams = context.capabilities.eventIdsUniqueAcrossStreams ? it : it.skip;

  describe('idempotent event ids', () => {
    it('a repeated append is acknowledged with the original position and writes nothing', async () => {
      const stream = uniqueStream('repeat');
      const events = someEvents(3);
      const first = await store().appendToStream(stream, 'no-stream', events);

      // The expected revision no longer holds: the repeat must still succeed, because the retry follows a lost answer.
      const repeat = await store().appendToStream(stream, 'no-stream', events);

      expect(repeat).toEqual({
        lastPosition: first.lastPosition,
        nextRevisions: { [stream]: 2 },
        idempotentRepeat: true,
      });
      expect(await store().headPosition()).toBe(await at(3));
      expect(await store().readStream(stream)).toHaveLength(3);
    });

    it('a repeat after the stream moved on answers the original position and the current revisions', async () => {
      const stream = uniqueStream('moved-on');
      const events = someEvents(2);
      const first = await store().appendToStream(stream, 'no-stream', events);
      await store().appendToStream(stream, 1, someEvents(2));

      const repeat = await store().appendToStream(stream, 'no-stream', events);

      expect(repeat).toEqual({
        lastPosition: first.lastPosition,
        nextRevisions: { [stream]: 3 },
        idempotentRepeat: true,
      });
      expect(await store().headPosition()).toBe(await at(4));
    });

    it('a repeated multi-stream append, with its check, is acknowledged whole', async () => {
      const [checked, a, b] = [uniqueStream('checked'), uniqueStream('a'), uniqueStream('b')];
      await store().appendToStream(checked, 'no-stream', [anEvent()]);
      const request: AppendRequest[] = [
        { streamId: checked, expectedRevision: 0, events: [] },
        { streamId: a, expectedRevision: 'no-stream', events: someEvents(2) },
        { streamId: b, expectedRevision: 'no-stream', events: someEvents(1) },
      ];
      const first = await store().appendToStreams(request);
      await store().appendToStream(checked, 0, [anEvent()]);

      const repeat = await store().appendToStreams(request);

      expect(repeat).toEqual({
        lastPosition: first.lastPosition,
        nextRevisions: { [checked]: 1, [a]: 1, [b]: 0 },
        idempotentRepeat: true,
      });
      expect(await store().headPosition()).toBe(await at(5));
    });

    it('a request with some recorded and some new event ids is a DuplicateEventIdError and writes nothing', async () => {
      const stream = uniqueStream('partial');
      const [recorded] = someEvents(1);
      await store().appendToStream(stream, 'no-stream', [recorded]);

      const error = await rejectionOf(store().appendToStream(stream, 'any', [recorded, anEvent()]));

      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(error).toMatchObject({ eventId: recorded.eventId });
      expect(await store().headPosition()).toBe(await at(1));
    });

    it('a recorded event id after new ones, streams in, fails its request whole; an append queued with it follows on', async () => {
      const stream = uniqueStream('recorded-last');
      const [recorded] = someEvents(1);
      await store().appendToStream(stream, 'no-stream', [recorded]);
      const alongside = uniqueStream('alongside');

      // Queued in the same turn: a group-commit store writes both in one transaction, the failing request first.
      const [error, written] = await Promise.all([
        rejectionOf(
          store().appendToStreams([
            { streamId: uniqueStream('new'), expectedRevision: 'no-stream', events: someEvents(2) },
            { streamId: stream, expectedRevision: 'any', events: [anEvent(), recorded] },
          ]),
        ),
        store().appendToStream(alongside, 'no-stream', someEvents(1)),
      ]);

      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(error).toMatchObject({ eventId: recorded.eventId });
      expect(written.lastPosition).toBe(await at(2));
      expect((await store().readAll()).map((event) => event.streamId)).toEqual([stream, alongside]);
      expect(await store().verifyChain()).toMatchObject({ ok: true, checked: 2 });
    });

    withUniqueIdsAcrossStreams(
      'an event id recorded in another stream is a DuplicateEventIdError, not a repeat',
      async () => {
        const [recorded] = someEvents(1);
        await store().appendToStream(uniqueStream('first'), 'no-stream', [recorded]);

        const error = await rejectionOf(store().appendToStream(uniqueStream('second'), 'any', [recorded]));

        expect(error).toBeInstanceOf(DuplicateEventIdError);
        expect(await store().headPosition()).toBe(await at(1));
      },
    );

    it('an event id recorded with another type is a DuplicateEventIdError, not a repeat', async () => {
      const stream = uniqueStream('retyped');
      const [recorded] = someEvents(1);
      await store().appendToStream(stream, 'no-stream', [recorded]);

      const error = await rejectionOf(store().appendToStream(stream, 'any', [{ ...recorded, type: 'contract.other' }]));

      expect(error).toBeInstanceOf(DuplicateEventIdError);
    });

    it('the same event id twice in one request is a DuplicateEventIdError and writes nothing', async () => {
      const [a, b] = [uniqueStream('a'), uniqueStream('b')];
      const twice = anEvent();

      const error = await rejectionOf(
        store().appendToStreams([
          { streamId: a, expectedRevision: 'any', events: [twice] },
          { streamId: b, expectedRevision: 'any', events: [{ ...twice }] },
        ]),
      );

      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(await store().headPosition()).toBe(0);
    });

    it('the same append sent twice at once is written once and both get its position', async () => {
      const stream = uniqueStream('simultaneous');
      const events = someEvents(2);

      const [one, other] = await Promise.all([
        store().appendToStream(stream, 'no-stream', events),
        store().appendToStream(stream, 'no-stream', events),
      ]);

      expect(one.lastPosition).toBe(await at(2));
      expect(other.lastPosition).toBe(await at(2));
      expect([one.idempotentRepeat, other.idempotentRepeat].sort()).toEqual([false, true]);
      expect(await store().readStream(stream)).toHaveLength(2);
    });
  });
}
