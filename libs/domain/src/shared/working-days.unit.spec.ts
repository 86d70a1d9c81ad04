import { calendarNoticeEnd, isWorkingDay, noticeEnd, WorkingDayCalendarError } from './working-days';

describe('Chinese working days', () => {
  it('a plain week: Monday to Friday work, the weekend does not', () => {
    expect(['2025-06-09', '2025-06-10', '2025-06-11', '2025-06-12', '2025-06-13'].map(isWorkingDay)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(isWorkingDay('2025-06-14')).toBe(false);
    expect(isWorkingDay('2025-06-15')).toBe(false);
  });

  it('statutory holidays are off and adjusted working weekends (调休) are on', () => {
    expect(isWorkingDay('2025-10-01')).toBe(false); // National Day
    expect(isWorkingDay('2025-10-08')).toBe(false);
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday, adjusted working day
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, adjusted working day
  });

  it('refuses to guess a year the calendar has no holidays for', () => {
    expect(() => isWorkingDay('2031-03-03')).toThrow(WorkingDayCalendarError);
    expect(() => isWorkingDay('2031-03-03')).toThrow(/no statutory holidays for 2031/);
  });

  it('refuses something that is not a business date', () => {
    expect(() => isWorkingDay('2025-02-30')).toThrow(RangeError);
  });
});

describe('noticeEnd — Ledger interpretation: startsOn is day 1 when it is a working day; endsOn is the n-th working day', () => {
  it('5 working days from Monday 2025-09-29 end on Saturday 2025-10-11 (POLICIES.md example)', () =>
    expect(noticeEnd('2025-09-29', 5)).toBe('2025-10-11'));

  it('5 working days from a plain Monday end on that Friday', () =>
    expect(noticeEnd('2025-06-09', 5)).toBe('2025-06-13'));

  it('a notice starting on a Saturday counts from Monday', () => expect(noticeEnd('2025-06-07', 5)).toBe('2025-06-13'));

  it('a notice across a weekend skips it', () => expect(noticeEnd('2025-06-12', 5)).toBe('2025-06-18'));

  it('a one-day notice on a working day ends that day', () => expect(noticeEnd('2025-06-10', 1)).toBe('2025-06-10'));

  it('Tianjin years are in the calendar (2020 National Day: 1–8 October off, 27 September and 10 October on)', () =>
    expect(noticeEnd('2020-09-28', 5)).toBe('2020-10-10'));

  it('refuses a notice that reaches into a year the calendar does not know', () =>
    expect(() => noticeEnd('2030-12-30', 5)).toThrow(WorkingDayCalendarError));

  it('refuses a notice of no days', () => expect(() => noticeEnd('2025-06-09', 0)).toThrow(RangeError));

  it('calendar-day notices count every day, startsOn included', () =>
    expect(calendarNoticeEnd('2025-09-29', 5)).toBe('2025-10-03'));
});
