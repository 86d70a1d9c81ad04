/**
 * Pure schedule queries for the zone projection and the dashboard. The clock is always an argument (`today`).
 *
 * - Evaluation due dates (Ledger interpretation of zone.evaluation-cycle 六(四)): the cycles of `zone-cycles.ts` — every
 *   3 years from approval, and after a rectification from the evaluation that closed it — and the end of each
 *   rectification period (到期评估, zone.rectification 七(三)). "Due in a year" is the schedule: a zone stays in its
 *   year's list after it has been evaluated.
 * - Annual reports (zone.annual-report-due 六(四)): one for every year from the approval year on, due 31 December.
 *   A zone removed on or before a due date owes nothing from then on.
 * - Deadlines list what is still outstanding: overdue ones (whatever their age) and those due within the horizon.
 */
import { nmg2022Zone, nmg2022ZoneParams } from '../policies/nmg-2022-zone';
import { addDays, BusinessDate, yearOf } from '../shared/dates';
import { paramOn, refOf, RuleRef } from '../shared/rule';
import { cycleNumbered } from '../shared/evaluation-cycle';
import { currentSegment, cycleNumberOf, cycleSegments, cyclesDueBetween } from './zone-cycles';
import { ZoneState } from './zone.state';

const p = nmg2022ZoneParams;

export type ZoneDeadlineKind = 'annual-report' | 'evaluation' | 'rectification-end';

export interface ZoneDeadline extends RuleRef {
  kind: ZoneDeadlineKind;
  due: BusinessDate;
  /** today is after `due` and it is still outstanding */
  overdue: boolean;
  /** The report year, for annual reports. */
  year?: number;
}

type ZoneDates = Pick<ZoneState, 'approvedOn'>;

const yearStart = (year: number): BusinessDate => `${String(year).padStart(4, '0')}-01-01`;
const later = (a: BusinessDate, b: BusinessDate): BusinessDate => (a > b ? a : b);

/** The parameter in force for a year's schedule (never before the policy was issued, so it always has a value). */
const asOfYear = (year: number): BusinessDate => later(yearStart(year), nmg2022Zone.inForce.from);

export function annualReportDueDate(_zone: ZoneDates, year: number): BusinessDate {
  return `${String(year).padStart(4, '0')}-${paramOn(p.annualReportDueMonthDay, asOfYear(year))}`;
}

/** The evaluations due in `year`: the cycle's and any rectification period ending that year. Earliest first. */
export function evaluationsDueIn(state: ZoneState, year: number): ZoneDeadline[] {
  if (!state.exists) return [];
  if (state.removed && year > yearOf(state.removed.on)) return [];
  const cycle: ZoneDeadline[] = cycleSegments(state)
    .flatMap((segment) => cyclesDueBetween(segment, year, year))
    .map(({ due }) => ({ kind: 'evaluation', due, overdue: false, ...refOf(p.evaluationCycleYears) }));
  const rectificationEnds: ZoneDeadline[] = state.rectifications
    .filter((period) => yearOf(period.until) === year)
    .map((period) => ({
      kind: 'rectification-end',
      due: period.until,
      overdue: false,
      rule: p.rectificationYears.rule,
      citation: p.rectificationYears.citation,
    }));
  return [...cycle, ...rectificationEnds].sort((a, b) => a.due.localeCompare(b.due));
}

/** The first evaluation due date in `year` (list filter `dueInYear=`), or undefined. */
export function evaluationDueDate(state: ZoneState, year: number): BusinessDate | undefined {
  return evaluationsDueIn(state, year)[0]?.due;
}

export const isEvaluationDueIn = (state: ZoneState, year: number): boolean =>
  evaluationDueDate(state, year) !== undefined;

/** A report for `year` was owed, its due date has passed by `today`, and none was submitted (`reportMissingFor=`). */
export function isReportMissing(state: ZoneState, year: number, today: BusinessDate): boolean {
  if (!state.exists || year < yearOf(state.approvedOn)) return false;
  const due = annualReportDueDate(state, year);
  if (state.removed && state.removed.on <= due) return false;
  return today > due && !state.reports[year];
}

/** Outstanding deadlines: every overdue one, and those due from today to today + horizonDays. Earliest first. */
export function upcomingDeadlines(state: ZoneState, today: BusinessDate, horizonDays: number): ZoneDeadline[] {
  if (!state.exists || state.status === 'removed') return [];
  const horizonEnd = addDays(today, horizonDays);
  const outstanding = (due: BusinessDate) => due < today || due <= horizonEnd;
  return [...annualReportDeadlines(state, today, horizonEnd), ...evaluationDeadlines(state, today, horizonEnd)]
    .filter((d) => outstanding(d.due))
    .sort((a, b) => a.due.localeCompare(b.due) || a.kind.localeCompare(b.kind));
}

/**
 * The earliest deadline the zone still owes, whatever today is: its first unreported year's report, or its next
 * evaluation (the first cycle after the latest evaluated one, or the end of its rectification). `upcomingDeadlines`
 * lists something exactly when this falls on or before today + horizon, so a read model keeps it as a column and the
 * dashboard reads only the zones that have something to show.
 */
export function earliestOutstandingDue(state: ZoneState): BusinessDate | undefined {
  if (!state.exists || state.status === 'removed') return undefined;
  let year = yearOf(state.approvedOn);
  while (state.reports[year]) year++;
  const report = annualReportDueDate(state, year);
  const evaluation = nextEvaluationDue(state);
  return evaluation !== undefined && evaluation < report ? evaluation : report;
}

function nextEvaluationDue(state: ZoneState): BusinessDate | undefined {
  if (state.status === 'rectification' && state.rectificationUntil) return state.rectificationUntil;
  const segment = currentSegment(state);
  const latestEvaluated = Math.max(0, ...state.evaluations.map((e) => cycleNumberOf(e, segment) ?? 0));
  for (let n = Math.max(segment.first, latestEvaluated + 1); segment.last === undefined || n <= segment.last; n++) {
    const { due } = cycleNumbered(segment.cycles, n);
    if (yearOf(due) >= yearOf(segment.since)) return due;
  }
  return undefined;
}

function annualReportDeadlines(state: ZoneState, today: BusinessDate, horizonEnd: BusinessDate): ZoneDeadline[] {
  const deadlines: ZoneDeadline[] = [];
  for (let year = yearOf(state.approvedOn); year <= yearOf(horizonEnd); year++) {
    if (state.reports[year]) continue;
    const due = annualReportDueDate(state, year);
    deadlines.push({
      kind: 'annual-report',
      year,
      due,
      overdue: today > due,
      rule: p.annualReportDueMonthDay.rule,
      citation: p.annualReportDueMonthDay.citation,
    });
  }
  return deadlines;
}

function evaluationDeadlines(state: ZoneState, today: BusinessDate, horizonEnd: BusinessDate): ZoneDeadline[] {
  if (state.status === 'rectification' && state.rectificationUntil) {
    const due = state.rectificationUntil;
    return [
      {
        kind: 'rectification-end',
        due,
        overdue: today > due,
        rule: p.rectificationYears.rule,
        citation: p.rectificationYears.citation,
      },
    ];
  }
  // An active zone: the cycles of its current segment not yet evaluated (one evaluated later settles the earlier ones
  // too: a late evaluation takes the cycle of the latest anniversary before it), of which only the latest overdue one.
  const segment = currentSegment(state);
  const evaluated = state.evaluations.map((e) => cycleNumberOf(e, segment) ?? 0);
  const latestEvaluated = Math.max(0, ...evaluated);
  const deadlines: ZoneDeadline[] = cyclesDueBetween(segment, yearOf(segment.since), yearOf(horizonEnd))
    .filter((cycle) => cycle.number > latestEvaluated && cycle.due <= horizonEnd)
    .map(({ due }) => ({ kind: 'evaluation', due, overdue: today > due, ...refOf(p.evaluationCycleYears) }));
  const overdue = deadlines.filter((d) => d.overdue).slice(-1); // an older missed cycle is superseded by a later one
  return [...overdue, ...deadlines.filter((d) => !d.overdue)];
}
