import { nmg2022ZoneParams as P } from '../policies/nmg-2022-zone';
import { named } from '../testing/named';
import { zoneDecider } from './zone.decider';
import { ZoneEvent } from './zone.events';
import { ZoneState } from './zone.state';
import { FULL_MARKS_INDICATORS, recordZoneEvaluation, ZONE_ID, zoneDesignated } from './zone.fixtures';
import { addDays } from '../shared/dates';
import {
  earliestOutstandingDue,
  evaluationDueDate,
  evaluationsDueIn,
  isEvaluationDueIn,
  isReportMissing,
  upcomingDeadlines,
} from './zone-schedule';

const replay = (events: ZoneEvent[]) => events.reduce(zoneDecider.evolve, zoneDecider.initialState());

const REPORT_DUE = { rule: 'zone.annual-report-due', citation: '六(四)' };
const CYCLE = { rule: 'zone.evaluation-cycle', citation: '六(四)' };
const RECTIFICATION = { rule: 'zone.rectification', citation: '七(三)' };

const reported = (year: number, submittedOn = `${year}-12-20`): ZoneEvent => ({
  type: 'AnnualReportSubmitted',
  data: {
    zoneId: ZONE_ID,
    year,
    submittedOn,
    due: `${year}-12-31`,
    late: submittedOn > `${year}-12-31`,
    indicators: FULL_MARKS_INDICATORS,
    findings: [],
    ...REPORT_DUE,
  },
});
const evaluated = (on: string, grade: 'excellent' | 'qualified' | 'unqualified'): ZoneEvent => ({
  type: 'ZoneEvaluated',
  data: { zoneId: ZONE_ID, on, grade, kind: 'cycle', ...CYCLE },
});
const IN_RECTIFICATION: ZoneEvent[] = [
  zoneDesignated(),
  evaluated('2025-12-10', 'unqualified'),
  {
    type: 'ZoneRectificationStarted',
    data: { zoneId: ZONE_ID, on: '2025-12-10', until: '2027-12-10', ...RECTIFICATION },
  },
];
const REMOVED: ZoneEvent[] = [
  ...IN_RECTIFICATION,
  {
    type: 'ZoneEvaluated',
    data: { zoneId: ZONE_ID, on: '2027-12-15', grade: 'unqualified', kind: 'rectification-end', ...RECTIFICATION },
  },
  { type: 'ZoneRemoved', data: { zoneId: ZONE_ID, on: '2027-12-15', rule: 'zone.removal', citation: '七(三)' } },
];

describe(`${named(P.evaluationCycleYears)}: evaluation due dates (Ledger interpretation)`, () => {
  const zone = replay([zoneDesignated()]); // approved 2022-12-01

  it.each([
    [2022, undefined],
    [2024, undefined],
    [2025, '2025-12-01'],
    [2026, undefined],
    [2027, undefined],
    [2028, '2028-12-01'],
    [2031, '2031-12-01'],
  ])('approved 2022-12-01: due in %i → %s', (year, due) => {
    expect(evaluationDueDate(zone, year)).toBe(due);
    expect(isEvaluationDueIn(zone, year)).toBe(due !== undefined);
  });

  it('approved on 29 February 2024: due on 28 February 2027', () =>
    expect(evaluationDueDate(replay([zoneDesignated({ approvedOn: '2024-02-29' })]), 2027)).toBe('2027-02-28'));

  it('a zone stays due in its year after it has been evaluated (the list is the schedule)', () =>
    expect(isEvaluationDueIn(replay([zoneDesignated(), evaluated('2025-12-10', 'qualified')]), 2025)).toBe(true));

  it('a zone never designated is never due', () =>
    expect(isEvaluationDueIn(zoneDecider.initialState(), 2025)).toBe(false));
});

describe(`${named(P.evaluationCycleYears)}: the schedule agrees with the decision (zone-cycles)`, () => {
  /** As recorded under catalogue 2026-12-01, whose window opened 3 months before the due date. */
  const FIRST_CYCLE = { number: 1, due: '2025-12-01', opens: '2025-09-01' };
  const inWindow: ZoneEvent = {
    type: 'ZoneEvaluated',
    data: { zoneId: ZONE_ID, on: '2025-10-01', grade: 'qualified', kind: 'cycle', cycle: FIRST_CYCLE, ...CYCLE },
  };

  it('an evaluation recorded in the window of catalogue 2026-12-01, before the due date, settles its cycle', () =>
    expect(
      upcomingDeadlines(replay([zoneDesignated(), inWindow]), '2025-10-02', 90).filter((d) => d.kind === 'evaluation'),
    ).toEqual([]));

  it('the first deadline of a designated zone is the first due date the decision accepts an evaluation for', () => {
    const zone = replay([zoneDesignated()]);
    const [deadline] = upcomingDeadlines(zone, '2025-06-01', 365).filter((d) => d.kind === 'evaluation');
    expect(deadline.due).toBe('2025-12-01');
    const decide = (on: string) => zoneDecider.decide(recordZoneEvaluation(on, 'qualified'), zone, { today: on });
    expect(decide('2025-11-30')).toMatchObject({ kind: 'rejection', rule: 'zone.evaluation-cycle' });
    expect(decide('2025-12-01')).toMatchObject([{ data: { cycle: { due: deadline.due, opens: deadline.due } } }]);
  });
});

describe(named(P.rectificationYears), () => {
  it('the end of a rectification period is an evaluation due that year (到期评估)', () =>
    expect(evaluationsDueIn(replay(IN_RECTIFICATION), 2027)).toEqual([
      { kind: 'rectification-end', due: '2027-12-10', overdue: false, ...RECTIFICATION },
    ]));

  it("while in rectification, the approval's later cycles are not due", () =>
    expect(evaluationsDueIn(replay(IN_RECTIFICATION), 2028)).toEqual([]));

  const restored = (cycleAnchor?: string): ZoneEvent[] => [
    ...IN_RECTIFICATION,
    {
      type: 'ZoneEvaluated',
      data: { zoneId: ZONE_ID, on: '2027-12-15', grade: 'qualified', kind: 'rectification-end', ...RECTIFICATION },
    },
    {
      type: 'ZoneRectified',
      data: { zoneId: ZONE_ID, on: '2027-12-15', ...(cycleAnchor && { cycleAnchor }), ...RECTIFICATION },
    },
  ];

  it('restored: the cycles count from the evaluation that ended it, in the schedule and the deadlines', () => {
    const zone = replay(restored('2027-12-15'));
    expect([2028, 2029, 2030, 2031].filter((year) => isEvaluationDueIn(zone, year))).toEqual([2030]);
    expect(evaluationDueDate(zone, 2030)).toBe('2030-12-15');
    expect(upcomingDeadlines(zone, '2030-06-01', 365).filter((d) => d.kind === 'evaluation')).toEqual([
      { kind: 'evaluation', due: '2030-12-15', overdue: false, ...CYCLE },
    ]);
  });

  it('restored under the earlier reading (no cycleAnchor): the cycles of the approval go on', () => {
    const zone = replay(restored());
    expect([2028, 2029, 2030, 2031].filter((year) => isEvaluationDueIn(zone, year))).toEqual([2028, 2031]);
    expect(upcomingDeadlines(zone, '2030-06-30', 365).filter((d) => d.kind === 'evaluation')).toEqual([
      { kind: 'evaluation', due: '2028-12-01', overdue: true, ...CYCLE },
    ]);
  });
});

describe(`${named(P.annualReportDueMonthDay)}: missing annual reports`, () => {
  const zone = () => replay([zoneDesignated(), reported(2024)]);

  it.each<[string, number, string, boolean, () => ZoneState]>([
    ['a report is not missing on 31 December', 2025, '2025-12-31', false, zone],
    ['a report is missing once 31 December has passed without it', 2025, '2026-01-01', true, zone],
    ['a submitted report is not missing', 2024, '2026-01-01', false, zone],
    [
      'a report submitted late is not missing',
      2025,
      '2026-03-01',
      false,
      () => replay([zoneDesignated(), reported(2025, '2026-02-01')]),
    ],
    ['the approval year is owed', 2022, '2023-01-01', true, zone],
    ['a year before the approval is not owed', 2021, '2023-01-01', false, zone],
  ])('%s (the report for %i, on %s)', (_why, year, on, missing, state) =>
    expect(isReportMissing(state(), year, on)).toBe(missing),
  );
});

describe(named(P.removalWhenStillUnqualified), () => {
  it('a removed zone is due in no year after its removal, and stays in the lists of earlier years', () => {
    const zoneRemoved = replay(REMOVED);
    expect(isEvaluationDueIn(zoneRemoved, 2028)).toBe(false);
    expect(isEvaluationDueIn(zoneRemoved, 2025)).toBe(true);
  });

  it('a zone removed before a due date owes no report for that year', () => {
    const zoneRemoved = replay(REMOVED); // removed 2027-12-15
    expect(isReportMissing(zoneRemoved, 2027, '2028-01-01')).toBe(false);
    expect(isReportMissing(zoneRemoved, 2026, '2028-01-01')).toBe(true);
  });
});

describe('upcoming deadlines for the dashboard: the zone.* deadlines together', () => {
  const reportedUpTo2024 = [zoneDesignated(), reported(2022), reported(2023), reported(2024)];

  it('lists the evaluation and the annual report due within the horizon, earliest first', () =>
    expect(upcomingDeadlines(replay(reportedUpTo2024), '2025-10-01', 92)).toEqual([
      { kind: 'evaluation', due: '2025-12-01', overdue: false, ...CYCLE },
      { kind: 'annual-report', year: 2025, due: '2025-12-31', overdue: false, ...REPORT_DUE },
    ]));

  it('leaves out what is due beyond the horizon', () =>
    expect(upcomingDeadlines(replay(reportedUpTo2024), '2025-10-01', 30)).toEqual([]));

  it('keeps what is overdue, whatever the horizon', () =>
    expect(upcomingDeadlines(replay([zoneDesignated(), reported(2022), reported(2023)]), '2026-03-01', 0)).toEqual([
      { kind: 'annual-report', year: 2024, due: '2024-12-31', overdue: true, ...REPORT_DUE },
      { kind: 'evaluation', due: '2025-12-01', overdue: true, ...CYCLE },
      { kind: 'annual-report', year: 2025, due: '2025-12-31', overdue: true, ...REPORT_DUE },
    ]));

  it('an evaluation held clears its cycle; the next cycle appears when it comes within the horizon', () => {
    const evaluatedZone = replay([...reportedUpTo2024, reported(2025), evaluated('2025-12-10', 'qualified')]);
    expect(upcomingDeadlines(evaluatedZone, '2026-01-01', 365).map((d) => d.kind)).toEqual(['annual-report']);
    expect(upcomingDeadlines(evaluatedZone, '2028-06-01', 365).filter((d) => d.kind === 'evaluation')).toEqual([
      { kind: 'evaluation', due: '2028-12-01', overdue: false, ...CYCLE },
    ]);
  });

  it('only the latest missed cycle is listed', () =>
    expect(
      upcomingDeadlines(replay([zoneDesignated()]), '2029-01-01', 0).filter((d) => d.kind === 'evaluation'),
    ).toEqual([{ kind: 'evaluation', due: '2028-12-01', overdue: true, ...CYCLE }]));

  it('a zone in rectification is due for the evaluation at the end of its period, not for the cycle', () =>
    expect(
      upcomingDeadlines(
        replay([...IN_RECTIFICATION, reported(2022), reported(2023), reported(2024), reported(2025), reported(2026)]),
        '2027-11-01',
        60,
      ),
    ).toEqual([
      { kind: 'rectification-end', due: '2027-12-10', overdue: false, ...RECTIFICATION },
      { kind: 'annual-report', year: 2027, due: '2027-12-31', overdue: false, ...REPORT_DUE },
    ]));

  it('a removed zone has no deadlines', () =>
    expect(upcomingDeadlines(replay(REMOVED), '2028-01-01', 365)).toEqual([]));
});

describe('the earliest outstanding deadline: what the dashboard finds zones by', () => {
  const restored: ZoneEvent[] = [
    ...IN_RECTIFICATION,
    {
      type: 'ZoneEvaluated',
      data: { zoneId: ZONE_ID, on: '2027-12-12', grade: 'qualified', kind: 'rectification-end', ...RECTIFICATION },
    },
    { type: 'ZoneRectified', data: { zoneId: ZONE_ID, on: '2027-12-12', cycleAnchor: '2027-12-12', ...RECTIFICATION } },
  ];
  const histories: Array<[string, ZoneEvent[]]> = [
    ['just designated', [zoneDesignated()]],
    ['reporting every year', [zoneDesignated(), reported(2022), reported(2023), reported(2024)]],
    [
      'evaluated in its first cycle',
      [zoneDesignated(), reported(2022), reported(2023), evaluated('2025-11-20', 'qualified')],
    ],
    ['in rectification', IN_RECTIFICATION],
    ['restored', restored],
    ['removed', REMOVED],
  ];
  const todays = [
    '2022-06-01',
    '2023-01-15',
    '2024-12-31',
    '2025-09-01',
    '2025-12-02',
    '2027-11-30',
    '2028-03-01',
    '2031-01-01',
  ];

  it.each(histories)('%s: a zone shows deadlines exactly when it falls within the horizon', (_, events) => {
    const zone = replay(events);
    const due = earliestOutstandingDue(zone);
    for (const today of todays) {
      for (const horizon of [0, 30, 90, 365]) {
        const listed = upcomingDeadlines(zone, today, horizon);
        expect({ today, horizon, listed: listed.length > 0 }).toEqual({
          today,
          horizon,
          listed: due !== undefined && due <= addDays(today, horizon),
        });
        if (listed.length > 0 && due !== undefined && due >= today) expect(listed[0].due).toBe(due);
      }
    }
  });
});
