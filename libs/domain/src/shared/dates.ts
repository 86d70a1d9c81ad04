/** A business date, `YYYY-MM-DD`. Compared as strings (ISO dates sort lexically). */
export type BusinessDate = string;
/** When the ledger recorded a fact: an ISO 8601 UTC timestamp. */
export type Timestamp = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isBusinessDate(value: unknown): value is BusinessDate {
  if (typeof value !== 'string') return false;
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
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
