import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { RecordedEvent } from '@ledger/event-store';
import { Projector, statement } from '@ledger/platform';
import { zoneDecider } from '@ledger/domain/zone/zone.decider';
import { ZONE_EVENT_TYPES, ZoneEvent } from '@ledger/domain/zone/zone.events';
import { ZoneState } from '@ledger/domain/zone/zone.state';

export const ZONE_STREAM_PREFIX = 'zone-';
const ZONE_EVENTS: ReadonlySet<string> = new Set(ZONE_EVENT_TYPES);

/** Current state of every demonstration zone (the domain's own fold), with the columns lists filter and sort on. */
@Injectable()
export class ZoneStatusProjector implements Projector {
  readonly name = 'zone-status';

  setup(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS zones (
      id TEXT PRIMARY KEY, policy TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, approved_on TEXT NOT NULL,
      last_position INTEGER NOT NULL, updated_at TEXT NOT NULL, state TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS zones_by_status ON zones (status, approved_on);`);
  }

  drop(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS zones');
  }

  apply(event: RecordedEvent, db: Database.Database): void {
    if (!event.streamId.startsWith(ZONE_STREAM_PREFIX) || !ZONE_EVENTS.has(event.type)) return;
    const id = event.streamId.slice(ZONE_STREAM_PREFIX.length);
    const before = readZone(db, id) ?? zoneDecider.initialState();
    const state = zoneDecider.evolve(before, { type: event.type, data: event.data } as ZoneEvent);
    if (!state.exists) return; // nothing to show before the designation
    statement(
      db,
      `INSERT INTO zones VALUES (@id, @policy, @name, @status, @approvedOn, @position, @updatedAt, @state)
       ON CONFLICT (id) DO UPDATE SET policy = @policy, name = @name, status = @status, approved_on = @approvedOn,
         last_position = @position, updated_at = @updatedAt, state = @state`,
    ).run({
      id,
      policy: state.policy,
      name: state.name,
      status: state.status,
      approvedOn: state.approvedOn,
      position: event.position,
      updatedAt: event.recordedAt,
      state: JSON.stringify(state),
    });
  }
}

export function readZone(db: Database.Database, id: string): ZoneState | undefined {
  const row = statement(db, 'SELECT state FROM zones WHERE id = ?').get(id) as { state: string } | undefined;
  return row && JSON.parse(row.state);
}

/** Every zone (optionally of one status), oldest approval first. */
export function readZones(db: Database.Database, status?: string): ZoneState[] {
  const rows = db
    .prepare('SELECT state FROM zones WHERE (@status IS NULL OR status = @status) ORDER BY approved_on, id')
    .all({ status: status ?? null }) as Array<{ state: string }>;
  return rows.map((row) => JSON.parse(row.state));
}
