import { IndicatorFinding, ZonePolicyId } from '../policies/nmg-2022-zone';
import { BusinessDate } from '../shared/dates';
import { RuleRef } from '../shared/rule';
import { ZoneGrade } from './zone.commands';
import { ZoneEvaluationKind } from './zone.events';
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
}

export interface RectificationPeriod {
  from: BusinessDate;
  until: BusinessDate;
  ended?: { on: BusinessDate; outcome: 'rectified' | 'removed' };
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
