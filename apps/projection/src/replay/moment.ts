import { say } from '@ledger/domain/shared/sentence';
import { decimalIntegerOf } from '@ledger/platform';
import { badQueryParameter, timestampOf } from '../shared/as-of';

/**
 * A moment in a stream's life, as a supervisor names it: a log position (exact: one command may record several events
 * with one timestamp) or a timestamp (what the ledger knew then).
 */
export type Moment = { position: number } | { timestamp: string };

/** `12` → position 12; `2025-06-30T16:00:00Z` or `2025-06-30` → a timestamp; anything else → 400 naming `field`. */
export function parseMoment(field: string, raw: string): Moment {
  const position = decimalIntegerOf(raw);
  if (position !== undefined && position >= 0) return { position };
  const timestamp = timestampOf(raw);
  if (timestamp !== undefined) return { timestamp };
  throw badQueryParameter(
    field,
    say`must be a log position (an integer, e.g. 12) or an ISO 8601 timestamp with a zone (2025-06-30T16:00:00Z) or a date (2025-06-30)`,
  );
}

/** Whether an event at `position`, recorded at `recordedAt`, had happened by the moment. */
export const happenedBy = (moment: Moment, event: { position: number; recordedAt: string }): boolean =>
  'position' in moment ? event.position <= moment.position : event.recordedAt <= moment.timestamp;

/** The moment as the answer names it: `{ position }` or `{ asOf }`. */
export const momentView = (moment: Moment) =>
  'position' in moment ? { atPosition: moment.position } : { asOf: moment.timestamp };

/** An optional query parameter naming a moment: undefined when absent. */
export const optionalMoment = (field: string, raw: string | undefined): Moment | undefined =>
  raw === undefined ? undefined : parseMoment(field, raw);
