import {
  derivedId,
  entityIdFor,
  eventIdFor,
  recordedMetadata,
  timeOrderedUuid,
  toEventsToAppend,
} from './command-metadata';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[578][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('command and event ids', () => {
  it('derives the same id from the same parts, and another from other parts', () => {
    expect(derivedId('consortium', 'c1')).toBe(derivedId('consortium', 'c1'));
    expect(derivedId('consortium', 'c1')).not.toBe(derivedId('consortium', 'c2'));
    expect(derivedId('consortium', 'c1')).toMatch(UUID);
  });

  it('names the entity a command creates after the command, in the order the server made the commands', () => {
    const first = timeOrderedUuid(1_700_000_000_000);
    const next = timeOrderedUuid(1_700_000_000_001);
    expect(entityIdFor('consortium', first)).toBe(entityIdFor('consortium', first));
    expect(entityIdFor('consortium', first)).not.toBe(entityIdFor('subsidy', first));
    expect(entityIdFor('consortium', first)).toMatch(UUID);
    expect(entityIdFor('consortium', first).slice(0, 13)).toBe(first.slice(0, 13));
    expect(entityIdFor('consortium', first) < entityIdFor('consortium', next)).toBe(true);
  });

  it('names the entity of a command keyed by a client as every earlier version did (a repeat after an upgrade)', () => {
    const keyed = derivedId('idempotency-key', 'officer', 'filing-2025-001');
    expect(entityIdFor('consortium', keyed)).toBe(derivedId('consortium', keyed));
    expect(entityIdFor('consortium', 'c1')).toBe('d4e8488e-775d-5acd-82b7-163cd11cfbd0');
  });

  it('orders command ids by time', () => {
    const earlier = timeOrderedUuid(1_700_000_000_000);
    const later = timeOrderedUuid(1_700_000_000_001);
    expect(earlier < later).toBe(true);
    expect(earlier).toMatch(UUID);
  });

  it('names a command’s events deterministically, keeping the command’s time prefix', () => {
    const commandId = timeOrderedUuid(1_700_000_000_000);
    const meta = { actor: 'a', commandId, correlationId: commandId, causationId: commandId, today: '2025-01-01' };
    const events = [
      { type: 'A', data: {} },
      { type: 'B', data: {} },
    ];
    const first = toEventsToAppend(events, meta, 'stream-1');
    const again = toEventsToAppend(events, meta, 'stream-1');
    expect(first.map((e) => e.eventId)).toEqual(again.map((e) => e.eventId));
    expect(new Set([...first, ...toEventsToAppend(events, meta, 'stream-2')].map((e) => e.eventId)).size).toBe(4);
    expect(first[0].eventId.slice(0, 13)).toBe(commandId.slice(0, 13));
    expect(eventIdFor(commandId, 'stream-1', 0)).toMatch(UUID);
    // A command id of another shape (a client's) gives its first 12 characters without dashes.
    expect(eventIdFor('a-b-c-0123456789abcdef', 'stream-1', 0).slice(0, 13)).toBe('abc01234-5678');
    expect(toEventsToAppend(events, { ...meta, commandId: 'a-b-c-0123456789abcdef' }, 'stream-1')[0].eventId).toBe(
      eventIdFor('a-b-c-0123456789abcdef', 'stream-1', 0),
    );
  });

  it('derives the ids every earlier version derived (a repeat of a recorded command is recognised by them)', () => {
    expect(eventIdFor('01890a5d-ac96-774b-bcce-b302099a8057', 'funding-91210000MA0000000X-2031', 2)).toBe(
      '01890a5d-ac96-819f-bee5-18273dca0f28',
    );
    expect(derivedId('consortium', 'c1')).toBe('d4e8488e-775d-5acd-82b7-163cd11cfbd0');
  });

  it('records who asked and which request, without the business day, as one object for all the command’s events', () => {
    const meta = { actor: 'a', commandId: 'c', correlationId: 'r', causationId: 'k', today: '2025-01-01' };
    // Key order is what the store encodes (the stored events' JSON): actor, correlation, causation, command, catalogue.
    expect(Object.keys(recordedMetadata(meta))).toEqual([
      'actor',
      'correlationId',
      'causationId',
      'commandId',
      'catalogue',
    ]);
    expect(recordedMetadata(meta)).toMatchObject({ actor: 'a', commandId: 'c', correlationId: 'r', causationId: 'k' });
    const shared = recordedMetadata(meta);
    const events = [{ type: 'A', data: {} }];
    const one = toEventsToAppend(events, meta, 'stream-1', shared);
    const other = toEventsToAppend(events, meta, 'stream-2', shared);
    expect(one[0].metadata).toBe(other[0].metadata);
    expect(toEventsToAppend(events, meta, 'stream-1')[0].metadata).toEqual(shared);
  });
});
