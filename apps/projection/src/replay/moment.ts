import { say } from '@ledger/domain/shared/sentence';
import { decimalIntegerOf } from '@ledger/platform';
import { badQueryParameter, passedTimestamp, timestampOf } from '../shared/as-of';

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

/**
 * The moment, if it has passed; else the latest one there is: a timestamp later than now is now (passedTimestamp), a
 * position past the log's last event is that event's. The answer names the moment it was taken at, never one still to
 * come, so that the same moment asked again answers the same (an auditor comparing two answers for one moment never
 * compares one taken before that moment's events were all recorded).
 */
export async function passedMoment(log: { headPosition(): Promise<number> }, moment: Moment): Promise<Moment> {
  if ('timestamp' in moment) {
    const timestamp = passedTimestamp(moment.timestamp);
    return timestamp === moment.timestamp ? moment : { timestamp };
  }
  const head = await log.headPosition();
  return moment.position > head ? { position: head } : moment;
}

/** `passedMoment` of a moment that may be absent. */
export const passedMomentIf = (log: { headPosition(): Promise<number> }, moment: Moment | undefined) =>
  moment === undefined ? Promise.resolve(undefined) : passedMoment(log, moment);

/** Whether an event at `position`, recorded at `recordedAt`, had happened by the moment. */
export const happenedBy = (moment: Moment, event: { position: number; recordedAt: string }): boolean =>
  'position' in moment ? event.position <= moment.position : event.recordedAt <= moment.timestamp;

/** The moment as the answer names it: `{ position }` or `{ asOf }`. */
export const momentView = (moment: Moment) =>
  'position' in moment ? { atPosition: moment.position } : { asOf: moment.timestamp };

/** An optional query parameter naming a moment: undefined when absent. */
export const optionalMoment = (field: string, raw: string | undefined): Moment | undefined =>
  raw === undefined ? undefined : parseMoment(field, raw);
