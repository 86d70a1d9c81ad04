import { randomUUID } from 'crypto';
import fc from 'fast-check';
import { InvalidAppendRequestError } from '../event-store.port';
import { prepareAppend } from '../prepared-append';
import {
  fromRecordedEvent,
  KurrentRecordedEvent,
  METADATA_FIELDS,
  SCHEMA_VERSION_PROPERTY,
  toEventData,
} from './kurrentdb.event-mapping';
import { ledgerStreams } from './kurrentdb.streams';

const metadata = { actor: 'officer:王芳', correlationId: 'corr-1', causationId: 'cause-1', commandId: 'cmd-1' };

function prepared(data: object, overrides: { eventId?: string; schemaVersion?: number; type?: string } = {}) {
  const [append] = prepareAppend([
    {
      streamId: 'grant-1',
      expectedRevision: 'any',
      events: [{ eventId: randomUUID(), type: 'subsidy.granted', data, metadata, ...overrides }],
    },
  ]);
  return append.events[0];
}

/**
 * What the client stores for a JSON event: `JSON.stringify(event.data)` as UTF-8 (multiStreamAppend.js and
 * appendRecords.js, `case "application/json"`), and what it hands back on reading: `JSON.parse` of the stored text
 * (convertRustEvent.js). Metadata comes back as the properties' JSON object, with KurrentDB's `$schema.*` keys added.
 */
function storedAndReadBack(data: object, properties: Record<string, string>, type = 'subsidy.granted') {
  const storedText = JSON.stringify(data);
  const read: KurrentRecordedEvent = {
    streamId: 'ns:grant-1',
    id: randomUUID(),
    revision: 4n,
    type,
    isJson: true,
    data: JSON.parse(storedText) as unknown,
    metadata: { '$schema.format': 'Json', '$schema.name': type, ...properties },
    created: new Date('2026-03-01T08:00:00.123Z'),
    position: { commit: 90_210n, prepare: 90_210n },
  };
  return { storedText, read };
}

describe('ledger events as KurrentDB events', () => {
  it('writes a JSON event with the port’s id and type, the data, and the metadata as string properties', () => {
    const event = prepared({ amountFen: 123 }, { schemaVersion: 3 });

    const written = toEventData(event);

    expect(written).toMatchObject({ id: event.eventId, type: 'subsidy.granted', contentType: 'application/json' });
    expect(written.metadata).toEqual({ ...metadata, [SCHEMA_VERSION_PROPERTY]: '3' });
    expect(Object.values(written.metadata as object).every((value) => typeof value === 'string')).toBe(true);
  });

  it('hands the client data whose JSON.stringify — what it stores — is the prepared text, byte for byte', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary' })), (data) => {
        const event = prepared(data);
        expect(JSON.stringify(toEventData(event).data)).toBe(event.dataJson);
      }),
    );
  });

  it('reads the stored JSON text back byte-exact, for any text JSON.stringify wrote', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary' })), (data) => {
        const { storedText, read } = storedAndReadBack(data, { ...metadata, schemaVersion: '1' });
        expect(fromRecordedEvent(ledgerStreams('ns'), read).dataJson).toBe(storedText);
      }),
    );
  });

  it('keeps number formats, key order and escapes of the stored text', () => {
    const data = {
      b: 1,
      a: { z: [1.5, 1e21, -0, '内蒙古'] },
      ' spaced key ': null,
      '2': 'integer-like key',
      s: '\u2028"\\',
    };
    const { storedText, read } = storedAndReadBack(data, { ...metadata, schemaVersion: '1' });

    const event = fromRecordedEvent(ledgerStreams('ns'), read);

    expect(event.dataJson).toBe(storedText);
    expect(event.dataJson).toBe(
      '{"2":"integer-like key","b":1,"a":{"z":[1.5,1e+21,0,"内蒙古"]},' + '" spaced key ":null,"s":"\u2028\\"\\\\"}',
    );
  });

  it('round-trips an event: written, stored as the client stores it, read back as the same ledger event', () => {
    const event = prepared({ amountFen: 99, note: 'quoted "x"' }, { schemaVersion: 2 });
    const written = toEventData(event);
    const { read } = storedAndReadBack(written.data as object, written.metadata as Record<string, string>);

    const stored = fromRecordedEvent(ledgerStreams('ns'), { ...read, id: event.eventId });

    expect(stored).toEqual({
      position: 90_210,
      streamId: 'grant-1',
      streamRevision: 4,
      eventId: event.eventId,
      type: 'subsidy.granted',
      schemaVersion: 2,
      data: { amountFen: 99, note: 'quoted "x"' },
      dataJson: event.dataJson,
      metadata,
      metadataJson: event.metadataJson,
      recordedAt: '2026-03-01T08:00:00.123Z',
    });
  });

  it('hashes the port’s metadata in the port’s field order, whatever order KurrentDB renders the properties in', () => {
    const reversed = Object.fromEntries([...METADATA_FIELDS].reverse().map((field) => [field, metadata[field]]));
    const { read } = storedAndReadBack({}, { schemaVersion: '1', ...reversed });

    const stored = fromRecordedEvent(ledgerStreams('ns'), read);

    expect(Object.keys(stored.metadata)).toEqual([...METADATA_FIELDS]);
    expect(stored.metadataJson).toBe(JSON.stringify(metadata));
  });

  it('refuses an event id KurrentDB cannot keep as it is (not a lowercase UUID)', () => {
    for (const eventId of ['e-1', randomUUID().toUpperCase(), `{${randomUUID()}}`]) {
      expect(() => toEventData(prepared({}, { eventId }))).toThrow(InvalidAppendRequestError);
    }
  });

  it('refuses to read an event the ledger did not write', () => {
    const { read } = storedAndReadBack({ x: 1 }, { ...metadata, schemaVersion: '1' });
    const streams = ledgerStreams('ns');

    expect(() => fromRecordedEvent(streams, { ...read, isJson: false, data: new Uint8Array([1]) })).toThrow(/JSON/);
    expect(() => fromRecordedEvent(streams, { ...read, data: [1, 2] })).toThrow(/JSON object/);
    expect(() => fromRecordedEvent(streams, { ...read, metadata: { ...metadata } })).toThrow(/schemaVersion/);
    expect(() => fromRecordedEvent(streams, { ...read, metadata: { schemaVersion: '1' } })).toThrow(/metadata.actor/);
    expect(() => fromRecordedEvent(streams, { ...read, streamId: 'other:grant-1' })).toThrow(/not one of the ledger/);
    expect(() => fromRecordedEvent(streams, { ...read, position: undefined })).toThrow(/no \$all position/);
  });
});
