import { Decision, reject } from '../../shared/decision';
import { RecordZoneEvaluation, ZONE_GRADES } from '../zone.commands';
import { ZoneContext } from '../zone.context';
import { ZoneEvent } from '../zone.events';
import { ZoneState } from '../zone.state';
import { addYears } from '../../shared/dates';
import { firstEvaluationDueDate } from '../zone-schedule';
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
  const { on, grade } = data;
  const last = state.evaluations[state.evaluations.length - 1];
  if (last && on < last.on) {
    return invalidInput([{ field: 'on', problem: `must not be before the last evaluation (${last.on})` }], {
      message: `evaluations are recorded in date order; the last was on ${last.on}`,
    });
  }
  const zoneId = state.id;
  const recommend: ZoneEvent[] =
    grade === 'excellent' && paramOn(p.excellentRecommendsForNational, on)
      ? [{ type: 'ZoneRecommendedForNational', data: { zoneId, on, ...refOf(p.excellentRecommendsForNational) } }]
      : [];

  if (state.status === 'active') {
    const firstDue = firstEvaluationDueDate(state);
    if (on < firstDue) {
      return reject(
        'rule-violated',
        `approved on ${state.approvedOn}: a zone is evaluated once approved 3 years, from ${firstDue}`,
        refOf(p.evaluationCycleYears),
      );
    }
    const evaluated: ZoneEvent = {
      type: 'ZoneEvaluated',
      data: { zoneId, on, grade, kind: 'cycle', ...refOf(p.evaluationCycleYears) },
    };
    if (grade !== 'unqualified') return [evaluated, ...recommend];
    const until = addYears(on, paramOn(p.rectificationYears, on));
    return [
      evaluated,
      { type: 'ZoneRectificationStarted', data: { zoneId, on, until, ...refOf(p.rectificationYears) } },
    ];
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
      ...refOf(p.rectificationYears),
    },
  };
  if (grade === 'unqualified') {
    if (!periodEnded) return [evaluated];
    return [evaluated, { type: 'ZoneRemoved', data: { zoneId, on, ...refOf(p.removalWhenStillUnqualified) } }];
  }
  return [evaluated, { type: 'ZoneRectified', data: { zoneId, on, ...refOf(p.rectificationYears) } }, ...recommend];
}
