import { LEDGER_EVENT_SCHEMAS } from '@ledger/domain/ledger-events';
import { RecordedEvent } from '@ledger/event-store';

/** A recorded event in today's shape: its data upcast from the schema version it was written with. */
export function inTodaysShape<Event extends Pick<RecordedEvent, 'type' | 'schemaVersion' | 'data'>>(
  event: Event,
): Event {
  const current = LEDGER_EVENT_SCHEMAS.currentVersion(event.type);
  if (event.schemaVersion >= current) return event;
  const data = LEDGER_EVENT_SCHEMAS.upcast(event.type, event.schemaVersion, event.data);
  return { ...event, data, schemaVersion: current };
}

/** The domain's `{ type, data }` of a recorded event, in today's shape. */
export function domainEventOf<Event extends { type: string; data: object }>(
  event: Pick<RecordedEvent, 'type' | 'schemaVersion' | 'data'>,
): Event {
  const { type, data } = inTodaysShape(event);
  return { type, data } as Event;
}

/** The schema version a new event of this type is written with. */
export const schemaVersionOf = (type: string): number => LEDGER_EVENT_SCHEMAS.currentVersion(type);
