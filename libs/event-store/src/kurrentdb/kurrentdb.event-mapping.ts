/**
 * Ledger events to KurrentDB events and back.
 *
 * Written: a JSON event (`jsonEvent`, content type application/json) whose id is the port's event id (KurrentDB ids
 * are UUIDs, so the port's event ids must be lowercase canonical UUIDs here), whose type is the port's type, whose
 * data is the event's data, and whose metadata is a flat object of strings — multiStreamAppend sends metadata as record
 * properties and accepts "a plain object with string keys and string values" only (dist/streams/appendToStream/
 * multiStreamAppend.js): `{ actor, correlationId, causationId, commandId, schemaVersion }`.
 *
 * Data bytes: the client stores `JSON.stringify(event.data)` as UTF-8 (multiStreamAppend.js, `case
 * "application/json"`). We hand it `JSON.parse(dataJson)` of the text the other adapters store, and JSON.stringify of
 * JSON.parse of a JSON.stringify text is that text again, so KurrentDB stores exactly `dataJson`. Reading, the client
 * parses the stored text (dist/utils/convertRustEvent.js) and we serialise it again: for every text JSON.stringify
 * produced — every event this adapter wrote — that is the stored text, byte for byte (the unit spec checks it on
 * arbitrary JSON). A text written by a foreign client with other spacing or escapes would come back in
 * JSON.stringify's form instead.
 *
 * Metadata bytes: KurrentDB keeps the properties as a protobuf Struct and renders them as a JSON object when read,
 * with its own keys (`$schema.format`, `$schema.name`). There is no stored metadata text to keep: the text hashed is
 * `JSON.stringify` of the port's metadata object, its four fields in the port's order (what `metadataJson` is for the
 * other adapters too), and `schemaVersion` is hashed as a field of its own.
 */
import { jsonEvent } from '@kurrent/kurrentdb-client';
import type { EventData, Position } from '@kurrent/kurrentdb-client';
import { EventMetadata, InvalidAppendRequestError } from '../event-store.port';
import type { ChainedEventContent } from '../hash-chain';
import type { PreparedEvent } from '../prepared-append';
import { toLogPosition } from './kurrentdb.positions';
import { toStreamRevision } from './kurrentdb.revisions';
import { fromKurrentStream, LedgerStreams } from './kurrentdb.streams';

export const METADATA_FIELDS = ['actor', 'correlationId', 'causationId', 'commandId'] as const;
export const SCHEMA_VERSION_PROPERTY = 'schemaVersion';

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The recorded-event fields this adapter reads (a structural subset of the client's RecordedEvent). */
export interface KurrentRecordedEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  created: Date;
  position?: Position;
}

/** A ledger event as KurrentDB keeps it: what the chain hashes, plus the parsed data and metadata. */
export interface StoredLedgerEvent extends ChainedEventContent {
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export function assertKurrentEventId(eventId: string): void {
  if (!CANONICAL_UUID.test(eventId)) {
    throw new InvalidAppendRequestError(`event id ${eventId} is not a lowercase UUID, which KurrentDB event ids are`);
  }
}

export function toEventData(event: PreparedEvent): EventData {
  assertKurrentEventId(event.eventId);
  const metadata = JSON.parse(event.metadataJson) as Record<string, unknown>;
  const properties: Record<string, string> = {};
  for (const field of METADATA_FIELDS) {
    const value = metadata[field];
    if (typeof value !== 'string') {
      throw new InvalidAppendRequestError(`metadata.${field} of event ${event.eventId} must be a string`);
    }
    properties[field] = value;
  }
  properties[SCHEMA_VERSION_PROPERTY] = String(event.schemaVersion);
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: JSON.parse(event.dataJson) as Record<string, unknown>,
    metadata: properties,
  });
}

/** A KurrentDB event of the log as the ledger event it stores; an event the ledger did not write is refused. */
export function fromRecordedEvent(streams: LedgerStreams, event: KurrentRecordedEvent): StoredLedgerEvent {
  const what = `event ${event.id} of stream ${event.streamId}`;
  if (!event.isJson || !isPlainObject(event.data)) throw new Error(`${what} has no JSON object as data`);
  if (!isPlainObject(event.metadata)) throw new Error(`${what} has no ledger metadata`);
  const metadata = ledgerMetadata(event.metadata, what);
  return {
    position: toLogPosition(event.position, what),
    streamId: fromKurrentStream(streams, event.streamId),
    streamRevision: toStreamRevision(event.revision, what),
    eventId: event.id,
    type: event.type,
    schemaVersion: schemaVersionOf(event.metadata, what),
    data: event.data,
    dataJson: JSON.stringify(event.data),
    metadata,
    metadataJson: JSON.stringify(metadata),
    recordedAt: event.created.toISOString(),
  };
}

function ledgerMetadata(stored: Record<string, unknown>, what: string): EventMetadata {
  const read = (field: (typeof METADATA_FIELDS)[number]): string => {
    const value = stored[field];
    if (typeof value !== 'string') throw new Error(`${what} has no metadata.${field}: not written by the ledger`);
    return value;
  };
  return {
    actor: read('actor'),
    correlationId: read('correlationId'),
    causationId: read('causationId'),
    commandId: read('commandId'),
  };
}

function schemaVersionOf(stored: Record<string, unknown>, what: string): number {
  const text = stored[SCHEMA_VERSION_PROPERTY];
  const version = typeof text === 'string' && /^[1-9][0-9]*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(version)) throw new Error(`${what} has no valid metadata.${SCHEMA_VERSION_PROPERTY}`);
  return version;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
