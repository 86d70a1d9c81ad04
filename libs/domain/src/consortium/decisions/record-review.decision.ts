import { say } from '../../shared/sentence';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumState } from '../consortium.state';
import { Decision, reject } from '../../shared/decision';
import { RecordReview } from '../consortium.commands';
import { ReviewRecorded } from '../consortium.events';
import { oneOfProblems } from '../../shared/input-problems';
import { paramOn } from '../../shared/rule';
import { ruleViolated, stageChecks } from '../consortium.assessment';
import { invalidInput } from '../../shared/input-problems';
import { statusWord } from '../../shared/status-words';

const REVIEW_STAGES = ['preliminary', 'formal', 'technical', 'expert'];

export function decideReview(
  command: RecordReview,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ReviewRecorded> {
  const { consortiumId, stage, outcome, on, notes } = command.data;
  const problems = [
    ...oneOfProblems('stage', stage, REVIEW_STAGES),
    ...oneOfProblems('outcome', outcome, ['pass', 'fail']),
  ];
  if (problems.length) return invalidInput(problems);
  if (state.status !== 'filed' && state.status !== 'under-review') {
    return reject(
      'invalid-state',
      say`reviews are recorded before the public notice; the consortium is ${statusWord(state.status)}`,
    );
  }
  const stepsParam = policy.procedure.reviewSteps;
  const ref = { rule: stepsParam.rule, citation: stepsParam.citation };
  const steps = paramOn(stepsParam, on);
  const step = steps.findIndex((s) => s.includes(stage));
  if (step < 0) {
    return ruleViolated(
      ref,
      say`${policy.id} has no ${stage} review; its steps are ${steps.map((s) => s.join(' + ')).join(' → ')}`,
    );
  }
  const earlier = stageChecks(state, policy, on, step).filter((c) => !c.ok);
  if (earlier.length)
    return ruleViolated(earlier[0], say`the ${stage} review comes after the earlier steps pass`, earlier);
  return [
    {
      type: 'ReviewRecorded',
      data: { consortiumId, stage, outcome, on, ...(notes !== undefined ? { notes } : {}), ...ref },
    },
  ];
}
