import { FIRST_CATALOGUE_VERSION } from '@ledger/domain/policies/ledger-interpretations';
import { ruleRefOf } from '@ledger/domain/shared/rule';
import { ReadStore, rowProjection } from '@ledger/platform';

export interface AuditEntry {
  position: number;
  streamId: string;
  revision: number;
  type: string;
  recordedAt: string;
  actor: string;
  correlationId: string;
  commandId: string;
  /** The policy catalogue the event was decided under. */
  catalogue: string;
  rule?: string;
  citation?: string;
  data: unknown;
}

/** Every event of every stream, with who recorded it and the rule behind it: the audit trail supervisors read. */
export const AUDIT_TRAIL = rowProjection({
  name: 'audit-trail',
  version: 2,
  columns: {
    stream_id: 'text',
    revision: 'integer',
    type: 'text',
    recorded_at: 'text',
    actor: 'text',
    correlation_id: 'text',
    command_id: 'text',
    catalogue: 'text',
    rule: 'text',
    citation: 'text',
    data: 'text',
  },
  indexes: [['stream_id', 'position']],
  rowOf: (event) => {
    const { rule, citation } = ruleRefOf(event.data);
    return {
      stream_id: event.streamId,
      revision: event.streamRevision,
      type: event.type,
      recorded_at: event.recordedAt,
      actor: event.metadata.actor,
      correlation_id: event.metadata.correlationId,
      command_id: event.metadata.commandId,
      catalogue: event.metadata.catalogue ?? FIRST_CATALOGUE_VERSION,
      rule: rule ?? null,
      citation: citation ?? null,
      data: JSON.stringify(event.data),
    };
  },
});

/** A stream's audit trail, in log order. */
export async function readAuditTrail(readStore: ReadStore, streamId: string): Promise<AuditEntry[]> {
  const rows = await readStore.rows(AUDIT_TRAIL.name, { stream_id: streamId }, []);
  return rows.map((row) => ({
    position: Number(row.position),
    streamId: String(row.stream_id),
    revision: Number(row.revision),
    type: String(row.type),
    recordedAt: String(row.recorded_at),
    actor: String(row.actor),
    correlationId: String(row.correlation_id),
    commandId: String(row.command_id),
    catalogue: String(row.catalogue),
    ...(row.rule !== null && { rule: String(row.rule) }),
    ...(row.citation !== null && { citation: String(row.citation) }),
    data: JSON.parse(String(row.data)) as unknown,
  }));
}
