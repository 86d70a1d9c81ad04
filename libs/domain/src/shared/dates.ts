/** A business date, `YYYY-MM-DD`. Compared as strings (ISO dates sort lexically). */
export type BusinessDate = string;
/** When the ledger recorded a fact: an ISO 8601 UTC timestamp. */
export type Timestamp = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/** Whether year, month and day name a day of the calendar (2025-02-30 does not: no rolling over into March). */
function isCalendarDay(y: number, mo: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** The one reading of a date in the ledger: `YYYY-MM-DD`, a day that exists in the calendar. */
export function isBusinessDate(value: unknown): value is BusinessDate {
  if (typeof value !== 'string') return false;
  const m = DATE_PATTERN.exec(value);
  return m !== null && Number(m[1]) >= 1 && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The one reading of a moment in the ledger: an ISO 8601 timestamp with its zone (`2025-06-30T16:00:00Z`,
 * `…+08:00`), every field in range (no 2025-02-30, no 24:00, no offset beyond ±14:00), as milliseconds since the epoch;
 * undefined when `text` is not one. (`Date.parse` would roll 2025-02-30 over into March.)
 */
export function parseTimestamp(text: string): number | undefined {
  const m = TIMESTAMP_PATTERN.exec(text);
  if (!m || !isBusinessDate(m[1])) return undefined;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (m[6] !== 'Z' && (Number(m[8]) > 14 || Number(m[9]) > 59)) return undefined;
  const time = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? undefined : time;
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Same month and day, `years` later; 29 February falls back to 28 February. */
export function addYears(date: BusinessDate, years: number): BusinessDate {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) return new Date(Date.UTC(y + years, m, 0)).toISOString().slice(0, 10);
  return target.toISOString().slice(0, 10);
}

/** Same day, `months` later (negative: earlier); a day the month lacks falls back to its last day. */
export function addMonths(date: BusinessDate, months: number): BusinessDate {
  const [y, m, d] = date.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export const yearOf = (date: BusinessDate): number => Number(date.slice(0, 4));

export const isOnOrAfter = (date: BusinessDate, from: BusinessDate) => date >= from;
export const isOnOrBefore = (date: BusinessDate, to: BusinessDate) => date <= to;
