import { addMonths } from './dates';
import { cycleNumbered, cycleOf } from './evaluation-cycle';

describe('evaluation cycles: anniversaries of the anchor, each open from a window before its due date', () => {
  const cycles = { anchor: '2025-10-12', years: 2, windowMonths: 3 };

  it.each([
    ['2025-10-12', undefined],
    ['2027-07-11', undefined],
    ['2027-07-12', { number: 1, due: '2027-10-12', opens: '2027-07-12' }],
    ['2027-10-12', { number: 1, due: '2027-10-12' }],
    ['2029-07-11', { number: 1, due: '2027-10-12' }],
    ['2029-07-12', { number: 2, due: '2029-10-12', opens: '2029-07-12' }],
    ['2035-01-01', { number: 4, due: '2033-10-12' }],
  ])('an evaluation on %s belongs to %o', (on, cycle) => {
    const found = cycleOf(cycles, on);
    if (cycle === undefined) expect(found).toBeUndefined();
    else expect(found).toMatchObject(cycle);
  });

  it('a 29 February anchor falls due on 28 February; windows opening on a day the month lacks take its last day', () => {
    expect(cycleNumbered({ anchor: '2024-02-29', years: 3, windowMonths: 3 }, 1)).toEqual({
      number: 1,
      due: '2027-02-28',
      opens: '2026-11-28',
    });
    expect(addMonths('2027-05-31', -3)).toBe('2027-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2024-01-15', -13)).toBe('2022-12-15');
  });
});
