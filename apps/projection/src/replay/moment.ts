import { say } from '@ledger/domain/shared/sentence';
import { decimalIntegerOf } from '@ledger/platform';
import type { EventStore } from '@ledger/event-store';
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

/** The log's last event, where a moment still to come is taken (undefined while the log is empty). */
export interface LogHead {
  head(): Promise<{ position: number; recordedAt: string } | undefined>;
}

/** The head of `store`'s log. */
export const logHeadOf = (store: Pick<EventStore, 'headPosition' | 'readAll'>): LogHead => ({
  head: async () => {
    const position = await store.headPosition();
    if (position === 0) return undefined;
    const [last] = await store.readAll({ after: position - 1, maxCount: 1 });
    return last && { position: last.position, recordedAt: last.recordedAt };
  },
});

/**
 * The moment, if every event recorded by then is in the log; else the log's last event, named by its position. A
 * timestamp is settled once an event recorded after it is in the log: `recordedAt` never goes back along the log, so
 * whatever is recorded later is recorded later than that. Before (a moment still to come, or a moment of the last
 * event or after it), events stamped by then may still be on their way to the log — a batch is stamped when it is
 * sent, and seen once committed —, so the answer is taken at the last event and names its position. Either way the
 * answer names a moment that, asked again, answers the same (an auditor comparing two answers for one moment never
 * compares one taken before that moment's events were all recorded). A position past the last event is the last.
 */
export async function passedMoment(log: LogHead, moment: Moment): Promise<Moment> {
  const head = await log.head();
  const last = head?.position ?? 0;
  if ('position' in moment) return moment.position > last ? { position: last } : moment;
  return head !== undefined && moment.timestamp < head.recordedAt ? moment : { position: last };
}

/** `passedMoment` of a moment that may be absent. */
export const passedMomentIf = (log: LogHead, moment: Moment | undefined) =>
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
