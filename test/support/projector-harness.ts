import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '@ledger/event-store';
import { openReadStore } from '@ledger/platform';

/** A read store on a real SQLite file in a fresh directory, as the ledger opens it. */
export function openTempReadStore(): { db: Database.Database; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'read-store-'));
  const db = openReadStore(join(dir, 'projections.sqlite'));
  return {
    db,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A domain event as the store would hand it to a projector. */
export function recordedEvent(
  streamId: string,
  event: { type: string; data: object },
  position: number,
  { actor = 'officer.zhang', recordedAt = '2025-12-01T00:00:00.000Z' }: { actor?: string; recordedAt?: string } = {},
): RecordedEvent {
  return {
    position,
    streamId,
    streamRevision: 0,
    eventId: `e${position}`,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { actor, correlationId: 'c', causationId: 'c', commandId: 'c' },
    recordedAt,
    hash: '',
  };
}
