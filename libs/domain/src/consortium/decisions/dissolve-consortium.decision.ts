import { say } from '../../shared/sentence';
import { ConsortiumDissolved } from '../consortium.events';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumState } from '../consortium.state';
import { Decision, reject } from '../../shared/decision';
import { DissolveConsortium } from '../consortium.commands';
import { isPreActive } from '../consortium.assessment';
import { textProblems } from '../../shared/input-problems';
import { invalidInput } from '../../shared/input-problems';
import { statusWord } from '../../shared/status-words';

export function decideDissolution(
  command: DissolveConsortium,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ConsortiumDissolved> {
  const { consortiumId, on, reason } = command.data;
  const problems = textProblems('reason', reason);
  if (problems.length) return invalidInput(problems);
  if (isPreActive(state)) {
    return reject(
      'invalid-state',
      say`consortium ${consortiumId} is not yet active (${statusWord(state.status)}): a filing is withdrawn or rejected`,
      policy.procedure.dissolution,
    );
  }
  return [{ type: 'ConsortiumDissolved', data: { consortiumId, on, reason, ...policy.procedure.dissolution } }];
}
