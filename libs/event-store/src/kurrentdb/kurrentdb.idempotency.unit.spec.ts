import { randomUUID } from 'crypto';
import { DuplicateEventIdError } from '../event-store.port';
import { PreparedStreamAppend } from '../prepared-append';
import { classifyRepeat, RecordedIdentity } from './kurrentdb.idempotency';

const event = (type = 'contract.happened') => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  dataJson: '{}',
  metadataJson: '{}',
});

function recordedAs(
  appends: PreparedStreamAppend[],
  place: (streamId: string, index: number) => Partial<RecordedIdentity> = () => ({}),
): Map<string, RecordedIdentity> {
  const recorded = new Map<string, RecordedIdentity>();
  let position = 1000;
  for (const append of appends) {
    append.events.forEach((e, index) => {
      position += 100;
      recorded.set(e.eventId, {
        streamId: append.streamId,
        streamRevision: 3 + index,
        position,
        type: e.type,
        ...place(append.streamId, index),
      });
    });
  }
  return recorded;
}

describe('telling a repeated append from a new one', () => {
  const request: PreparedStreamAppend[] = [
    { streamId: 'checked', expectedRevision: 0, events: [] },
    { streamId: 'a', expectedRevision: 2, events: [event(), event()] },
    { streamId: 'b', expectedRevision: 'any', events: [event()] },
  ];

  it('is a repeat when every event is recorded in its stream, with its type, in order; answers the last position', () => {
    expect(classifyRepeat(request, recordedAs(request))).toEqual({ kind: 'repeat', lastPosition: 1300 });
  });

  it('is new when none of the ids is recorded', () => {
    expect(classifyRepeat(request, new Map())).toEqual({ kind: 'none-recorded' });
  });

  it('is a duplicate naming the first recorded event when only some are recorded', () => {
    const recorded = recordedAs(request);
    recorded.delete(request[1].events[0].eventId);

    const result = classifyRepeat(request, recorded);

    expect(result).toEqual({ kind: 'duplicate', error: new DuplicateEventIdError(request[1].events[1].eventId) });
  });

  it('is a duplicate when an id is recorded with another type, in another stream, or out of order', () => {
    const [first] = request[1].events;
    const variants: [string, Partial<RecordedIdentity>][] = [
      ['type', { type: 'contract.other' }],
      ['stream', { streamId: 'elsewhere' }],
      ['order', { streamRevision: 9 }],
    ];
    for (const [, change] of variants) {
      const result = classifyRepeat(
        request,
        recordedAs(request, (streamId, index) => (streamId === 'a' && index === 1 ? change : {})),
      );
      expect(result).toMatchObject({ kind: 'duplicate' });
      expect(result.kind === 'duplicate' && result.error.eventId).toBe(request[1].events[1].eventId);
    }
    const retyped = classifyRepeat(
      request,
      recordedAs(request, (_s, index) => (index === 0 ? { type: 'x' } : {})),
    );
    expect(retyped.kind === 'duplicate' && retyped.error.eventId).toBe(first.eventId);
  });
});
