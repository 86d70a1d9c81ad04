import { say } from '../../shared/sentence';
import { Decision, reject } from '../../shared/decision';
import { RecordZoneEvaluation, ZONE_GRADES, ZoneGrade } from '../zone.commands';
import { ZoneContext } from '../zone.context';
import { ZoneEvent } from '../zone.events';
import { ZoneState } from '../zone.state';
import { addYears, BusinessDate } from '../../shared/dates';
import { cycleNumbered, cycleOf } from '../../shared/evaluation-cycle';
import { currentSegment, evaluationOfCycle, zoneCyclesFrom } from '../zone-cycles';
import { invalidDate, notActionable } from './zone-checks';
import { invalidInput, oneOfProblems } from '../../shared/input-problems';
import { nmg2022ZoneParams } from '../../policies/nmg-2022-zone';
import { paramOn, refOf } from '../../shared/rule';

const p = nmg2022ZoneParams;

export function decideZoneEvaluation(
  { data }: RecordZoneEvaluation,
  state: ZoneState,
  { today }: ZoneContext,
): Decision<ZoneEvent> {
  const blocked = notActionable(state);
  if (blocked) return blocked;
  const gradeProblems = oneOfProblems('grade', data?.grade, ZONE_GRADES);
  if (gradeProblems.length) return invalidInput(gradeProblems);
  const badDate = invalidDate('on', data.on, today);
  if (badDate) return badDate;
  const last = state.evaluations[state.evaluations.length - 1];
  if (last && data.on < last.on) {
    return invalidInput([{ field: 'on', problem: say`must not be before the last evaluation (${last.on})` }], {
      message: say`evaluations are recorded in date order; the last was on ${last.on}`,
    });
  }
  return state.status === 'active' ? cycleEvaluation(state, data.on, data.grade) : rectificationEnd(state, data);
}

function recommendation(zoneId: string, on: BusinessDate, grade: ZoneGrade): ZoneEvent[] {
  return grade === 'excellent' && paramOn(p.excellentRecommendsForNational, on)
    ? [{ type: 'ZoneRecommendedForNational', data: { zoneId, on, ...refOf(p.excellentRecommendsForNational) } }]
    : [];
}

/**
 * An active zone's regular evaluation (zone.evaluation-cycle 六(四), zone.evaluation-from-anniversary): it takes the
 * cycle of the latest anniversary on or before its date, one evaluation per cycle; none before the first due date of
 * the zone's current cycles (满3年). An evaluation recorded under catalogue 2026-12-01 in the 3 months before a due date
 * holds its cycle: a refusal names the first cycle not yet evaluated.
 */
function cycleEvaluation(state: ZoneState, on: BusinessDate, grade: ZoneGrade): Decision<ZoneEvent> {
  const segment = currentSegment(state);
  const cycle = cycleOf(segment.cycles, on);
  if (!cycle || cycle.number < segment.first) {
    let number = segment.first;
    while (evaluationOfCycle(state, segment, number)) number++;
    const next = cycleNumbered(segment.cycles, number);
    return reject(
      'rule-violated',
      say`the evaluations of zone ${state.id} count from ${segment.since}: the next is due on ${next.due} and is accepted from ${next.opens}, not on ${on}`,
      { ...refOf(p.evaluationCycleYears), details: [{ cycle: next }] },
    );
  }
  const taken = evaluationOfCycle(state, segment, cycle.number);
  if (taken) {
    const next = cycleNumbered(segment.cycles, cycle.number + 1);
    return reject(
      'rule-violated',
      say`the cycle due on ${cycle.due} was evaluated on ${taken.on}: one evaluation per cycle; the next is due on ${next.due} and is accepted from ${next.opens}`,
      { ...refOf(p.evaluationCycleYears), details: [{ cycle, evaluatedOn: taken.on, next }] },
    );
  }
  const zoneId = state.id;
  if (grade !== 'unqualified') {
    const nextDue = cycleNumbered(segment.cycles, cycle.number + 1).due;
    return [
      {
        type: 'ZoneEvaluated',
        data: { zoneId, on, grade, kind: 'cycle', cycle, nextDue, ...refOf(p.evaluationCycleYears) },
      },
      ...recommendation(zoneId, on, grade),
    ];
  }
  const until = addYears(on, paramOn(p.rectificationYears, on));
  return [
    {
      type: 'ZoneEvaluated',
      data: { zoneId, on, grade, kind: 'cycle', cycle, nextDue: until, ...refOf(p.evaluationCycleYears) },
    },
    { type: 'ZoneRectificationStarted', data: { zoneId, on, until, ...refOf(p.rectificationYears) } },
  ];
}

/**
 * A zone in rectification (zone.rectification 七(三), judged when it ends): no evaluation before the end date; the
 * evaluation on or after it decides — unqualified removes the zone (zone.removal), otherwise the zone is active again
 * and its cycles count from this evaluation.
 */
function rectificationEnd(
  state: ZoneState,
  { on, grade }: { on: BusinessDate; grade: ZoneGrade },
): Decision<ZoneEvent> {
  const until = state.rectificationUntil ?? on; // always set in rectification; the fallback keeps decide total
  if (on < until) {
    return reject(
      'rule-violated',
      say`zone ${state.id} is in rectification until ${until}: no evaluation ends it early; the evaluation on or after ${until} decides`,
      { ...refOf(p.rectificationYears), details: [{ rectificationUntil: until }] },
    );
  }
  const zoneId = state.id;
  const kind = 'rectification-end';
  if (grade === 'unqualified') {
    return [
      { type: 'ZoneEvaluated', data: { zoneId, on, grade, kind, ...refOf(p.rectificationYears) } },
      { type: 'ZoneRemoved', data: { zoneId, on, ...refOf(p.removalWhenStillUnqualified) } },
    ];
  }
  const nextDue = cycleNumbered(zoneCyclesFrom(on), 1).due;
  return [
    { type: 'ZoneEvaluated', data: { zoneId, on, grade, kind, nextDue, ...refOf(p.rectificationYears) } },
    { type: 'ZoneRectified', data: { zoneId, on, cycleAnchor: on, ...refOf(p.rectificationYears) } },
    ...recommendation(zoneId, on, grade),
  ];
}
