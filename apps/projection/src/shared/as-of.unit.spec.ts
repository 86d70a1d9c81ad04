import { timestampOf } from './as-of';

describe('timestampOf: a moment asked for, as the ISO UTC text recorded times are compared with', () => {
  it('reads a date as the end (or start) of that day in UTC+8, and a timestamp in its own zone', () => {
    expect(timestampOf('2025-06-30')).toBe('2025-06-30T15:59:59.999Z');
    expect(timestampOf('2025-06-30', 'start-of-day')).toBe('2025-06-29T16:00:00.000Z');
    expect(timestampOf('2025-06-30T16:00:00+08:00')).toBe('2025-06-30T08:00:00.000Z');
    expect(timestampOf('2025-02-30')).toBeUndefined();
  });

  it('keeps a valid moment past year 9999 in UTC after every recorded time, not before them all as "+010000-…"', () => {
    for (const far of ['9999-12-31T16:00:00-08:00', '9999-12-31T23:00:00-14:00']) {
      expect(timestampOf(far)).toBe('9999-12-31T23:59:59.999Z');
      expect(timestampOf(far)! > '2026-12-03T13:00:00.000Z').toBe(true);
    }
  });
});
