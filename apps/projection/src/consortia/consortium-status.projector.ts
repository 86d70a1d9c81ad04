import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { consortiumDecider } from '@ledger/domain/consortium/consortium.decider';
import { CONSORTIUM_EVENT_TYPES, ConsortiumEvent } from '@ledger/domain/consortium/consortium.events';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { RecordedEvent } from '@ledger/event-store';
import { Projector, statement } from '@ledger/platform';

export const CONSORTIUM_STREAM_PREFIX = 'consortium-';

/** Current state of every consortium (the domain's own fold), with the columns lists filter on. */
@Injectable()
export class ConsortiumStatusProjector implements Projector {
  readonly name = 'consortium-status';

  setup(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS consortia (
      id TEXT PRIMARY KEY, policy TEXT NOT NULL, status TEXT NOT NULL, name TEXT NOT NULL,
      lead_credit_code TEXT NOT NULL, filed_on TEXT NOT NULL, last_position INTEGER NOT NULL,
      updated_at TEXT NOT NULL, state TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS consortia_by_policy_status ON consortia (policy, status);`);
  }

  drop(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS consortia');
  }

  apply(event: RecordedEvent, db: Database.Database): void {
    if (
      !event.streamId.startsWith(CONSORTIUM_STREAM_PREFIX) ||
      !CONSORTIUM_EVENT_TYPES.includes(event.type as ConsortiumEvent['type'])
    )
      return;
    const id = event.streamId.slice(CONSORTIUM_STREAM_PREFIX.length);
    const before = readConsortium(db, id) ?? consortiumDecider.initialState();
    const state = consortiumDecider.evolve(before, { type: event.type, data: event.data } as ConsortiumEvent);
    statement(
      db,
      `INSERT INTO consortia VALUES (@id, @policy, @status, @name, @lead, @filedOn, @position, @updatedAt, @state)
       ON CONFLICT (id) DO UPDATE SET policy = @policy, status = @status, name = @name, lead_credit_code = @lead,
         filed_on = @filedOn, last_position = @position, updated_at = @updatedAt, state = @state`,
    ).run({
      id,
      policy: state.policy,
      status: state.status,
      name: state.name,
      lead: state.lead.creditCode,
      filedOn: state.filedOn,
      position: event.position,
      updatedAt: event.recordedAt,
      state: JSON.stringify(state),
    });
  }
}

export function readConsortium(db: Database.Database, id: string): ConsortiumState | undefined {
  const row = statement(db, 'SELECT state FROM consortia WHERE id = ?').get(id) as { state: string } | undefined;
  return row && JSON.parse(row.state);
}
