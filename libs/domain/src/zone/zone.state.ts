import { BusinessDate } from '../shared/dates';
import { Cycle } from '../shared/evaluation-cycle';
import { IndicatorFinding, ZonePolicyId, nmg2022Zone } from '../policies/nmg-2022-zone';
import { RuleRef } from '../shared/rule';
import { ZoneEvaluationKind, ZoneEvent } from './zone.events';
import { ZoneGrade } from './zone.commands';
import { ZoneIndicators } from '../policies/zone-indicators';

export const ZONE_STATUSES = ['active', 'rectification', 'removed'] as const;
export type ZoneStatus = (typeof ZONE_STATUSES)[number];

export interface ZoneReport {
  year: number;
  /** The first submission: timeliness is judged on it. */
  submittedOn: BusinessDate;
  due: BusinessDate;
  late: boolean;
  indicators: ZoneIndicators;
  findings: IndicatorFinding[];
  /** Dates of later corrections, oldest first; indicators and findings are the latest. */
  correctedOn: BusinessDate[];
}

export interface ZoneEvaluation {
  on: BusinessDate;
  grade: ZoneGrade;
  kind: ZoneEvaluationKind;
  /** As recorded (catalogue 2026-12-01 on): the cycle a regular evaluation took, and when the next one is due. */
  cycle?: Cycle;
  nextDue?: BusinessDate;
}

export interface RectificationPeriod {
  from: BusinessDate;
  until: BusinessDate;
  /** `cycleAnchor`: where the evaluation cycles count from after a restoration that named it (see ZoneRectified). */
  ended?: { on: BusinessDate; outcome: 'rectified' | 'removed'; cycleAnchor?: BusinessDate };
}

/** The state every zone decision is taken on; also the detail read model. */
export interface ZoneState {
  exists: boolean;
  id: string;
  policy: ZonePolicyId;
  name: string;
  status: ZoneStatus;
  approvedOn: BusinessDate;
  /** By report year. */
  reports: Record<number, ZoneReport>;
  /** In the order recorded (which is date order). */
  evaluations: ZoneEvaluation[];
  /** Set while the zone is in rectification. */
  rectificationUntil?: BusinessDate;
  rectifications: RectificationPeriod[];
  recommendedForNational: boolean;
  /** Dates of every recommendation (one per excellent evaluation). */
  recommendedForNationalOn: BusinessDate[];
  removed?: { on: BusinessDate } & RuleRef;
}

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
      const { on, grade, kind, cycle, nextDue } = event.data;
      const evaluation = { on, grade, kind, ...(cycle && { cycle }), ...(nextDue && { nextDue }) };
      return { ...state, evaluations: [...state.evaluations, evaluation] };
    }
    case 'ZoneRectificationStarted': {
      const { on, until } = event.data;
      // Object.assign: the first rectification adds a key (docs/ARCHITECTURE.md, "Objects on the command path").
      return Object.assign({}, state, {
        status: 'rectification' as const,
        rectificationUntil: until,
        rectifications: [...state.rectifications, { from: on, until }],
      });
    }
    case 'ZoneRectified': {
      const { on, cycleAnchor } = event.data;
      return Object.assign(endRectification(state, { on, outcome: 'rectified', ...(cycleAnchor && { cycleAnchor }) }), {
        status: 'active' as const,
      });
    }
    case 'ZoneRecommendedForNational':
      return {
        ...state,
        recommendedForNational: true,
        recommendedForNationalOn: [...state.recommendedForNationalOn, event.data.on],
      };
    case 'ZoneRemoved': {
      const { on, rule, citation } = event.data;
      return Object.assign(endRectification(state, { on, outcome: 'removed' }), {
        status: 'removed' as const,
        removed: { on, rule, citation },
      });
    }
    default:
      return state;
  }
}

function endRectification(state: ZoneState, ended: NonNullable<RectificationPeriod['ended']>): ZoneState {
  const rectifications = state.rectifications.map((period, i) =>
    i === state.rectifications.length - 1 && !period.ended ? Object.assign({}, period, { ended }) : period,
  );
  // A fresh copy: the callers set their keys on it.
  return Object.assign({}, state, { rectificationUntil: undefined, rectifications });
}
