import type { EventMetadata, RecordedEvent } from '../event-store.port';
import type { ChainLink } from '../hash-chain';

/** A row of the `events` table as node-postgres answers it: bigint columns arrive as strings. */
export interface EventRow {
  position: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
  hash: string;
}

/** Positions and revisions stay far below 2^53; a value beyond would be a corrupt row, so it fails loudly. */
export function toSafeInteger(value: string | number, what: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`${what} ${value} is not a safe integer`);
  return number;
}

export function toChainLink(row: EventRow): ChainLink {
  return {
    position: toSafeInteger(row.position, 'position'),
    streamId: row.stream_id,
    streamRevision: toSafeInteger(row.stream_revision, 'stream revision'),
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    dataJson: row.data,
    metadataJson: row.metadata,
    recordedAt: row.recorded_at,
    hash: row.hash,
  };
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const link = toChainLink(row);
  return {
    position: link.position,
    streamId: link.streamId,
    streamRevision: link.streamRevision,
    eventId: link.eventId,
    type: link.type,
    schemaVersion: link.schemaVersion,
    data: JSON.parse(link.dataJson) as Record<string, unknown>,
    metadata: JSON.parse(link.metadataJson) as EventMetadata,
    recordedAt: link.recordedAt,
    hash: link.hash,
  };
}

/**
 * Between the JSON texts of a batch in one parameter (see toColumnArrays). U+001E never occurs in a text that
 * JSON.stringify made — it escapes every control character — which every stored `data` and `metadata` is (see
 * prepared-append.ts); a text with one would split into two rows, so it is refused rather than trusted.
 */
export const JSON_TEXT_SEPARATOR = '\u001e';

/**
 * The columns of the append statement: the parallel arrays that the statement turns back into rows, except the two
 * JSON columns, each one text of the batch's JSON texts joined by JSON_TEXT_SEPARATOR (split again by
 * `string_to_table(…, chr(30))`, postgres.statements.ts). As elements of a text[] every quote in them would be
 * escaped, by the driver in JavaScript, and unescaped by the server; joined, they are copied as they are.
 */
export function toColumnArrays(events: readonly ChainLink[]): unknown[] {
  return [
    events.map((e) => e.position),
    events.map((e) => e.streamId),
    events.map((e) => e.streamRevision),
    events.map((e) => e.eventId),
    events.map((e) => e.type),
    events.map((e) => e.schemaVersion),
    joinJsonTexts(events.map((e) => e.dataJson)),
    joinJsonTexts(events.map((e) => e.metadataJson)),
    events.map((e) => e.recordedAt),
    events.map((e) => e.hash),
  ];
}

function joinJsonTexts(texts: string[]): string {
  if (texts.some((text) => text.length === 0 || text.includes(JSON_TEXT_SEPARATOR))) {
    throw new Error('a JSON text is empty or holds U+001E unescaped: it was not made by JSON.stringify');
  }
  return texts.join(JSON_TEXT_SEPARATOR);
}
