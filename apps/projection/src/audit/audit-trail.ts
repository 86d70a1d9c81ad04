import { FIRST_CATALOGUE_VERSION } from '@ledger/domain/policies/ledger-interpretations';
import { ruleRefOf } from '@ledger/domain/shared/rule';
import { EventStore, RecordedEvent } from '@ledger/event-store';
import { inTodaysShape } from '@ledger/platform';

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

/**
 * A stream's audit trail, in log order: every event with who recorded it and the rule behind it, read from the log
 * itself. The log is already kept by stream (a stream's events are one index range), so a copy of every event in the
 * read store — a row per event, written again by every rebuild — would cost more than all other read models together
 * and answer nothing the log does not.
 */
export async function readAuditTrail(store: EventStore, streamId: string): Promise<AuditEntry[]> {
  return (await store.readStream(streamId)).map(auditEntryOf);
}

function auditEntryOf(recorded: RecordedEvent): AuditEntry {
  const event = inTodaysShape(recorded);
  const { rule, citation } = ruleRefOf(event.data);
  return {
    position: event.position,
    streamId: event.streamId,
    revision: event.streamRevision,
    type: event.type,
    recordedAt: event.recordedAt,
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    commandId: event.metadata.commandId,
    catalogue: event.metadata.catalogue ?? FIRST_CATALOGUE_VERSION,
    ...(rule !== undefined && { rule }),
    ...(citation !== undefined && { citation }),
    data: event.data,
  };
}
