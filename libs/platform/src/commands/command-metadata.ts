import { createHash, randomUUID } from 'node:crypto';
import { EventMetadata, EventToAppend } from '@ledger/event-store';

/** Who asked, and which request: carried on every event the command records. */
export interface CommandMetadata extends EventMetadata {
  /** Business "today" (UTC+8) for decisions that need a clock: deadlines, lateness, dates not yet come. */
  today: string;
}

export function newCommandMetadata(input: {
  actor: string;
  correlationId?: string;
  causationId?: string;
  commandId?: string;
  today: string;
}): CommandMetadata {
  const commandId = input.commandId ?? randomUUID();
  return {
    actor: input.actor,
    commandId,
    correlationId: input.correlationId ?? commandId,
    causationId: input.causationId ?? commandId,
    today: input.today,
  };
}

/** A UUID-shaped id derived from its parts: the same command always names the same events and entities. */
export function derivedId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Domain events → events to append. Event ids derive from the command id and the event's place in the command's
 * output, so a retried command (same Idempotency-Key after a crash) is recognised by the store and not recorded twice.
 */
export function toEventsToAppend(
  events: ReadonlyArray<{ type: string; data: object }>,
  meta: CommandMetadata,
  streamId: string,
): EventToAppend[] {
  const { actor, correlationId, causationId, commandId } = meta;
  return events.map((event, index) => ({
    eventId: derivedId(commandId, streamId, String(index)),
    type: event.type,
    data: event.data,
    metadata: { actor, correlationId, causationId, commandId },
  }));
}
