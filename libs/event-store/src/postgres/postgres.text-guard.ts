/**
 * PostgreSQL `text` cannot hold U+0000, and node-postgres encodes a lone UTF-16 surrogate as U+FFFD: an id or type
 * with either would fail the whole group-commit batch, or be stored as a different id. Such requests are refused on
 * their own, before they are queued. (Data and metadata need no check: JSON.stringify escapes both.)
 */
import { InvalidAppendRequestError } from '../event-store.port';
import type { PreparedRequest } from './postgres.batch-plan';

// eslint-disable-next-line no-control-regex -- U+0000 is exactly what PostgreSQL text cannot hold
const NOT_STORABLE_AS_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function assertStorableAsText(request: PreparedRequest): void {
  for (const { streamId, events } of request) {
    assertText(streamId, 'streamId');
    for (const { eventId, type } of events) {
      assertText(eventId, 'eventId');
      assertText(type, `type of event ${eventId}`);
    }
  }
}

function assertText(value: string, what: string): void {
  if (NOT_STORABLE_AS_TEXT.test(value)) {
    throw new InvalidAppendRequestError(`${what} ${JSON.stringify(value)} contains U+0000 or a lone surrogate`);
  }
}
