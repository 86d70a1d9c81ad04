import { say } from '../../shared/sentence';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumState } from '../consortium.state';
import { Decision, reject } from '../../shared/decision';
import { ObjectionRecorded } from '../consortium.events';
import { RecordObjection } from '../consortium.commands';
import { textProblems } from '../../shared/input-problems';
import { invalidInput } from '../../shared/input-problems';
import { refOf } from '../../shared/rule';
import { statusWord } from '../../shared/status-words';

export function decideObjection(
  command: RecordObjection,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ObjectionRecorded> {
  const { consortiumId, on, text } = command.data;
  const problems = textProblems('text', text);
  if (problems.length) return invalidInput(problems);
  if (state.status !== 'public-notice') {
    return reject(
      'invalid-state',
      say`objections are recorded during the public notice; the consortium is ${statusWord(state.status)}`,
      policy.procedure.objections,
    );
  }
  // The status stays public-notice until approval: the notice's own dates say when objections may be raised.
  const notice = state.notice!;
  if (on < notice.startsOn || on > notice.endsOn) {
    return reject(
      'invalid-state',
      say`objections are recorded during the public notice, from ${notice.startsOn} to ${notice.endsOn}; this one is dated ${on}`,
      policy.procedure.objections,
    );
  }
  return [
    {
      type: 'ObjectionRecorded',
      data: { consortiumId, n: state.objections.length + 1, on, text, ...refOf(policy.procedure.objections) },
    },
  ];
}
