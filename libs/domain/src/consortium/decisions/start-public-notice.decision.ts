import { say } from '../../shared/sentence';
import { BusinessDate } from '../../shared/dates';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumState } from '../consortium.state';
import { Decision, reject } from '../../shared/decision';
import { PublicNoticeStarted } from '../consortium.events';
import { StartPublicNotice } from '../consortium.commands';
import { calendarGap, WorkingDayCalendarError, calendarNoticeEnd, noticeEnd } from '../../shared/working-days';
import { paramOn } from '../../shared/rule';
import { ruleViolated, stageChecks } from '../consortium.assessment';
import { invalidInput } from '../../shared/input-problems';
import { statusWord } from '../../shared/status-words';

export function decideNotice(
  command: StartPublicNotice,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<PublicNoticeStarted> {
  const { consortiumId, startsOn } = command.data;
  const noticeParam = policy.procedure.notice;
  const ref = { rule: noticeParam.rule, citation: noticeParam.citation };
  if (state.status !== 'filed' && state.status !== 'under-review') {
    return reject(
      'invalid-state',
      say`a public notice starts after the reviews; the consortium is ${statusWord(state.status)}`,
      ref,
    );
  }
  const unmetReviews = stageChecks(state, policy, startsOn).filter((c) => !c.ok);
  if (unmetReviews.length)
    return ruleViolated(unmetReviews[0], say`the public notice starts when every review step has passed`, unmetReviews);
  const { unit, days } = paramOn(noticeParam, startsOn);
  let endsOn: BusinessDate;
  try {
    endsOn = unit === 'working-days' ? noticeEnd(startsOn, days) : calendarNoticeEnd(startsOn, days);
  } catch (error) {
    if (error instanceof WorkingDayCalendarError) {
      return invalidInput(
        [{ field: 'startsOn', problem: say`gives a notice the working-day calendar cannot count (${error.year})` }],
        { message: calendarGap(error.year), ...ref },
      );
    }
    throw error;
  }
  return [
    {
      type: 'PublicNoticeStarted',
      data: {
        consortiumId,
        startsOn,
        endsOn,
        unit,
        days,
        ...ref,
        ...(noticeParam.interpretation ? { interpretation: noticeParam.interpretation } : {}),
      },
    },
  ];
}
