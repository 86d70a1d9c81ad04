/**
 * An event of the log as a Kafka message, and back. The value is the event exactly as the store recorded it (data in
 * the schema version it was written with, metadata, recordedAt, hash), so a consumer needs nothing but the message;
 * the headers repeat what a router or a filter reads without parsing the value.
 */
import { IHeaders, Message } from 'kafkajs';
import { RecordedEvent } from '@ledger/event-store';

/** The log topic has one partition: one order, the log's. */
export const LOG_PARTITION = 0;

export const EVENT_HEADERS = {
  type: 'event-type',
  position: 'position',
  eventId: 'event-id',
  schemaVersion: 'schema-version',
  contentType: 'content-type',
} as const;

/** Key: the stream id (a stream's events stay in order wherever they go); the partition is always the log's one. */
export function eventMessage(event: RecordedEvent): Message {
  return {
    partition: LOG_PARTITION,
    key: event.streamId,
    value: JSON.stringify(event),
    headers: {
      [EVENT_HEADERS.type]: event.type,
      [EVENT_HEADERS.position]: String(event.position),
      [EVENT_HEADERS.eventId]: event.eventId,
      [EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
      [EVENT_HEADERS.contentType]: 'application/json',
    },
  };
}

/** A message on the log topic that is not an event the relay published. */
export class NotALedgerEventError extends Error {
  constructor(topic: string, offset: string, why: string) {
    super(`the message at offset ${offset} of ${topic} is not a ledger event (${why})`);
    this.name = 'NotALedgerEventError';
  }
}

/** The recorded event a message carries; throws NotALedgerEventError for anything else. */
export function recordedEventOf(
  topic: string,
  message: { offset: string; key: Buffer | null; value: Buffer | null; headers?: IHeaders },
): RecordedEvent {
  const refuse = (why: string) => new NotALedgerEventError(topic, message.offset, why);
  let event: Partial<RecordedEvent>;
  try {
    event = JSON.parse(message.value?.toString('utf8') ?? '') as Partial<RecordedEvent>;
  } catch {
    throw refuse('its value is not JSON');
  }
  const position = event?.position;
  if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 1) throw refuse('no position');
  if (typeof event.streamId !== 'string' || typeof event.type !== 'string' || typeof event.eventId !== 'string')
    throw refuse('no stream id, type or event id');
  if (typeof event.data !== 'object' || event.data === null || typeof event.recordedAt !== 'string')
    throw refuse('no data or recordedAt');
  const header = message.headers?.[EVENT_HEADERS.position]?.toString();
  if (header !== undefined && header !== String(position))
    throw refuse(`its position header ${header} differs from its position ${position}`);
  if (message.key?.toString('utf8') !== event.streamId) throw refuse('its key is not its stream id');
  return event as RecordedEvent;
}
