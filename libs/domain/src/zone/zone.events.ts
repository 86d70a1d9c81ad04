import { IndicatorFinding, ZonePolicyId } from '../policies/nmg-2022-zone';
import { BusinessDate } from '../shared/dates';
import { Cycle } from '../shared/evaluation-cycle';
import { DomainEvent } from '../shared/event';
import { RuleRef } from '../shared/rule';
import { ZoneGrade } from './zone.commands';
import { ZoneIndicators } from '../policies/zone-indicators';

/**
 * Every zone event names its rule at the top of its data (`rule`, `citation`). Events recorded before ZoneDesignated and
 * AnnualReportCorrected carried one lack it there; evolve reads a rule only on ZoneRemoved.
 */

/** Designated under the guideline in force on `approvedOn`: zone.in-force (发布时间 2022-11-14). */
export type ZoneDesignated = DomainEvent<
  'ZoneDesignated',
  { zoneId: string; policy: ZonePolicyId; name: string; approvedOn: BusinessDate } & RuleRef
>;

/** The first report for a year. `late` cites zone.annual-report-due (`rule`, `citation`) against `due`. */
export type AnnualReportSubmitted = DomainEvent<
  'AnnualReportSubmitted',
  {
    zoneId: string;
    year: number;
    submittedOn: BusinessDate;
    due: BusinessDate;
    late: boolean;
    indicators: ZoneIndicators;
    findings: IndicatorFinding[];
  } & RuleRef
>;

/** A later report for a year already reported: replaces indicators and findings; timeliness stays the first report's. */
export type AnnualReportCorrected = DomainEvent<
  'AnnualReportCorrected',
  {
    zoneId: string;
    year: number;
    submittedOn: BusinessDate;
    indicators: ZoneIndicators;
    findings: IndicatorFinding[];
  } & RuleRef
>;

/**
 * `kind`: 'cycle' for an active zone's regular evaluation (zone.evaluation-cycle 六(四)); 'during-rectification' before
 * the rectification period ends, 'rectification-end' on or after its end (zone.rectification 七(三)).
 */
export type ZoneEvaluationKind = 'cycle' | 'during-rectification' | 'rectification-end';

/**
 * `cycle`: the cycle a regular evaluation took (zone.evaluation-cycle; its `opens` is the due date from catalogue
 * 2026-12-03 on, zone.evaluation-from-anniversary, 3 months before under ledger.evaluation-window). `nextDue`: when the
 * next evaluation falls due after this one — the next cycle's due date, the end of the rectification it starts, or
 * 3 years after the evaluation that closes a rectification; absent when it removes the zone. Both are recorded from
 * catalogue 2026-12-01 on; evaluations recorded before lack them. 'during-rectification' is no longer decided (a
 * rectification is judged at its end) but stays readable.
 */
export type ZoneEvaluated = DomainEvent<
  'ZoneEvaluated',
  {
    zoneId: string;
    on: BusinessDate;
    grade: ZoneGrade;
    kind: ZoneEvaluationKind;
    cycle?: Cycle;
    nextDue?: BusinessDate;
  } & RuleRef
>;

export type ZoneRectificationStarted = DomainEvent<
  'ZoneRectificationStarted',
  { zoneId: string; on: BusinessDate; until: BusinessDate } & RuleRef
>;

/**
 * The rectification period ended with a qualified or excellent evaluation: the zone is active again, and its
 * evaluation cycles count from `cycleAnchor` (the date of that evaluation). Recorded from catalogue 2026-12-01 on; a
 * ZoneRectified recorded before lacks it, and that zone's cycles kept counting from its approval.
 */
export type ZoneRectified = DomainEvent<
  'ZoneRectified',
  { zoneId: string; on: BusinessDate; cycleAnchor?: BusinessDate } & RuleRef
>;

export type ZoneRecommendedForNational = DomainEvent<
  'ZoneRecommendedForNational',
  { zoneId: string; on: BusinessDate } & RuleRef
>;

export type ZoneRemoved = DomainEvent<'ZoneRemoved', { zoneId: string; on: BusinessDate } & RuleRef>;

export type ZoneEvent =
  | ZoneDesignated
  | AnnualReportSubmitted
  | AnnualReportCorrected
  | ZoneEvaluated
  | ZoneRectificationStarted
  | ZoneRectified
  | ZoneRecommendedForNational
  | ZoneRemoved;

export const ZONE_EVENT_TYPES: ReadonlyArray<ZoneEvent['type']> = [
  'ZoneDesignated',
  'AnnualReportSubmitted',
  'AnnualReportCorrected',
  'ZoneEvaluated',
  'ZoneRectificationStarted',
  'ZoneRectified',
  'ZoneRecommendedForNational',
  'ZoneRemoved',
];

/**
 * The region's average R&D intensity for `year` (zone.rd-intensity 四(三)), on its own stream per year
 * (`regionalAverageStreamId`). A second record for a year revises it (`replaces`: the value before) for reports
 * recorded after it; reports recorded before keep the finding they were recorded with.
 */
export type RegionalAverageRecorded = DomainEvent<
  'RegionalAverageRecorded',
  { year: number; rdIntensityMillionths: number; source?: string; replaces?: number } & RuleRef
>;
