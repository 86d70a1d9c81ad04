import { say } from '../shared/sentence';
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
 * - Evaluations (zone.evaluation-cycle 六(四), zone.evaluation-from-anniversary): cycles fall due every 3 years on the
 *   anniversaries of approval (`zone-cycles.ts`); an evaluation of an active zone is accepted from a due date on
 *   (满3年, never before) and takes that cycle (recorded on ZoneEvaluated with the next due date); one per cycle; one
 *   before the first due date is `rule-violated`. Evaluations are recorded in date order. (Until catalogue 2026-12-03
 *   the 3-month window of ledger.evaluation-window held for zones too; those evaluations keep their cycles.)
 * - Unqualified while active → rectification until the same date two years later (zone.rectification 七(三)).
 * - A rectification is judged when it ends: an evaluation before its end date is `rule-violated` (zone.rectification);
 *   on or after it, unqualified → `ZoneRemoved` (zone.removal 七(三)), qualified/excellent → `ZoneRectified`, and the
 *   cycles count from that evaluation (the next is due 3 years later). The period does not end by itself: it takes the
 *   evaluation at its end (到期评估) to remove or restore a zone. (Until catalogue 2026-12-01 a qualified evaluation
 *   ended it early and the cycles kept counting from approval; those events replay as recorded.)
 * - Excellent, at any evaluation → `ZoneRecommendedForNational` (zone.excellent-recommend 七(三)).
 * - A removed zone accepts no command: `invalid-state`, citing the removal.
 * - Every event names its rule (`rule`, `citation` at the top of its data); bad input is `invalid-input` with
 *   `details: [{ field, problem }]`, the fields named as the HTTP request names them.
 */

import { Decider } from '../shared/decider';
import { isBusinessDate } from '../shared/dates';
import { Decision, reject } from '../shared/decision';
import { decideZoneDesignation } from './decisions/designate-zone.decision';
import { decideZoneEvaluation } from './decisions/record-zone-evaluation.decision';
import { decideZoneAnnualReport } from './decisions/submit-annual-report.decision';
import { ZoneCommand } from './zone.commands';
import { ZoneContext } from './zone.context';
import { ZoneEvent } from './zone.events';
import { evolve, initialState, ZoneState } from './zone.state';

export function decide(command: ZoneCommand, state: ZoneState, context: ZoneContext): Decision<ZoneEvent> {
  // A missing clock is a wiring bug, not bad input: fail loudly rather than answer 400.
  if (!isBusinessDate(context?.today))
    throw new TypeError(`the zone decider needs context.today (YYYY-MM-DD), got ${JSON.stringify(context?.today)}`);
  switch (command?.type) {
    case 'DesignateZone':
      return decideZoneDesignation(command, state, context);
    case 'SubmitAnnualReport':
      return decideZoneAnnualReport(command, state, context);
    case 'RecordZoneEvaluation':
      return decideZoneEvaluation(command, state, context);
    default:
      return reject('invalid-input', say`not a zone command: ${JSON.stringify((command as { type?: unknown })?.type)}`);
  }
}

export const zoneDecider: Decider<ZoneCommand, ZoneEvent, ZoneState, ZoneContext> = { decide, evolve, initialState };
