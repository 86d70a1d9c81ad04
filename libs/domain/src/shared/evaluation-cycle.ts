/**
 * Evaluation cycles (luzhou.evaluation-cycle, tianjin.evaluation-cycle, zone.evaluation-cycle): evaluations fall due on
 * the anniversaries of an anchor date — every `years` after it — and one is accepted from a window before its due
 * date (ledger.evaluation-window). An evaluation belongs to the latest cycle whose window has opened by its date; each
 * cycle takes one; before the first window none is accepted.
 */
import { addMonths, addYears, BusinessDate } from './dates';

export interface EvaluationCycles {
  /** The date the cycles count from: approval (listing, 备案), or the evaluation that closed a rectification. */
  anchor: BusinessDate;
  years: number;
  /** How long before its due date a cycle's evaluation is accepted. */
  windowMonths: number;
}

export interface Cycle {
  /** 1 for the first cycle after the anchor. */
  number: number;
  due: BusinessDate;
  opens: BusinessDate;
}

export function cycleNumbered({ anchor, years, windowMonths }: EvaluationCycles, number: number): Cycle {
  const due = addYears(anchor, number * years);
  return { number, due, opens: addMonths(due, -windowMonths) };
}

/** The cycle an evaluation on `on` belongs to, or undefined when it comes before the first window opens. */
export function cycleOf(cycles: EvaluationCycles, on: BusinessDate): Cycle | undefined {
  if (on < cycleNumbered(cycles, 1).opens) return undefined;
  let number = 1;
  while (cycleNumbered(cycles, number + 1).opens <= on) number++;
  return cycleNumbered(cycles, number);
}
