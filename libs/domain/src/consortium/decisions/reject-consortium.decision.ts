import { say } from '../../shared/sentence';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumRejected } from '../consortium.events';
import { ConsortiumState } from '../consortium.state';
import { Decision, reject } from '../../shared/decision';
import { RejectConsortium } from '../consortium.commands';
import { isPreActive } from '../consortium.assessment';
import { textProblems } from '../../shared/input-problems';
import { invalidInput } from '../../shared/input-problems';
import { statusWord } from '../../shared/status-words';

export function decideRejection(
  command: RejectConsortium,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ConsortiumRejected> {
  const { consortiumId, on, reason } = command.data;
  const problems = textProblems('reason', reason);
  if (problems.length) return invalidInput(problems);
  if (!isPreActive(state))
    return reject(
      'invalid-state',
      say`only a filing is rejected; consortium ${consortiumId} is ${statusWord(state.status)}`,
      policy.procedure.approval,
    );
  return [{ type: 'ConsortiumRejected', data: { consortiumId, on, reason, ...policy.procedure.approval } }];
}
