/**
 * Validates append requests and serialises their JSON once, before they are queued: a request that cannot be written
 * fails on its own, synchronously, instead of inside a shared group commit.
 */
import {
  AppendRequest,
  DuplicateEventIdError,
  EventToAppend,
  ExpectedRevision,
  InvalidAppendRequestError,
} from './event-store.port';

export interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
}

export interface PreparedStreamAppend {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: PreparedEvent[];
}

export function prepareAppend(requests: AppendRequest[]): PreparedStreamAppend[] {
  if (!Array.isArray(requests) || requests.length === 0) throw new InvalidAppendRequestError('no stream to append to');
  const streamIds = new Set<string>();
  const eventIds = new Set<string>();
  const metadataJson = new JsonOnce();
  return requests.map((request) => {
    assertNonEmptyString(request.streamId, 'streamId');
    if (streamIds.has(request.streamId)) {
      throw new InvalidAppendRequestError(`stream ${request.streamId} is named more than once`);
    }
    streamIds.add(request.streamId);
    assertExpectedRevisionShape(request.expectedRevision);
    if (!Array.isArray(request.events))
      throw new InvalidAppendRequestError(`events of ${request.streamId} is not a list`);
    const events = request.events.map((event) => prepareEvent(event, metadataJson));
    for (const { eventId } of events) {
      if (eventIds.has(eventId)) throw new DuplicateEventIdError(eventId);
      eventIds.add(eventId);
    }
    return { streamId: request.streamId, expectedRevision: request.expectedRevision, events };
  });
}

export function countEvents(appends: PreparedStreamAppend[]): number {
  return appends.reduce((count, append) => count + append.events.length, 0);
}

/** The events of one command usually share one metadata object: encoded once. */
class JsonOnce {
  private last: { value: unknown; json: string } | undefined;

  of(value: unknown, eventId: string): string {
    const last = this.last;
    if (last !== undefined && last.value === value) return last.json;
    const json = objectToJson(value, `metadata of event ${eventId}`);
    this.last = { value, json };
    return json;
  }
}

function prepareEvent(event: EventToAppend, metadataJson: JsonOnce): PreparedEvent {
  assertNonEmptyString(event.eventId, 'eventId');
  assertNonEmptyString(event.type, `type of event ${event.eventId}`);
  const schemaVersion = event.schemaVersion ?? 1;
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
    throw new InvalidAppendRequestError(`schemaVersion of event ${event.eventId} must be a positive integer`);
  }
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion,
    dataJson: objectToJson(event.data, `data of event ${event.eventId}`),
    metadataJson: metadataJson.of(event.metadata, event.eventId),
  };
}

function objectToJson(value: unknown, what: string): string {
  if (typeof value !== 'object' || value === null) throw new InvalidAppendRequestError(`${what} must be an object`);
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new InvalidAppendRequestError(`${what} is not serialisable as JSON: ${(error as Error).message}`);
  }
}

function assertNonEmptyString(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0)
    throw new InvalidAppendRequestError(`${what} must be a non-empty string`);
}

function assertExpectedRevisionShape(expected: unknown): void {
  if (expected === 'any' || expected === 'no-stream' || expected === 'stream-exists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= -1) return;
  throw new InvalidAppendRequestError(`expected revision ${String(expected)} is not a revision`);
}
