import { EventStore, WrongExpectedRevisionError } from '../event-store.port';
import {
  aMetadata,
  anEvent,
  ContractContext,
  logPosition,
  logPositions,
  range,
  someEvents,
  uniqueStream,
} from './contract-fixtures';

const ISO_UTC_MILLISECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function globalLogContract(context: ContractContext): void {
  const store = () => context.harness().store;
  const at = (ordinal: number) => logPosition(context, ordinal);

  const withStreamIds = context.capabilities.streamIds ? it : it.skip;

  describe('the global log', () => {
    withStreamIds(
      'lists every stream id once, those written in one request too, and none of a failed append',
      async () => {
        expect(await store().streamIds!()).toEqual([]);
        const [a, b, c, never] = [uniqueStream('a'), uniqueStream('b'), uniqueStream('c'), uniqueStream('never')];
        await store().appendToStream(a, 'no-stream', someEvents(3));
        await store().appendToStreams([
          { streamId: b, expectedRevision: 'no-stream', events: someEvents(1) },
          { streamId: c, expectedRevision: 'no-stream', events: someEvents(2) },
        ]);
        await store().appendToStream(a, 2, someEvents(1));
        await expect(
          store().appendToStreams([
            { streamId: never, expectedRevision: 'no-stream', events: someEvents(1) },
            { streamId: a, expectedRevision: 0, events: someEvents(1) },
          ]),
        ).rejects.toBeInstanceOf(WrongExpectedRevisionError);

        expect((await store().streamIds!()).sort()).toEqual([a, b, c].sort());
      },
    );

    it('an empty log has head position 0 and nothing to read', async () => {
      expect(await store().headPosition()).toBe(0);
      expect(await store().readAll()).toEqual([]);
    });

    it('reads every stream’s events in commit order, after a position, at most maxCount', async () => {
      const [a, b] = [uniqueStream('a'), uniqueStream('b')];
      const written = [];
      for (const index of range(0, 7)) {
        const event = anEvent({ index });
        await store().appendToStream(index % 3 ? a : b, 'any', [event]);
        written.push(event.eventId);
      }

      const all = await store().readAll();
      const page = await store().readAll({ after: await at(3), maxCount: 2 });

      const positions = await logPositions(context, 1, 8);
      expect(all.map((e) => [e.position, e.eventId])).toEqual(written.map((id, index) => [positions[index], id]));
      expect(page.map((e) => e.position)).toEqual([positions[3], positions[4]]);
      expect(await store().readAll({ after: positions[7] })).toEqual([]);
      expect(await store().headPosition()).toBe(positions[7]);
    });

    it('gives the same recorded event whether read from the stream or from the log', async () => {
      const stream = uniqueStream('same');
      await store().appendToStream(stream, 'no-stream', someEvents(3));

      expect(await store().readStream(stream)).toEqual(await store().readAll());
    });

    it('round-trips data, metadata and schema version, and stamps recordedAt in UTC milliseconds', async () => {
      const stream = uniqueStream('metadata');
      const metadata = aMetadata({
        actor: 'officer:王芳',
        correlationId: 'corr-1',
        causationId: 'cause-1',
        commandId: 'cmd-1',
      });
      const data = { amountFen: 123456789, note: '内蒙古 "quoted" \\ \n', nested: { list: [1, null, true] } };
      await store().appendToStream(stream, 'no-stream', [
        anEvent(data, { type: 'subsidy.granted', schemaVersion: 3, metadata }),
        anEvent({ plain: true }),
      ]);

      const [versioned, defaulted] = await store().readStream(stream);

      expect(versioned).toMatchObject({ type: 'subsidy.granted', schemaVersion: 3, data, metadata });
      expect(defaulted.schemaVersion).toBe(1);
      expect(versioned.recordedAt).toMatch(ISO_UTC_MILLISECONDS);
      expect(versioned.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('recordedAt never decreases along the log', async () => {
      for (const index of range(0, 9)) await store().appendToStream(uniqueStream('time'), 'any', [anEvent({ index })]);

      const times = (await store().readAll()).map((e) => e.recordedAt);

      expect(times).toEqual([...times].sort());
    });
  });

  const withReopen = context.capabilities.reopen ? describe : describe.skip;
  withReopen('durability', () => {
    const reopen = (): Promise<EventStore> => {
      const { reopen } = context.harness();
      if (!reopen) throw new Error('the harness declared reopen but gave none');
      return reopen();
    };

    it('acknowledged events are read back, unchanged, after the store is reopened, and appends continue', async () => {
      const stream = uniqueStream('durable');
      await store().appendToStream(stream, 'no-stream', someEvents(3));
      const before = await store().readAll();

      const reopened = await reopen();

      expect(await reopened.readAll()).toEqual(before);
      expect(await reopened.streamRevision(stream)).toBe(2);
      const result = await reopened.appendToStream(stream, 2, [anEvent()]);
      expect(result.lastPosition).toBe(await at(4));
      expect(await reopened.verifyChain()).toMatchObject({ ok: true, checked: 4 });
    });

    it('close writes the appends still queued before it closes', async () => {
      const stream = uniqueStream('queued');
      const pending = store().appendToStream(stream, 'no-stream', someEvents(2));

      await store().close();

      const answered = await pending;
      const reopened = await reopen();
      expect(answered).toMatchObject({ lastPosition: await at(2) });
      expect(await reopened.streamRevision(stream)).toBe(1);
    });
  });
}
