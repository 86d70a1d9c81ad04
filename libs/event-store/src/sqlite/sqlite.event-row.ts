import type { ChainLink } from '../hash-chain';
import type { EventMetadata, ProjectableEvent, RecordedEvent } from '../event-store.port';

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

/** The columns of `events` a projection reads, in the order `toProjectableEvent` takes them (a raw row). */
export const PROJECTABLE_COLUMNS = 'position, stream_id, type, schema_version, data, recorded_at';

export type ProjectableRow = [
  position: number,
  streamId: string,
  type: string,
  schemaVersion: number,
  data: string,
  recordedAt: string,
];

export function toProjectableEvent(row: ProjectableRow): ProjectableEvent {
  return {
    position: row[0],
    streamId: row[1],
    type: row[2],
    schemaVersion: row[3],
    data: JSON.parse(row[4]) as Record<string, unknown>,
    recordedAt: row[5],
  };
}
