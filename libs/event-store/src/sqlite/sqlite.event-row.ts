import type { ChainLink } from '../hash-chain';
import type { EventMetadata, RecordedEvent } from '../event-store.port';

/** A row of the `events` table, as better-sqlite3 answers it. */
export interface EventRow {
  position: number;
  stream_id: string;
  stream_revision: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
  hash: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    position: row.position,
    streamId: row.stream_id,
    streamRevision: row.stream_revision,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    recordedAt: row.recorded_at,
    hash: row.hash,
  };
}

export function toChainLink(row: EventRow): ChainLink {
  return {
    position: row.position,
    streamId: row.stream_id,
    streamRevision: row.stream_revision,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    dataJson: row.data,
    metadataJson: row.metadata,
    recordedAt: row.recorded_at,
    hash: row.hash,
  };
}
