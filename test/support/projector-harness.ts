import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore } from '@ledger/event-store';
import { Projection, ProjectionEngine, SqliteReadStore } from '@ledger/platform';

export interface ProjectionHarness {
  readStore: SqliteReadStore;
  engine: ProjectionEngine;
  /** Hands the events to the projections through the engine, as following the log would. */
  apply(events: RecordedEvent[]): Promise<void>;
  /**
   * Appends the events to the harness's own log, in order, each on its stream, and answers them as the log recorded
   * them (for a rebuild, which reads the log: `engine.rebuild()`).
   */
  record(events: RecordedEvent[]): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

/** Projections over a read store on a real SQLite file in a fresh directory, as the ledger opens it. */
export async function openProjectionHarness(projections: ReadonlyArray<Projection>): Promise<ProjectionHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'read-store-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const readStore = new SqliteReadStore(join(dir, 'projections.sqlite'));
  await readStore.prepare(projections);
  const engine = new ProjectionEngine(store, readStore, projections);
  return {
    readStore,
    engine,
    apply: (events) => engine.applyBatch(events),
    record: async (events) => {
      const after = await store.headPosition();
      for (const { streamId, eventId, type, schemaVersion, data, metadata } of events)
        await store.appendToStream(streamId, 'any', [{ eventId, type, schemaVersion, data, metadata }]);
      return store.readAll({ after });
    },
    close: async () => {
      await readStore.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A domain event as the store would hand it to a projection. */
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
    data: event.data as Record<string, unknown>,
    metadata: { actor, correlationId: 'c', causationId: 'c', commandId: 'c' },
    recordedAt,
    hash: '',
  };
}
