import { Sentence, say } from './sentence';
/**
 * Chinese working days: weekends and statutory holidays off, adjusted working weekends (调休) on.
 * The calendar is the `chinese-days` package's data (State Council announcements, one year at a time). Its raw data
 * file is read rather than its functions: those parse dates in the process's local time zone, which shifts every
 * holiday by a day west of Greenwich.
 */
import calendar from 'chinese-days/dist/chinese-days.json';
import { addDays, BusinessDate, isBusinessDate, yearOf } from './dates';

const holidays: Readonly<Record<string, string>> = calendar.holidays;
const adjustedWorkdays: Readonly<Record<string, string>> = calendar.workdays;

/** Why the calendar cannot count a year's working days, as a sentence. */
export const calendarGap = (year: number): Sentence =>
  say`the working-day calendar (chinese-days) has no statutory holidays for ${year}; Chinese working days in ${year} cannot be counted until the State Council's schedule is in the data`;

/** Thrown when the calendar has no holiday data for a year: the ledger refuses to guess from weekends alone. */
export class WorkingDayCalendarError extends RangeError {
  constructor(readonly year: number) {
    super(calendarGap(year).say.replace(/\{0\}/g, String(year)));
    this.name = 'WorkingDayCalendarError';
  }
}

const knownYears = new Set(Object.keys(holidays).map(yearOf));

/** A year is in the calendar when the data lists its statutory holidays (1 January is always one). */
export const isCalendarYearKnown = (year: number): boolean => knownYears.has(year);

const isWeekend = (date: BusinessDate): boolean => {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
};

export function isWorkingDay(date: BusinessDate): boolean {
  if (!isBusinessDate(date)) throw new RangeError(`not a business date: ${JSON.stringify(date)}`);
  if (!isCalendarYearKnown(yearOf(date))) throw new WorkingDayCalendarError(yearOf(date));
  if (adjustedWorkdays[date]) return true;
  return !isWeekend(date) && !holidays[date];
}

/**
 * The last day of a notice of `n` working days starting on `startsOn`.
 * Ledger interpretation (POLICIES.md, luzhou): `startsOn` counts as day 1 when it is a working day; the notice ends on
 * the n-th working day; approval is possible from the day after.
 */
export function noticeEnd(startsOn: BusinessDate, n: number): BusinessDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a notice lasts at least one working day, not ${n}`);
  let day = startsOn;
  let counted = isWorkingDay(day) ? 1 : 0;
  while (counted < n) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
}

/** The last day of a notice of `n` calendar days; `startsOn` is day 1. */
export const calendarNoticeEnd = (startsOn: BusinessDate, n: number): BusinessDate => addDays(startsOn, n - 1);
