/**
 * A zone's evaluation cycles (zone.evaluation-cycle 六(四), zone.evaluation-from-anniversary): the one source of truth the
 * evaluation decision, the schedule (`dueInYear`) and the deadlines all read.
 *
 * Cycles fall due every 3 years on the anniversaries of an anchor, each open from its due date on (`cycleOf` with
 * the zone's window of 0 months: 满3年, zone.evaluation-from-anniversary, catalogue 2026-12-03; until then the
 * 3 months of ledger.evaluation-window, whose cycles stay recorded on the evaluations that took them). Evaluations
 * recorded before 2026-12-01 carry no cycle and restorations no anchor; they were all dated on or after a zone's third
 * anniversary and before 2026-12-01, before any second cycle's window, so they fall in the same cycles under either
 * window. A zone's history is a list of segments, each with its own anchor:
 * - from approval until the zone goes into rectification (the segment ends with the cycle of the unqualified
 *   evaluation);
 * - after a rectification closed by a qualified or excellent evaluation (zone.rectification 七(三)): anchored on that
 *   evaluation's date (ZoneRectified names it as `cycleAnchor`, catalogue 2026-12-01), so the next evaluation is due
 *   3 years after it;
 * - after a rectification closed under an earlier catalogue (ZoneRectified without `cycleAnchor`): that reading kept
 *   counting from approval, and a recorded event is never judged again, so the segment goes on with the approval's
 *   cycles whose window opens after the restoration.
 */
import { nmg2022ZoneParams } from '../policies/nmg-2022-zone';
import { BusinessDate, yearOf } from '../shared/dates';
import { Cycle, cycleNumbered, cycleOf, EvaluationCycles } from '../shared/evaluation-cycle';
import { paramOn } from '../shared/rule';
import { ZoneEvaluation, ZoneState } from './zone.state';

export interface CycleSegment {
  cycles: EvaluationCycles;
  /** The segment's first day: approval, the restoring evaluation. Evaluations before it belong to earlier segments. */
  since: BusinessDate;
  /** Its first cycle: 1, or the first whose window opened after a restoration under an earlier catalogue. */
  first: number;
  /** Its last cycle when a rectification interrupted it: the cycle of the unqualified evaluation. */
  last?: number;
}

type ZoneHistory = Pick<ZoneState, 'approvedOn' | 'rectifications' | 'evaluations'>;

/** Cycles anchored on `anchor`, with the cycle length and the window (none: from the anniversary) in force then. */
export const zoneCyclesFrom = (anchor: BusinessDate): EvaluationCycles => ({
  anchor,
  years: paramOn(nmg2022ZoneParams.evaluationCycleYears, anchor),
  windowMonths: paramOn(nmg2022ZoneParams.evaluationWindowMonths, anchor),
});

/** The first cycle whose window opens after `date`. */
function firstCycleOpeningAfter(cycles: EvaluationCycles, date: BusinessDate): number {
  return (cycleOf(cycles, date)?.number ?? 0) + 1;
}

/** Every segment of the zone's history, oldest first; the last one is the zone's current schedule. */
export function cycleSegments(zone: ZoneHistory): CycleSegment[] {
  const approval = zoneCyclesFrom(zone.approvedOn);
  const segments: CycleSegment[] = [{ cycles: approval, since: zone.approvedOn, first: 1 }];
  for (const period of zone.rectifications) {
    const current = segments[segments.length - 1];
    current.last = cycleOf(current.cycles, period.from)?.number ?? current.first - 1;
    if (period.ended?.outcome !== 'rectified') break;
    const { on, cycleAnchor } = period.ended;
    segments.push(
      cycleAnchor
        ? { cycles: zoneCyclesFrom(cycleAnchor), since: cycleAnchor, first: 1 }
        : { cycles: approval, since: on, first: firstCycleOpeningAfter(approval, on) },
    );
  }
  return segments;
}

export const currentSegment = (zone: ZoneHistory): CycleSegment => cycleSegments(zone).slice(-1)[0];

/**
 * The cycle number a regular evaluation holds in a segment: the one recorded on it (catalogue 2026-12-01), or, for one
 * recorded before evaluations named their cycle, the cycle its date falls in. Undefined for evaluations of other
 * segments and for those that end a rectification.
 */
export function cycleNumberOf(evaluation: ZoneEvaluation, segment: CycleSegment): number | undefined {
  if (evaluation.kind !== 'cycle' || evaluation.on < segment.since) return undefined;
  const number = evaluation.cycle?.number ?? cycleOf(segment.cycles, evaluation.on)?.number;
  if (number === undefined || number < segment.first) return undefined;
  return segment.last !== undefined && number > segment.last ? undefined : number;
}

/** The evaluation that took cycle `number` of the segment, if one did. */
export function evaluationOfCycle(zone: ZoneHistory, segment: CycleSegment, number: number) {
  return zone.evaluations.find((e) => cycleNumberOf(e, segment) === number);
}

/** The segment's cycles due from `fromYear` to `toYear` (both included), first to last. */
export function cyclesDueBetween(segment: CycleSegment, fromYear: number, toYear: number): Cycle[] {
  const cycles: Cycle[] = [];
  for (let n = segment.first; segment.last === undefined || n <= segment.last; n++) {
    const cycle = cycleNumbered(segment.cycles, n);
    const year = yearOf(cycle.due);
    if (year > toYear) break;
    if (year >= fromYear) cycles.push(cycle);
  }
  return cycles;
}
