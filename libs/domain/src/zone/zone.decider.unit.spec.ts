import { wan } from '../shared/money';
import { isRejection, Rejection } from '../shared/decision';
import { RuleRef, ruleRefOf } from '../shared/rule';
import { deciderSpec } from '../testing/decider-spec';
import { malformed } from '../testing/malformed';
import { named } from '../testing/named';
import { ZoneCommand, ZoneGrade } from './zone.commands';
import { ZONE_EVENT_TYPES, ZoneEvaluationKind, ZoneEvent } from './zone.events';
import { ZoneContext } from './zone.context';
import { zoneDecider } from './zone.decider';
import { ZoneState } from './zone.state';
import { isEvaluationDueIn } from './zone-schedule';
import {
  designateZone,
  FULL_MARKS_INDICATORS,
  ISSUE_SCENARIO,
  recordZoneEvaluation,
  submitAnnualReport,
  ZONE_ID,
  ZONE_NAME,
  zoneDesignated,
} from './zone.fixtures';
import { TransferInstitutionParts, ZoneIndicators } from '../policies/zone-indicators';
import { nmg2022Zone, nmg2022ZoneParams as P, reportPassed } from '../policies/nmg-2022-zone';
import { inEnglish } from '../policies/rules/in-english';

const TODAY = '2028-06-30';
const { given } = deciderSpec(zoneDecider, (): ZoneContext => ({ today: TODAY }));

const CYCLE = { rule: 'zone.evaluation-cycle', citation: '六(四)' };
const RECTIFICATION = { rule: 'zone.rectification', citation: '七(三)' };
const REMOVAL = { rule: 'zone.removal', citation: '七(三)' };
const RECOMMEND = { rule: 'zone.excellent-recommend', citation: '七(三)' };
const REPORT_DUE = { rule: 'zone.annual-report-due', citation: '六(四)' };

const evaluated = (
  on: string,
  grade: 'excellent' | 'qualified' | 'unqualified',
  kind: ZoneEvaluationKind = 'cycle',
): ZoneEvent => ({
  type: 'ZoneEvaluated',
  data: { zoneId: ZONE_ID, on, grade, kind, ...(kind === 'cycle' ? CYCLE : RECTIFICATION) },
});
/** A regular evaluation as recorded from catalogue 2026-12-01: the cycle it took and the next due date. */
const cycleEvaluated = (
  on: string,
  grade: ZoneGrade,
  cycle: { number: number; due: string; opens: string },
  nextDue: string,
): ZoneEvent => ({
  type: 'ZoneEvaluated',
  data: { zoneId: ZONE_ID, on, grade, kind: 'cycle', cycle, nextDue, ...CYCLE },
});
/** The evaluation that ends a rectification and restores the zone: the next is due 3 years after it. */
const restoringEvaluation = (on: string, grade: ZoneGrade, nextDue: string): ZoneEvent => ({
  type: 'ZoneEvaluated',
  data: { zoneId: ZONE_ID, on, grade, kind: 'rectification-end', nextDue, ...RECTIFICATION },
});
/** A zone's cycles open on their due dates: evaluated once approved 3 years (满3年), and on each later anniversary. */
const FIRST_CYCLE = { number: 1, due: '2025-12-01', opens: '2025-12-01' };
const SECOND_CYCLE = { number: 2, due: '2028-12-01', opens: '2028-12-01' };
/** The first cycle as recorded under catalogue 2026-12-01, whose window opened 3 months before the due date. */
const FIRST_CYCLE_WITH_WINDOW = { number: 1, due: '2025-12-01', opens: '2025-09-01' };
const rectificationStarted = (on: string, until: string): ZoneEvent => ({
  type: 'ZoneRectificationStarted',
  data: { zoneId: ZONE_ID, on, until, ...RECTIFICATION },
});
/** Restored: the cycles count from the evaluation that ended the rectification (catalogue 2026-12-01). */
const rectified = (on: string): ZoneEvent => ({
  type: 'ZoneRectified',
  data: { zoneId: ZONE_ID, on, cycleAnchor: on, ...RECTIFICATION },
});
/** As recorded before catalogue 2026-12-01: without an anchor, the cycles kept counting from approval. */
const rectifiedUnderEarlierReading = (on: string): ZoneEvent => ({
  type: 'ZoneRectified',
  data: { zoneId: ZONE_ID, on, ...RECTIFICATION },
});
const recommended = (on: string): ZoneEvent => ({
  type: 'ZoneRecommendedForNational',
  data: { zoneId: ZONE_ID, on, ...RECOMMEND },
});
const removed = (on: string): ZoneEvent => ({ type: 'ZoneRemoved', data: { zoneId: ZONE_ID, on, ...REMOVAL } });

/** Approved 2022-12-01, unqualified on 2025-12-10: in rectification until 2027-12-10. */
const IN_RECTIFICATION = [
  zoneDesignated(),
  evaluated('2025-12-10', 'unqualified'),
  rectificationStarted('2025-12-10', '2027-12-10'),
];

const replay = (events: ZoneEvent[]): ZoneState => events.reduce(zoneDecider.evolve, zoneDecider.initialState());

function findingsOf(outcome: unknown) {
  const [event] = outcome as ZoneEvent[];
  if (event.type !== 'AnnualReportSubmitted') throw new Error(`expected AnnualReportSubmitted, got ${event.type}`);
  return event.data.findings;
}

/**
 * given a designated zone, when it reports the indicator at (pass) and just below (fail) its threshold. The describe is
 * titled from the policy's parameter; the finding must name the rule id and clause of POLICIES.md written here.
 */
function indicatorRule(
  param: RuleRef,
  { rule, citation }: RuleRef,
  atThreshold: Partial<ZoneIndicators>,
  belowThreshold: Partial<ZoneIndicators>,
) {
  describe(named(param), () => {
    const report = (indicators: Partial<ZoneIndicators>) =>
      given([zoneDesignated()]).when(submitAnnualReport(2025, '2025-12-20', indicators));

    it('passes at the threshold', () => {
      expect(findingsOf(report(atThreshold).outcome).find((f) => f.rule === rule)).toMatchObject({
        rule,
        citation,
        ok: true,
      });
    });

    it('fails just below it; the report is recorded with the failing finding', () => {
      const outcome = report(belowThreshold).thenMatches([{ type: 'AnnualReportSubmitted' }]);
      const findings = findingsOf(outcome);
      expect(findings.find((f) => f.rule === rule)).toMatchObject({ rule, citation, ok: false });
      expect(findings.filter((f) => !f.ok && f.assessed !== false).map((f) => f.rule)).toEqual([rule]);
    });
  });
}

indicatorRule(
  P.techContractTurnoverMinFen,
  { rule: 'zone.tech-contract-turnover', citation: '附件2 序号1; 四(二)' },
  { techContractTurnoverFen: wan(5000) },
  { techContractTurnoverFen: wan(5000) - 1 },
);
indicatorRule(
  P.highValuePatentsPer10kMinHundredths,
  { rule: 'zone.high-value-patents', citation: '附件2 序号2' },
  { highValuePatentsPer10kHundredths: 150 },
  { highValuePatentsPer10kHundredths: 149 },
);
indicatorRule(
  P.transferInstitutionsMin,
  { rule: 'zone.transfer-institutions', citation: '附件2 序号3–6; 四(二)' },
  { transferInstitutions: { national: 1, regional: 4, universityAndInstitute: 3, other: 2 } },
  { transferInstitutions: 9 },
);
indicatorRule(P.brokersMin, { rule: 'zone.brokers', citation: '附件2 序号7; 四(二)' }, { brokers: 10 }, { brokers: 9 });
indicatorRule(
  P.parkEnterprisesMin,
  { rule: 'zone.park-enterprises', citation: '附件2 序号8; 四(三)' },
  { parkEnterprises: 80 },
  { parkEnterprises: 79 },
);
indicatorRule(
  P.hightechShareMinBasisPoints,
  { rule: 'zone.hightech-share', citation: '附件2 序号9; 四(三)' },
  { hightechShareBasisPoints: 3000 },
  { hightechShareBasisPoints: 2999 },
);
indicatorRule(
  P.hightechRevenueShareMinBasisPoints,
  { rule: 'zone.hightech-revenue-share', citation: '附件2 序号10; 四(三)' },
  { hightechRevenueShareBasisPoints: 3000 },
  { hightechRevenueShareBasisPoints: 2999 },
);
indicatorRule(
  P.financingInstitutionsMin,
  { rule: 'zone.financing-institutions', citation: '附件2 序号12–15' },
  { financingInstitutions: 10 },
  { financingInstitutions: { investmentAndFinancing: 3, makerSpaces: 2, incubators: 4, otherPlatforms: 0 } },
);
indicatorRule(
  P.incubatedEnterprisesMin,
  { rule: 'zone.incubated-enterprises', citation: '附件2 序号16' },
  { incubatedEnterprises: 35 },
  { incubatedEnterprises: 34 },
);
indicatorRule(
  P.specialFundRequired,
  { rule: 'zone.special-fund', citation: '附件2 序号11; 四(一)' },
  { specialFund: true },
  { specialFund: false },
);

describe(`${named(P.techContractTurnoverMinFen)}: the issue`, () => {
  it('a report with 技术合同成交额 4000万元 fails, naming threshold and value', () => {
    const outcome = given([zoneDesignated()]).when(
      submitAnnualReport(2025, '2025-12-20', { techContractTurnoverFen: wan(4000) }),
    ).outcome;
    expect(inEnglish(findingsOf(outcome)[0])).toMatchObject({
      rule: 'zone.tech-contract-turnover',
      citation: '附件2 序号1; 四(二)',
      threshold: wan(5000),
      value: wan(4000),
      ok: false,
      detail: '技术合同成交额 40000000.00 元; at least 50000000.00 元 required',
    });
  });
});

describe(named(P.annualReportDueMonthDay), () => {
  it('a report submitted by 31 December of its year is on time', () => {
    given([zoneDesignated()])
      .when(submitAnnualReport(2025, '2025-12-31'))
      .thenMatches([
        {
          type: 'AnnualReportSubmitted',
          data: {
            zoneId: ZONE_ID,
            year: 2025,
            submittedOn: '2025-12-31',
            due: '2025-12-31',
            late: false,
            ...REPORT_DUE,
          },
        },
      ]);
  });

  it('a report submitted after 31 December is recorded and flagged late', () => {
    given([zoneDesignated()])
      .when(submitAnnualReport(2025, '2026-01-01'))
      .thenMatches([
        { type: 'AnnualReportSubmitted', data: { year: 2025, due: '2025-12-31', late: true, ...REPORT_DUE } },
      ]);
  });

  it('reports are owed from the year of approval on: a 2022 report of a zone approved 2022-12-01 is taken', () => {
    given([zoneDesignated()])
      .when(submitAnnualReport(2022, '2022-12-20'))
      .thenMatches([{ type: 'AnnualReportSubmitted', data: { year: 2022, late: false } }]);
  });

  it('a report for a year before the approval is refused, naming year', () => {
    given([zoneDesignated()])
      .when(submitAnnualReport(2021, '2022-12-20'))
      .thenRejects({
        code: 'invalid-input',
        ...REPORT_DUE,
        details: [{ field: 'year', problem: 'must be the approval year (2022) or later' }],
      });
  });

  it('a report for a year that has not begun is refused, naming year', () => {
    given([zoneDesignated()])
      .when(submitAnnualReport(2026, '2025-12-20'))
      .thenRejects({
        code: 'invalid-input',
        details: [{ field: 'year', problem: 'must not be after the year of submittedOn (2025)' }],
      });
  });

  it('a report dated before the approval is refused, naming submittedOn', () => {
    given([zoneDesignated()])
      .when(submitAnnualReport(2022, '2022-11-30'))
      .thenRejects({
        code: 'invalid-input',
        details: [{ field: 'submittedOn', problem: 'must not be before the approval (2022-12-01)' }],
      });
  });

  it("a second report for the same year is a correction: new findings, the first report's timeliness", () => {
    const first = given([zoneDesignated()])
      .when(submitAnnualReport(2025, '2025-12-20', { brokers: 9 }))
      .thenMatches([{ type: 'AnnualReportSubmitted' }]);
    const outcome = given([zoneDesignated(), ...first])
      .when(submitAnnualReport(2025, '2026-02-01', { brokers: 12 }))
      .thenMatches([{ type: 'AnnualReportCorrected', data: { year: 2025, submittedOn: '2026-02-01', ...REPORT_DUE } }]);
    const report = replay([zoneDesignated(), ...first, ...outcome]).reports[2025];
    expect(report).toMatchObject({ submittedOn: '2025-12-20', late: false, correctedOn: ['2026-02-01'] });
    expect(reportPassed(report.findings)).toBe(true);
  });
});

describe(named(P.evaluationCycleYears), () => {
  it('a zone approved 2022-12-01 is not evaluated before it has been approved 3 years (满3年): 2025-11-30 is refused', () => {
    const refused = given([zoneDesignated()])
      .when(recordZoneEvaluation('2025-11-30', 'qualified'))
      .thenRejects({ code: 'rule-violated', ...CYCLE, details: [{ cycle: FIRST_CYCLE }] });
    expect(inEnglish(refused.message)).toBe(
      `the evaluations of zone ${ZONE_ID} count from 2022-12-01: the next is due on 2025-12-01 and is accepted from ` +
        '2025-12-01, not on 2025-11-30',
    );
  });

  it("the review's case: approved 2022-11-14, an unqualified evaluation on 2025-08-14 is refused, and no rectification starts", () =>
    void given([zoneDesignated({ approvedOn: '2022-11-14' })])
      .when(recordZoneEvaluation('2025-08-14', 'unqualified'))
      .thenRejects({
        code: 'rule-violated',
        ...CYCLE,
        details: [{ cycle: { number: 1, due: '2025-11-14', opens: '2025-11-14' } }],
      }));

  it('it is evaluated from its third anniversary on; the event records the cycle and the next due date', () => {
    given([zoneDesignated()])
      .when(recordZoneEvaluation('2025-12-01', 'qualified'))
      .then([cycleEvaluated('2025-12-01', 'qualified', FIRST_CYCLE, '2028-12-01')]);
  });

  it('a late evaluation takes the cycle of the latest anniversary it comes after', () => {
    given([zoneDesignated()])
      .when(recordZoneEvaluation('2027-06-01', 'qualified'))
      .then([cycleEvaluated('2027-06-01', 'qualified', FIRST_CYCLE, '2028-12-01')]);
  });

  it('one evaluation per cycle: a second in the same cycle is refused, naming the next cycle', () => {
    given([zoneDesignated(), cycleEvaluated('2025-12-01', 'qualified', FIRST_CYCLE, '2028-12-01')])
      .when(recordZoneEvaluation('2026-06-01', 'excellent'))
      .thenRejects({
        code: 'rule-violated',
        ...CYCLE,
        details: [{ cycle: FIRST_CYCLE, evaluatedOn: '2025-12-01', next: SECOND_CYCLE }],
      });
  });

  it('an evaluation recorded before evaluations named their cycle still holds the cycle its date falls in', () => {
    given([zoneDesignated(), evaluated('2025-12-10', 'qualified')])
      .when(recordZoneEvaluation('2026-01-10', 'qualified'))
      .thenRejects({ code: 'rule-violated', ...CYCLE });
  });

  it('the next cycle is evaluated from the sixth anniversary on, not before', () => {
    const history = [zoneDesignated(), cycleEvaluated('2025-12-01', 'qualified', FIRST_CYCLE, '2028-12-01')];
    const later = { today: '2028-12-31' };
    given(history)
      .when(recordZoneEvaluation('2028-11-30', 'qualified'), later)
      .thenRejects({ code: 'rule-violated', ...CYCLE });
    given(history)
      .when(recordZoneEvaluation('2028-12-01', 'excellent'), later)
      .then([cycleEvaluated('2028-12-01', 'excellent', SECOND_CYCLE, '2031-12-01'), recommended('2028-12-01')]);
  });

  it('approved on 29 February, its first evaluation is due, and accepted, on 28 February three years later', () => {
    given([zoneDesignated({ approvedOn: '2024-02-29' })])
      .when(recordZoneEvaluation('2027-02-28', 'qualified'), { today: '2027-03-01' })
      .then([
        cycleEvaluated('2027-02-28', 'qualified', { number: 1, due: '2027-02-28', opens: '2027-02-28' }, '2030-02-28'),
      ]);
  });

  describe('an evaluation recorded in the 3-month window of catalogue 2026-12-01 keeps what it decided', () => {
    const early = cycleEvaluated('2025-09-01', 'qualified', FIRST_CYCLE_WITH_WINDOW, '2028-12-01');

    it('it holds its cycle: another on or after the due date is refused as a second evaluation of that cycle', () =>
      void given([zoneDesignated(), early])
        .when(recordZoneEvaluation('2025-12-01', 'qualified'))
        .thenRejects({
          code: 'rule-violated',
          ...CYCLE,
          details: [{ evaluatedOn: '2025-09-01', next: SECOND_CYCLE }],
        }));

    it('one before the due date is refused naming the next cycle not yet evaluated', () =>
      void given([zoneDesignated(), early])
        .when(recordZoneEvaluation('2025-10-01', 'qualified'))
        .thenRejects({ code: 'rule-violated', ...CYCLE, details: [{ cycle: SECOND_CYCLE }] }));

    it('an unqualified one keeps its rectification', () =>
      expect(
        replay([
          zoneDesignated(),
          cycleEvaluated('2025-09-01', 'unqualified', FIRST_CYCLE_WITH_WINDOW, '2027-09-01'),
          rectificationStarted('2025-09-01', '2027-09-01'),
        ]),
      ).toMatchObject({ status: 'rectification', rectificationUntil: '2027-09-01' }));
  });

  it('grades are 优秀/合格/不合格: excellent, qualified, unqualified', () => {
    given([zoneDesignated()])
      .when({
        type: 'RecordZoneEvaluation',
        data: { zoneId: ZONE_ID, on: '2026-01-01', grade: malformed<ZoneGrade>('good') },
      })
      .thenRejects({ code: 'invalid-input' });
  });

  describe('evaluations are recorded in date order', () => {
    it.each<[string, ZoneEvent, ZoneCommand, Partial<Rejection>]>([
      [
        'one dated before the last is refused',
        evaluated('2026-03-01', 'qualified'),
        recordZoneEvaluation('2026-02-28', 'qualified'),
        { code: 'invalid-input' },
      ],
      [
        'one dated before the last is refused, naming on',
        evaluated('2025-12-10', 'qualified'),
        recordZoneEvaluation('2025-12-09', 'qualified'),
        {
          code: 'invalid-input',
          details: [{ field: 'on', problem: 'must not be before the last evaluation (2025-12-10)' }],
        },
      ],
    ])('%s', (_why, last, command, rejection) => {
      given([zoneDesignated(), last]).when(command).thenRejects(rejection);
    });
  });
});

describe(named(P.excellentRecommendsForNational), () => {
  it('an excellent zone is recommended first for national-level zones', () => {
    given([zoneDesignated()])
      .when(recordZoneEvaluation('2025-12-10', 'excellent'))
      .then([cycleEvaluated('2025-12-10', 'excellent', FIRST_CYCLE, '2028-12-01'), recommended('2025-12-10')]);
  });

  it('an excellent evaluation at the end of rectification restores the zone and recommends it', () => {
    given(IN_RECTIFICATION)
      .when(recordZoneEvaluation('2027-12-10', 'excellent'))
      .then([
        restoringEvaluation('2027-12-10', 'excellent', '2030-12-10'),
        rectified('2027-12-10'),
        recommended('2027-12-10'),
      ]);
  });

  it('the state shows the recommendation', () => {
    expect(replay([zoneDesignated(), evaluated('2025-12-10', 'excellent'), recommended('2025-12-10')])).toMatchObject({
      status: 'active',
      recommendedForNational: true,
      recommendedForNationalOn: ['2025-12-10'],
    });
  });
});

describe(named(P.rectificationYears), () => {
  it('an unqualified active zone gets a 2-year rectification period; its end is the next evaluation due', () => {
    given([zoneDesignated()])
      .when(recordZoneEvaluation('2025-12-10', 'unqualified'))
      .then([
        cycleEvaluated('2025-12-10', 'unqualified', FIRST_CYCLE, '2027-12-10'),
        rectificationStarted('2025-12-10', '2027-12-10'),
      ]);
  });

  it('the period from 29 February ends on 28 February two years later', () => {
    given([zoneDesignated({ approvedOn: '2024-12-01' })])
      .when(recordZoneEvaluation('2028-02-29', 'unqualified'))
      .thenMatches([{}, { type: 'ZoneRectificationStarted', data: { until: '2030-02-28' } }]);
  });

  it('the state is in rectification until the end date', () => {
    expect(replay(IN_RECTIFICATION)).toMatchObject({
      status: 'rectification',
      rectificationUntil: '2027-12-10',
      rectifications: [{ from: '2025-12-10', until: '2027-12-10' }],
    });
  });

  it.each<ZoneGrade>(['excellent', 'qualified', 'unqualified'])(
    'no evaluation before the end date ends it early: %s on the day before is refused, nothing recorded',
    (grade) => {
      given(IN_RECTIFICATION)
        .when(recordZoneEvaluation('2027-12-09', grade))
        .thenRejects({ code: 'rule-violated', ...RECTIFICATION, details: [{ rectificationUntil: '2027-12-10' }] });
    },
  );

  it('qualified at the end: rectified, active again, the next evaluation due 3 years after it', () => {
    const outcome = given(IN_RECTIFICATION)
      .when(recordZoneEvaluation('2027-12-10', 'qualified'))
      .then([restoringEvaluation('2027-12-10', 'qualified', '2030-12-10'), rectified('2027-12-10')]);
    const state = replay([...IN_RECTIFICATION, ...outcome]);
    expect(state).toMatchObject({
      status: 'active',
      rectifications: [
        {
          from: '2025-12-10',
          until: '2027-12-10',
          ended: { on: '2027-12-10', outcome: 'rectified', cycleAnchor: '2027-12-10' },
        },
      ],
    });
    expect(state.rectificationUntil).toBeUndefined();
  });

  describe('after it, the cycles count from the evaluation that ended it, each from its anniversary on', () => {
    const RESTORED = [
      ...IN_RECTIFICATION,
      restoringEvaluation('2028-01-10', 'qualified', '2031-01-10'),
      rectified('2028-01-10'),
    ];
    const NEW_FIRST_CYCLE = { number: 1, due: '2031-01-10', opens: '2031-01-10' };

    it.each([
      ['the cycle of the approval (2028-12-01) is no longer due', '2028-12-01'],
      ['3 months before the third anniversary of the restoring evaluation', '2030-10-10'],
      ['the day before it', '2031-01-09'],
    ])('%s: refused', (_why, on) => {
      given(RESTORED)
        .when(recordZoneEvaluation(on, 'qualified'), { today: '2031-06-30' })
        .thenRejects({ code: 'rule-violated', ...CYCLE, details: [{ cycle: NEW_FIRST_CYCLE }] });
    });

    it('accepted from the third anniversary of the restoring evaluation on', () => {
      given(RESTORED)
        .when(recordZoneEvaluation('2031-01-10', 'qualified'), { today: '2031-06-30' })
        .then([cycleEvaluated('2031-01-10', 'qualified', NEW_FIRST_CYCLE, '2034-01-10')]);
    });
  });

  it('a rectification closed under the earlier reading (no cycleAnchor) keeps the cycles of the approval', () => {
    const history = [
      ...IN_RECTIFICATION,
      evaluated('2026-12-01', 'qualified', 'during-rectification'),
      rectifiedUnderEarlierReading('2026-12-01'),
    ];
    const later = { today: '2028-12-31' };
    given(history)
      .when(recordZoneEvaluation('2028-11-30', 'qualified'), later)
      .thenRejects({ code: 'rule-violated', ...CYCLE, details: [{ cycle: SECOND_CYCLE }] });
    given(history)
      .when(recordZoneEvaluation('2028-12-01', 'qualified'), later)
      .then([cycleEvaluated('2028-12-01', 'qualified', SECOND_CYCLE, '2031-12-01')]);
  });

  it('a zone in rectification still reports every year', () => {
    given(IN_RECTIFICATION)
      .when(submitAnnualReport(2026, '2026-12-01'))
      .thenMatches([{ type: 'AnnualReportSubmitted' }]);
  });
});

describe(named(P.removalWhenStillUnqualified), () => {
  it('still unqualified on the day the period ends: removed', () => {
    given(IN_RECTIFICATION)
      .when(recordZoneEvaluation('2027-12-10', 'unqualified'))
      .then([evaluated('2027-12-10', 'unqualified', 'rectification-end'), removed('2027-12-10')]);
  });

  it('still unqualified after it ends: removed', () => {
    given(IN_RECTIFICATION)
      .when(recordZoneEvaluation('2027-12-15', 'unqualified'))
      .then([evaluated('2027-12-15', 'unqualified', 'rectification-end'), removed('2027-12-15')]);
  });

  const REMOVED = [
    ...IN_RECTIFICATION,
    evaluated('2027-12-15', 'unqualified', 'rectification-end'),
    removed('2027-12-15'),
  ];

  it('the state records the removal and closes the period', () => {
    expect(replay(REMOVED)).toMatchObject({
      status: 'removed',
      removed: { on: '2027-12-15', ...REMOVAL },
      rectifications: [{ until: '2027-12-10', ended: { on: '2027-12-15', outcome: 'removed' } }],
    });
  });

  it.each<[string, ZoneCommand]>([
    ['an annual report', submitAnnualReport(2027, '2027-12-20')],
    ['an evaluation', recordZoneEvaluation('2028-01-10', 'excellent')],
    ['a designation', designateZone()],
  ])('a removed zone accepts no further command: %s is invalid-state', (_what, command) => {
    given(REMOVED).when(command).thenRejects({ code: 'invalid-state' });
  });

  it('the refusal of a command names the removal', () => {
    given(REMOVED)
      .when(recordZoneEvaluation('2028-01-10', 'qualified'))
      .thenRejects({ code: 'invalid-state', ...REMOVAL });
  });
});

describe(`${named(nmg2022Zone.inForce)}: designation while nmg-2022-zone is in force, from 2022-11-14 with no end date`, () => {
  it('an officer designates a zone approved on or after 2022-11-14, naming zone.in-force', () => {
    given([])
      .when(designateZone({ approvedOn: '2022-11-14' }))
      .then([
        {
          type: 'ZoneDesignated',
          data: {
            zoneId: ZONE_ID,
            policy: 'nmg-2022-zone',
            name: ZONE_NAME,
            approvedOn: '2022-11-14',
            rule: 'zone.in-force',
            citation: '发布时间 2022-11-14',
          },
        },
      ]);
  });

  it('approval before the guideline was issued: policy-not-in-force', () => {
    given([])
      .when(designateZone({ approvedOn: '2022-11-13' }))
      .thenRejects({ code: 'policy-not-in-force', rule: 'zone.in-force', citation: '发布时间 2022-11-14' });
  });
});

describe('a zone exists once designated', () => {
  it('a zone is designated once', () => {
    given([zoneDesignated()]).when(designateZone()).thenRejects({ code: 'invalid-state' });
  });

  it('commands to a zone never designated are not-found', () => {
    given([]).when(submitAnnualReport(2025, '2025-12-20')).thenRejects({ code: 'not-found' });
    given([]).when(recordZoneEvaluation('2025-12-20', 'qualified')).thenRejects({ code: 'not-found' });
  });
});

describe('invalid input (400): bad data, and dates after today (the clock of the context)', () => {
  it.each<[string, ZoneEvent[], ZoneCommand, Partial<ZoneContext>]>([
    ['an approval date after today', [], designateZone({ approvedOn: '2028-07-01' }), {}],
    ['another policy', [], designateZone({ policy: 'nmg-2024-consortium' }), {}],
    ['an empty name', [], designateZone({ name: ' ' }), {}],
    [
      'a report dated after today (the clock comes from the context)',
      [zoneDesignated()],
      submitAnnualReport(2025, '2025-12-20'),
      { today: '2025-12-19' },
    ],
    [
      'an evaluation dated after today',
      [zoneDesignated()],
      recordZoneEvaluation('2026-01-02', 'qualified'),
      { today: '2026-01-01' },
    ],
    ['an unknown command', [], malformed<ZoneCommand>({ type: 'RenameZone', data: {} }), {}],
  ])('%s is refused as invalid-input', (_why, history, command, context) => {
    given(history).when(command, context).thenRejects({ code: 'invalid-input' });
  });

  it('malformed indicators are refused field by field', () => {
    given([zoneDesignated()])
      .when(
        submitAnnualReport(2025, '2025-12-20', {
          hightechShareBasisPoints: 10001,
          brokers: 1.5,
          transferInstitutions: malformed<TransferInstitutionParts>({ national: 1 }),
        }),
      )
      .thenRejects({
        code: 'invalid-input',
        details: expect.arrayContaining([
          { field: 'brokers', problem: 'must be a non-negative integer' },
          { field: 'hightechShareBasisPoints', problem: 'must be basis points, an integer from 0 to 10000' },
          { field: 'transferInstitutions.regional', problem: 'must be a non-negative integer' },
        ]),
      });
  });
});

describe('the clock', () => {
  it('decide refuses to run without today in the context (never Date.now())', () => {
    expect(() => zoneDecider.decide(designateZone(), zoneDecider.initialState(), malformed<ZoneContext>({}))).toThrow(
      TypeError,
    );
  });
});

describe('every zone event names its rule and citation', () => {
  /** decide → evolve over commands, each with the clock of its day; every event emitted. */
  function eventsOf(commands: Array<[ZoneCommand, string]>): ZoneEvent[] {
    let state = zoneDecider.initialState();
    const log: ZoneEvent[] = [];
    for (const [command, today] of commands) {
      const decision = zoneDecider.decide(command, state, { today });
      if (isRejection(decision)) throw new Error(`${command.type} refused: ${JSON.stringify(decision.message)}`);
      log.push(...decision);
      state = decision.reduce(zoneDecider.evolve, state);
    }
    return log;
  }
  const designated: [ZoneCommand, string] = [designateZone(), ISSUE_SCENARIO.approvedOn];
  const histories = [
    eventsOf([
      designated,
      [submitAnnualReport(2025, '2025-12-20'), '2025-12-20'],
      [submitAnnualReport(2025, '2026-01-10'), '2026-01-10'],
    ]),
    eventsOf([
      designated,
      [recordZoneEvaluation('2025-12-10', 'unqualified'), '2025-12-10'],
      [recordZoneEvaluation('2027-12-15', 'unqualified'), '2027-12-15'],
    ]),
    eventsOf([
      designated,
      [recordZoneEvaluation('2025-12-10', 'unqualified'), '2025-12-10'],
      [recordZoneEvaluation('2027-12-10', 'excellent'), '2027-12-10'],
    ]),
  ];
  const all = histories.flat();

  it('the histories emit every zone event type', () =>
    expect([...new Set(all.map((e) => e.type))].sort()).toEqual([...ZONE_EVENT_TYPES].sort()));

  it.each(ZONE_EVENT_TYPES)('%s carries a zone.* rule and its citation at the top of its data', (type) => {
    const events = all.filter((e) => e.type === type);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      const { rule, citation } = event.data as { rule?: unknown; citation?: unknown };
      expect(rule).toEqual(expect.stringMatching(/^zone\.[a-z-]+$/));
      expect(citation).toEqual(expect.stringMatching(/\S/));
      expect(ruleRefOf(event.data)).toEqual({ rule, citation });
    }
  });

  it('evolve replays a designation and a correction recorded before they named their rule', () => {
    const [designation, report, correction] = histories[0];
    const strip = (event: ZoneEvent) => {
      const { rule: _rule, citation: _citation, ...data } = event.data as unknown as Record<string, unknown>;
      return malformed<ZoneEvent>({ ...event, data });
    };
    expect(replay([strip(designation), report, strip(correction)])).toEqual(replay([designation, report, correction]));
  });
});

describe('evolve is total', () => {
  it.each<[string, ZoneEvent]>([
    ['an unknown event', malformed<ZoneEvent>({ type: 'ZoneRenamed', data: {} })],
    ['an event without data', malformed<ZoneEvent>({ type: 'ZoneEvaluated' })],
    ['null', malformed<ZoneEvent>(null)],
    [
      'a correction of a report it never saw',
      {
        type: 'AnnualReportCorrected',
        data: {
          zoneId: ZONE_ID,
          year: 2025,
          submittedOn: '2026-01-01',
          indicators: FULL_MARKS_INDICATORS,
          findings: [],
          ...REPORT_DUE,
        },
      },
    ],
  ])('ignores %s', (_why, event) => {
    const state = replay([zoneDesignated()]);
    expect(zoneDecider.evolve(state, event)).toBe(state);
  });
});

describe('the issue, end to end in the domain', () => {
  /** decide → evolve, command after command, each with the clock of its day. */
  function run(commands: Array<[ZoneCommand, string]>) {
    let state = zoneDecider.initialState();
    const log: ZoneEvent[] = [];
    for (const [command, today] of commands) {
      const decision = zoneDecider.decide(command, state, { today });
      if (isRejection(decision)) throw new Error(`${command.type} refused: ${JSON.stringify(decision.message)}`);
      log.push(...decision);
      state = decision.reduce(zoneDecider.evolve, state);
    }
    return { state, log };
  }

  it('approved 2022-12-01 → due in 2025 → 4000万 fails turnover → rectification until 2027-12-10 → removed on 2027-12-15 → no more commands', () => {
    const { approvedOn, unqualifiedOn, rectificationUntil, unqualifiedAgainOn } = ISSUE_SCENARIO;
    const designated = run([[designateZone({ approvedOn }), approvedOn]]);
    expect(isEvaluationDueIn(designated.state, 2024)).toBe(false);
    expect(isEvaluationDueIn(designated.state, 2025)).toBe(true);

    const { state, log } = run([
      [designateZone({ approvedOn }), approvedOn],
      [submitAnnualReport(2025, '2025-11-30', { techContractTurnoverFen: wan(4000) }), '2025-11-30'],
      [recordZoneEvaluation(unqualifiedOn, 'unqualified'), unqualifiedOn],
      [recordZoneEvaluation(unqualifiedAgainOn, 'unqualified'), unqualifiedAgainOn],
    ]);
    const report = log.find((e) => e.type === 'AnnualReportSubmitted');
    expect(report && findingsOf([report]).find((f) => !f.ok)).toMatchObject({
      rule: 'zone.tech-contract-turnover',
      ok: false,
    });
    expect(log.find((e) => e.type === 'ZoneRectificationStarted')?.data).toMatchObject({ until: rectificationUntil });
    expect(log.map((e) => e.type)).toEqual([
      'ZoneDesignated',
      'AnnualReportSubmitted',
      'ZoneEvaluated',
      'ZoneRectificationStarted',
      'ZoneEvaluated',
      'ZoneRemoved',
    ]);
    expect(state.status).toBe('removed');

    const refused = zoneDecider.decide(submitAnnualReport(2027, '2027-12-20'), state, { today: '2027-12-20' });
    expect(refused).toMatchObject({
      kind: 'rejection',
      code: 'invalid-state',
      rule: 'zone.removal',
      citation: '七(三)',
    });
  });
});
