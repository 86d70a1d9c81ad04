import { BadRequestException } from '@nestjs/common';
import { isBusinessDate, parseTimestamp } from '@ledger/domain/shared/dates';
import { say, Sentence } from '@ledger/domain/shared/sentence';
import { invalidInput } from '@ledger/platform';

/** The last moment whose ISO text has a four-digit year. */
const LAST_FOUR_DIGIT = '9999-12-31T23:59:59.999Z';
const LAST_FOUR_DIGIT_MS = Date.parse(LAST_FOUR_DIGIT);

/**
 * A moment as an ISO UTC timestamp comparable with `recordedAt`, or undefined when `raw` is not one. A timestamp needs
 * its zone (Z or ±hh:mm); a bare date means the end of that day in China Standard Time (UTC+8), when supervisors ask
 * "on 30 June" (or its start, where a period begins). Dates and timestamps are read as everywhere else in the
 * ledger (dates.ts): a day the calendar lacks (2025-02-30) is no moment.
 */
export function timestampOf(raw: string, date: 'end-of-day' | 'start-of-day' = 'end-of-day'): string | undefined {
  const clock = date === 'end-of-day' ? 'T23:59:59.999+08:00' : 'T00:00:00.000+08:00';
  const time = parseTimestamp(isBusinessDate(raw) ? `${raw}${clock}` : raw);
  if (time === undefined) return undefined;
  // Moments are compared with `recordedAt` as text, which holds for four-digit years only: a valid moment whose UTC
  // falls in year 10000 (9999-12-31T16:00:00-08:00) would read "+010000-…" and sort before every event.
  return time > LAST_FOUR_DIGIT_MS ? LAST_FOUR_DIGIT : new Date(time).toISOString();
}

/**
 * A moment that has passed: a timestamp later than `now` is `now`. What the ledger knew at a moment still to come is
 * not known yet, so the CLI's `export --to` ends a period no later than now (ARCHITECTURE.md, the audit package, on
 * the batch that may still be in flight then). The API's as-of, replay and diff go further and take such a moment at
 * the log's last event, named by its position (replay/moment.ts).
 */
export const passedTimestamp = (timestamp: string, now: string = new Date().toISOString()): string =>
  timestamp > now ? now : timestamp;

/** 400 `invalid-input` naming the query parameter: the validation pipe's refusal, for one field. */
export const badQueryParameter = (field: string, problem: Sentence): BadRequestException =>
  invalidInput([{ field, problems: [problem] }]);

/** `asOf` as an ISO UTC timestamp (see timestampOf); 400 naming `asOf` when it is not one. */
export function parseAsOf(raw: string): string {
  const timestamp = timestampOf(raw);
  if (timestamp === undefined) {
    throw badQueryParameter(
      'asOf',
      say`must be an ISO 8601 timestamp with a zone (2025-06-30T16:00:00Z) or a date (2025-06-30)`,
    );
  }
  return timestamp;
}
