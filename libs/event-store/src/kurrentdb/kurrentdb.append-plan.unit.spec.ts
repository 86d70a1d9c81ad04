import { randomUUID } from 'crypto';
import { ANY, NO_STREAM, STREAM_EXISTS, STREAM_STATE, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import {
  AppendRequest,
  EventToAppend,
  InvalidAppendRequestError,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { prepareAppend } from '../prepared-append';
import { AppendPlan, conflictOf, planAppend, revisionsAfterWrite } from './kurrentdb.append-plan';
import { supportedServerVersion } from './kurrentdb.server-version';
import { ledgerStreams } from './kurrentdb.streams';

const V25_1 = supportedServerVersion('25.1.0');
const V26_1 = supportedServerVersion('26.1.0');
const streams = ledgerStreams('ns');

function anEvent(data: object = {}): EventToAppend {
  return {
    eventId: randomUUID(),
    type: 'contract.happened',
    data,
    metadata: { actor: 'a', correlationId: 'c', causationId: 'c', commandId: 'c' },
  };
}

const plan = (requests: AppendRequest[], server = V25_1): AppendPlan =>
  planAppend(prepareAppend(requests), streams, server);

function written(result: AppendPlan) {
  if (result.kind === 'checks-only') throw new Error('expected a write');
  return result;
}

describe('planning an append on KurrentDB', () => {
  it('sends events to several streams as one multi-stream append, in request order, with their expected states', () => {
    const [a1, a2, b1] = [anEvent({ n: 1 }), anEvent({ n: 2 }), anEvent({ n: 3 })];

    const result = written(
      plan([
        { streamId: 'a', expectedRevision: 4, events: [a1, a2] },
        { streamId: 'b', expectedRevision: 'no-stream', events: [b1] },
        { streamId: 'c', expectedRevision: 'stream-exists', events: [anEvent()] },
        { streamId: 'd', expectedRevision: 'any', events: [anEvent()] },
      ]),
    );

    expect(result.kind).toBe('multi-stream-append');
    if (result.kind !== 'multi-stream-append') return;
    expect(result.requests.map((r) => [r.streamName, r.expectedState, r.events.map((e) => e.id)])).toEqual([
      ['ns:a', 4n, [a1.eventId, a2.eventId]],
      ['ns:b', NO_STREAM, [b1.eventId]],
      ['ns:c', STREAM_EXISTS, [expect.any(String)]],
      ['ns:d', ANY, [expect.any(String)]],
    ]);
    expect(result.lastEvent).toEqual({ streamId: 'd', kurrentStream: 'ns:d', eventId: expect.any(String) });
  });

  it('on 25.1 sends a check-only entry as an entry with no records and its expected state, in the same append', () => {
    const result = written(
      plan([
        { streamId: 'read', expectedRevision: 1, events: [] },
        { streamId: 'written', expectedRevision: -1, events: [anEvent()] },
        { streamId: 'unchecked', expectedRevision: 'any', events: [] },
      ]),
    );

    expect(result.kind).toBe('multi-stream-append');
    if (result.kind !== 'multi-stream-append') return;
    expect(result.requests.map((r) => [r.streamName, r.expectedState, r.events.length])).toEqual([
      ['ns:read', 1n, 0],
      ['ns:written', NO_STREAM, 1],
    ]);
    expect(result.streams.map((s) => s.streamId)).toEqual(['read', 'written', 'unchecked']);
  });

  it('from 26.1 sends check-only entries as AppendRecords consistency checks, the events as records in order', () => {
    const [first, second] = [anEvent(), anEvent()];

    const result = written(
      plan(
        [
          { streamId: 'read', expectedRevision: 1, events: [] },
          { streamId: 'written', expectedRevision: 'no-stream', events: [first, second] },
          { streamId: 'free', expectedRevision: 'any', events: [anEvent()] },
        ],
        V26_1,
      ),
    );

    expect(result.kind).toBe('append-records');
    if (result.kind !== 'append-records') return;
    expect(result.records.map((r) => [r.streamName, r.record.id])).toEqual([
      ['ns:written', first.eventId],
      ['ns:written', second.eventId],
      ['ns:free', expect.any(String)],
    ]);
    expect(result.checks).toEqual([
      { type: STREAM_STATE, streamName: 'ns:read', expectedState: 1n },
      { type: STREAM_STATE, streamName: 'ns:written', expectedState: NO_STREAM },
    ]);
  });

  it('from 26.1 still sends requests without check-only entries as a multi-stream append', () => {
    expect(plan([{ streamId: 'a', expectedRevision: 0, events: [anEvent()] }], V26_1).kind).toBe('multi-stream-append');
  });

  it('sends nothing for a request of checks alone', () => {
    const result = plan([
      { streamId: 'a', expectedRevision: 3, events: [] },
      { streamId: 'b', expectedRevision: 'no-stream', events: [] },
    ]);

    expect(result).toEqual({
      kind: 'checks-only',
      streams: [
        { streamId: 'a', kurrentStream: 'ns:a', expectedRevision: 3, eventIds: [] },
        { streamId: 'b', kurrentStream: 'ns:b', expectedRevision: 'no-stream', eventIds: [] },
      ],
    });
  });

  it('refuses what KurrentDB cannot take before sending anything', () => {
    expect(() =>
      plan([{ streamId: 'a', expectedRevision: 'any', events: [{ ...anEvent(), eventId: 'e-1' }] }]),
    ).toThrow(InvalidAppendRequestError);
    expect(() =>
      planAppend(
        prepareAppend([{ streamId: '$system', expectedRevision: 'any', events: [anEvent()] }]),
        ledgerStreams(),
        V25_1,
      ),
    ).toThrow(InvalidAppendRequestError);
  });

  describe('the answer', () => {
    const mixed = (server = V25_1) =>
      written(
        plan(
          [
            { streamId: 'read', expectedRevision: 1, events: [] },
            { streamId: 'exists', expectedRevision: 'stream-exists', events: [] },
            { streamId: 'new', expectedRevision: 'no-stream', events: [] },
            { streamId: 'written', expectedRevision: 'any', events: [anEvent(), anEvent()] },
          ],
          server,
        ),
      );

    it('takes each stream’s revision from the server’s answer, -1 meaning no stream', () => {
      const revisions = revisionsAfterWrite(mixed(), [
        { streamName: 'ns:read', revision: 1n },
        { streamName: 'ns:exists', revision: 7n },
        { streamName: 'ns:new', revision: -1n },
        { streamName: 'ns:written', revision: 5n },
      ]);

      expect(Object.fromEntries(revisions)).toEqual({ read: 1, exists: 7, new: -1, written: 5 });
    });

    it('knows what the expectation tells where AppendRecords does not answer, and leaves the rest to be read', () => {
      const revisions = revisionsAfterWrite(mixed(V26_1), [{ streamName: 'ns:written', revision: 5n }]);

      expect(Object.fromEntries(revisions)).toEqual({ read: 1, exists: 'unknown', new: -1, written: 5 });
    });

    it('refuses an answer without the revision of a stream it wrote', () => {
      expect(() => revisionsAfterWrite(mixed(), [{ streamName: 'ns:read', revision: 1n }])).toThrow(/did not answer/);
    });

    it('maps a conflict to the port’s error, naming the request’s own expectation and the actual revision', () => {
      const result = written(
        plan([
          { streamId: 'a', expectedRevision: -1, events: [anEvent()] },
          { streamId: 'b', expectedRevision: 0, events: [anEvent()] },
        ]),
      );
      const conflict = (streamName: string, current: bigint | typeof NO_STREAM) =>
        conflictOf(result, new WrongExpectedVersionError(undefined, { streamName, expected: ANY, current }));

      expect(conflict('ns:a', 2n)).toEqual(new WrongExpectedRevisionError('a', -1, 2));
      expect(conflict('ns:a', 2n)).toMatchObject({ streamId: 'a', expected: -1, actual: 2 });
      expect(conflict('ns:b', NO_STREAM)).toMatchObject({ streamId: 'b', expected: 0, actual: -1 });
      expect(conflict('ns:elsewhere', 1n)).toBeUndefined();
      expect(conflictOf(result, undefined)).toBeUndefined();
    });
  });
});
