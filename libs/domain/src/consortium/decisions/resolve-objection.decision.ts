import { say } from '../../shared/sentence';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumState } from '../consortium.state';
import { Decision, reject } from '../../shared/decision';
import { ObjectionResolved } from '../consortium.events';
import { ResolveObjection } from '../consortium.commands';
import { oneOfProblems } from '../../shared/input-problems';
import { invalidInput } from '../../shared/input-problems';
import { refOf } from '../../shared/rule';
import { statusWord } from '../../shared/status-words';

export function decideResolution(
  command: ResolveObjection,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ObjectionResolved> {
  const { consortiumId, n, on, outcome } = command.data;
  const problems = oneOfProblems('outcome', outcome, ['upheld', 'dismissed']);
  if (problems.length) return invalidInput(problems);
  const objection = state.objections.find((o) => o.n === n);
  if (!objection) return reject('not-found', say`consortium ${consortiumId} has no objection ${n}`);
  if (objection.resolution) {
    return reject(
      'invalid-state',
      say`objection ${n} was already ${objection.resolution.outcome} on ${objection.resolution.on}`,
      policy.procedure.objections,
    );
  }
  if (state.status !== 'public-notice') {
    return reject(
      'invalid-state',
      say`objections are resolved before approval; the consortium is ${statusWord(state.status)}`,
      policy.procedure.objections,
    );
  }
  return [{ type: 'ObjectionResolved', data: { consortiumId, n, on, outcome, ...refOf(policy.procedure.objections) } }];
}
