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

/** The columns of the append statement, as the parallel arrays that unnest() turns back into rows. */
export function toColumnArrays(events: readonly ChainLink[]): unknown[][] {
  return [
    events.map((e) => e.position),
    events.map((e) => e.streamId),
    events.map((e) => e.streamRevision),
    events.map((e) => e.eventId),
    events.map((e) => e.type),
    events.map((e) => e.schemaVersion),
    events.map((e) => e.dataJson),
    events.map((e) => e.metadataJson),
    events.map((e) => e.recordedAt),
    events.map((e) => e.hash),
  ];
}
