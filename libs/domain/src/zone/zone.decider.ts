/**
 * The demonstration-zone decider (nmg-2022-zone). Semantics chosen where the guideline is silent:
 *
 * - Designation (zone.in-force, 发布时间 2022-11-14): the guideline is in force from its publication with no end date
 *   (a Ledger interpretation, the parameter `inForce`). A zone approved before it is `policy-not-in-force`, naming
 *   zone.in-force; ZoneDesignated names it too. A date after `today` is invalid.
 * - Annual reports (zone.annual-report-due 六(四)): due by 31 December of their year for every year from the approval
 *   year on. A report submitted after that is recorded with `late: true`. A second report for the same year is a
 *   correction (`AnnualReportCorrected`, naming zone.annual-report-due too): it replaces indicators and findings,
 *   timeliness stays the first report's.
 *   Failing indicators are findings, not rejections: the grade is the evaluators' decision, recorded separately.
 * - Evaluations (zone.evaluation-cycle 六(四)): an active zone cannot be evaluated before its first due date (the third
 *   anniversary of approval, 满3年): `rule-violated`. Later evaluations are accepted whenever they are held.
 *   Evaluations are recorded in date order.
 * - Unqualified while active → rectification until the same date two years later (zone.rectification 七(三)).
 * - While in rectification, before its end date: qualified/excellent ends it early (`ZoneRectified`); unqualified
 *   changes nothing (the two years are granted in full). On or after the end date: unqualified → `ZoneRemoved`
 *   (zone.removal 七(三)); qualified/excellent → `ZoneRectified`. The period does not end by itself: it takes the
 *   evaluation at its end (到期评估) to remove or restore a zone.
 * - Excellent, at any evaluation → `ZoneRecommendedForNational` (zone.excellent-recommend 七(三)).
 * - A removed zone accepts no command: `invalid-state`, citing the removal.
 * - Every event names its rule (`rule`, `citation` at the top of its data); bad input is `invalid-input` with
 *   `details: [{ field, problem }]`, the fields named as the HTTP request names them.
 */
import {
  assessZoneIndicators,
  IndicatorFinding,
  isZonePolicyInForce,
  nmg2022Zone,
  nmg2022ZoneParams,
  zonePolicyById,
} from '../policies/nmg-2022-zone';
import { addYears, BusinessDate, isBusinessDate, yearOf } from '../shared/dates';
import { Decision, reject, Rejection } from '../shared/decision';
import { paramOn, RuleRef } from '../shared/rule';
import { DesignateZone, RecordZoneEvaluation, SubmitAnnualReport, ZONE_GRADES, ZoneCommand } from './zone.commands';
import { ZoneEvent } from './zone.events';
import { ZoneState } from './zone.state';
import { annualReportDueDate, firstEvaluationDueDate } from './zone-schedule';
import { indicatorProblems } from '../policies/zone-indicators';

/** What a handler hands in: the clock. Everything else the zone decides on is in its own stream. */
export interface ZoneContext {
  today: BusinessDate;
}

const p = nmg2022ZoneParams;
const ref = (param: { rule: string; citation: string }): RuleRef => ({ rule: param.rule, citation: param.citation });

export const initialState = (): ZoneState => ({
  exists: false,
  id: '',
  policy: nmg2022Zone.id,
  name: '',
  status: 'active',
  approvedOn: '',
  reports: {},
  evaluations: [],
  rectifications: [],
  recommendedForNational: false,
  recommendedForNationalOn: [],
});

export function decide(command: ZoneCommand, state: ZoneState, context: ZoneContext): Decision<ZoneEvent> {
  // A missing clock is a wiring bug, not bad input: fail loudly rather than answer 400.
  if (!isBusinessDate(context?.today))
    throw new TypeError(`the zone decider needs context.today (YYYY-MM-DD), got ${JSON.stringify(context?.today)}`);
  switch (command?.type) {
    case 'DesignateZone':
      return designate(command, state, context);
    case 'SubmitAnnualReport':
      return submitAnnualReport(command, state, context);
    case 'RecordZoneEvaluation':
      return recordEvaluation(command, state, context);
    default:
      return reject('invalid-input', `not a zone command: ${JSON.stringify((command as { type?: unknown })?.type)}`);
  }
}

function invalidDate(field: string, value: unknown, today: BusinessDate): Rejection | undefined {
  if (!isBusinessDate(value))
    return reject('invalid-input', `${field} must be a date YYYY-MM-DD`, {
      details: [{ field, problem: 'a date YYYY-MM-DD' }],
    });
  if (value > today)
    return reject('invalid-input', `${field} ${value} is after today (${today})`, {
      details: [{ field, problem: 'not in the future' }],
    });
  return undefined;
}

/** The zone must exist and not be removed. */
function notActionable(state: ZoneState): Rejection | undefined {
  if (!state.exists) return reject('not-found', 'no such demonstration zone');
  if (state.status === 'removed') {
    return reject(
      'invalid-state',
      `zone ${state.id} was removed from the list on ${state.removed?.on}; it accepts no command`,
      {
        ...ref(p.removalWhenStillUnqualified),
      },
    );
  }
  return undefined;
}

function designate({ data }: DesignateZone, state: ZoneState, { today }: ZoneContext): Decision<ZoneEvent> {
  if (state.exists) return notActionable(state) ?? reject('invalid-state', `zone ${state.id} is already designated`);
  const problems = [
    ...(typeof data?.zoneId === 'string' && data.zoneId.trim()
      ? []
      : [{ field: 'zoneId', problem: 'a non-empty string' }]),
    ...(typeof data?.name === 'string' && data.name.trim() ? [] : [{ field: 'name', problem: 'a non-empty string' }]),
  ];
  if (problems.length) return reject('invalid-input', 'the designation is incomplete', { details: problems });
  const policy = zonePolicyById(data.policy);
  if (!policy)
    return reject('invalid-input', `zones are designated under nmg-2022-zone, not ${JSON.stringify(data.policy)}`, {
      details: [{ field: 'policy', problem: 'nmg-2022-zone' }],
    });
  const badDate = invalidDate('approvedOn', data.approvedOn, today);
  if (badDate) return badDate;
  if (!isZonePolicyInForce(policy, data.approvedOn)) {
    return reject(
      'policy-not-in-force',
      `${policy.id} is in force from ${policy.inForce.from}; approval on ${data.approvedOn} is outside it`,
      ref(policy.inForce),
    );
  }
  return [
    {
      type: 'ZoneDesignated',
      data: {
        zoneId: data.zoneId,
        policy: policy.id,
        name: data.name.trim(),
        approvedOn: data.approvedOn,
        ...ref(policy.inForce),
      },
    },
  ];
}

function submitAnnualReport(
  { data }: SubmitAnnualReport,
  state: ZoneState,
  { today }: ZoneContext,
): Decision<ZoneEvent> {
  const blocked = notActionable(state);
  if (blocked) return blocked;
  if (!Number.isSafeInteger(data?.year))
    return reject('invalid-input', 'year must be an integer', { details: [{ field: 'year', problem: 'an integer' }] });
  const badDate = invalidDate('submittedOn', data.submittedOn, today);
  if (badDate) return badDate;
  const { year, submittedOn } = data;
  if (submittedOn < state.approvedOn) {
    return reject('invalid-input', `submittedOn ${submittedOn} is before the zone's approval on ${state.approvedOn}`, {
      details: [{ field: 'submittedOn', problem: `not before the approval (${state.approvedOn})` }],
    });
  }
  if (year < yearOf(state.approvedOn)) {
    return reject(
      'invalid-input',
      `the zone was approved in ${yearOf(state.approvedOn)}; it reports from that year on, not for ${year}`,
      {
        ...ref(p.annualReportDueMonthDay),
        details: [{ field: 'year', problem: `the approval year (${yearOf(state.approvedOn)}) or later` }],
      },
    );
  }
  if (year > yearOf(submittedOn)) {
    return reject(
      'invalid-input',
      `a report for ${year} cannot be submitted on ${submittedOn}, before that year begins`,
      {
        details: [{ field: 'year', problem: `not after the year of submittedOn (${yearOf(submittedOn)})` }],
      },
    );
  }
  const problems = indicatorProblems(data.indicators);
  if (problems.length)
    return reject('invalid-input', 'the indicators are not well-formed', { details: problems.map((x) => ({ ...x })) });

  const due = annualReportDueDate(state, year);
  const findings: IndicatorFinding[] = assessZoneIndicators(data.indicators, due);
  if (state.reports[year]) {
    return [
      {
        type: 'AnnualReportCorrected',
        data: {
          zoneId: state.id,
          year,
          submittedOn,
          indicators: data.indicators,
          findings,
          ...ref(p.annualReportDueMonthDay),
        },
      },
    ];
  }
  return [
    {
      type: 'AnnualReportSubmitted',
      data: {
        zoneId: state.id,
        year,
        submittedOn,
        due,
        late: submittedOn > due,
        indicators: data.indicators,
        findings,
        ...ref(p.annualReportDueMonthDay),
      },
    },
  ];
}

function recordEvaluation(
  { data }: RecordZoneEvaluation,
  state: ZoneState,
  { today }: ZoneContext,
): Decision<ZoneEvent> {
  const blocked = notActionable(state);
  if (blocked) return blocked;
  if (!ZONE_GRADES.includes(data?.grade))
    return reject('invalid-input', `grade must be one of ${ZONE_GRADES.join(', ')}`, {
      details: [{ field: 'grade', problem: ZONE_GRADES.join('|') }],
    });
  const badDate = invalidDate('on', data.on, today);
  if (badDate) return badDate;
  const { on, grade } = data;
  const last = state.evaluations[state.evaluations.length - 1];
  if (last && on < last.on) {
    return reject('invalid-input', `evaluations are recorded in date order; the last was on ${last.on}`, {
      details: [{ field: 'on', problem: `not before the last evaluation (${last.on})` }],
    });
  }
  const zoneId = state.id;
  const recommend: ZoneEvent[] =
    grade === 'excellent' && paramOn(p.excellentRecommendsForNational, on)
      ? [{ type: 'ZoneRecommendedForNational', data: { zoneId, on, ...ref(p.excellentRecommendsForNational) } }]
      : [];

  if (state.status === 'active') {
    const firstDue = firstEvaluationDueDate(state);
    if (on < firstDue) {
      return reject(
        'rule-violated',
        `approved on ${state.approvedOn}: a zone is evaluated once approved 3 years, from ${firstDue}`,
        ref(p.evaluationCycleYears),
      );
    }
    const evaluated: ZoneEvent = {
      type: 'ZoneEvaluated',
      data: { zoneId, on, grade, kind: 'cycle', ...ref(p.evaluationCycleYears) },
    };
    if (grade !== 'unqualified') return [evaluated, ...recommend];
    const until = addYears(on, paramOn(p.rectificationYears, on));
    return [evaluated, { type: 'ZoneRectificationStarted', data: { zoneId, on, until, ...ref(p.rectificationYears) } }];
  }

  const until = state.rectificationUntil ?? on; // always set in rectification; the fallback keeps decide total
  const periodEnded = on >= until;
  const evaluated: ZoneEvent = {
    type: 'ZoneEvaluated',
    data: {
      zoneId,
      on,
      grade,
      kind: periodEnded ? 'rectification-end' : 'during-rectification',
      ...ref(p.rectificationYears),
    },
  };
  if (grade === 'unqualified') {
    if (!periodEnded) return [evaluated];
    return [evaluated, { type: 'ZoneRemoved', data: { zoneId, on, ...ref(p.removalWhenStillUnqualified) } }];
  }
  return [evaluated, { type: 'ZoneRectified', data: { zoneId, on, ...ref(p.rectificationYears) } }, ...recommend];
}

/** Total: unknown or malformed events leave the state as it was. */
export function evolve(state: ZoneState, event: ZoneEvent): ZoneState {
  if (!event || typeof event.data !== 'object' || event.data === null) return state;
  switch (event.type) {
    case 'ZoneDesignated': {
      const { zoneId, policy, name, approvedOn } = event.data;
      return { ...initialState(), exists: true, id: zoneId, policy, name, approvedOn };
    }
    case 'AnnualReportSubmitted': {
      const { year, submittedOn, due, late, indicators, findings } = event.data;
      return {
        ...state,
        reports: { ...state.reports, [year]: { year, submittedOn, due, late, indicators, findings, correctedOn: [] } },
      };
    }
    case 'AnnualReportCorrected': {
      const { year, submittedOn, indicators, findings } = event.data;
      const prior = state.reports[year];
      if (!prior) return state;
      const corrected = { ...prior, indicators, findings, correctedOn: [...prior.correctedOn, submittedOn] };
      return { ...state, reports: { ...state.reports, [year]: corrected } };
    }
    case 'ZoneEvaluated': {
      const { on, grade, kind } = event.data;
      return { ...state, evaluations: [...state.evaluations, { on, grade, kind }] };
    }
    case 'ZoneRectificationStarted': {
      const { on, until } = event.data;
      return {
        ...state,
        status: 'rectification',
        rectificationUntil: until,
        rectifications: [...state.rectifications, { from: on, until }],
      };
    }
    case 'ZoneRectified':
      return { ...endRectification(state, event.data.on, 'rectified'), status: 'active' };
    case 'ZoneRecommendedForNational':
      return {
        ...state,
        recommendedForNational: true,
        recommendedForNationalOn: [...state.recommendedForNationalOn, event.data.on],
      };
    case 'ZoneRemoved': {
      const { on, rule, citation } = event.data;
      return { ...endRectification(state, on, 'removed'), status: 'removed', removed: { on, rule, citation } };
    }
    default:
      return state;
  }
}

function endRectification(state: ZoneState, on: BusinessDate, outcome: 'rectified' | 'removed'): ZoneState {
  const rectifications = state.rectifications.map((period, i) =>
    i === state.rectifications.length - 1 && !period.ended ? { ...period, ended: { on, outcome } } : period,
  );
  return { ...state, rectificationUntil: undefined, rectifications };
}

export const zoneDecider = { decide, evolve, initialState };
