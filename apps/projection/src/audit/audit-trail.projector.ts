import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { ruleRefOf } from '@ledger/domain/shared/rule';
import { RecordedEvent } from '@ledger/event-store';
import { Projector, statement } from '@ledger/platform';

export interface AuditEntry {
  position: number;
  streamId: string;
  revision: number;
  type: string;
  recordedAt: string;
  actor: string;
  correlationId: string;
  commandId: string;
  rule?: string;
  citation?: string;
  data: unknown;
}

/** Every event of every stream, with who recorded it and the rule behind it: the audit trail supervisors read. */
@Injectable()
export class AuditTrailProjector implements Projector {
  readonly name = 'audit-trail';

  setup(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS audit_trail (
      position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL,
      recorded_at TEXT NOT NULL, actor TEXT NOT NULL, correlation_id TEXT NOT NULL, command_id TEXT NOT NULL,
      rule TEXT, citation TEXT, data TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS audit_trail_by_stream ON audit_trail (stream_id, position);`);
  }

  drop(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS audit_trail');
  }

  apply(event: RecordedEvent, db: Database.Database): void {
    const { rule, citation } = ruleRefOf(event.data);
    statement(db, 'INSERT OR REPLACE INTO audit_trail VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      event.position,
      event.streamId,
      event.streamRevision,
      event.type,
      event.recordedAt,
      event.metadata.actor,
      event.metadata.correlationId,
      event.metadata.commandId,
      rule ?? null,
      citation ?? null,
      JSON.stringify(event.data),
    );
  }
}

export function readAuditTrail(db: Database.Database, streamId: string): AuditEntry[] {
  const rows = statement(db, 'SELECT * FROM audit_trail WHERE stream_id = ? ORDER BY position').all(streamId) as Array<
    Record<string, any>
  >;
  return rows.map((row) => ({
    position: row.position,
    streamId: row.stream_id,
    revision: row.revision,
    type: row.type,
    recordedAt: row.recorded_at,
    actor: row.actor,
    correlationId: row.correlation_id,
    commandId: row.command_id,
    ...(row.rule && { rule: row.rule }),
    ...(row.citation && { citation: row.citation }),
    data: JSON.parse(row.data),
  }));
}
