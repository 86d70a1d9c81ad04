import { say } from '../../shared/sentence';
import { ConsortiumDissolved, ConsortiumRenamed } from '../consortium.events';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumState } from '../consortium.state';
import { Decision } from '../../shared/decision';
import { RenameConsortium } from '../consortium.commands';
import { textProblems } from '../../shared/input-problems';
import { invalidInput } from '../../shared/input-problems';
import { refOf } from '../../shared/rule';

export function decideRename(
  command: RenameConsortium,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ConsortiumRenamed | ConsortiumDissolved> {
  const { consortiumId, on, name } = command.data;
  const problems = textProblems('name', name);
  if (problems.length) return invalidInput(problems);
  if (name === state.name)
    return invalidInput([{ field: 'name', problem: say`is already the consortium's name` }], {
      message: say`the consortium is already named ${name}`,
    });
  const effect = policy.onRename;
  const renamed: ConsortiumRenamed = {
    type: 'ConsortiumRenamed',
    data: { consortiumId, on, previousName: state.name, name, ...refOf(effect) },
  };
  if (effect.effect === 'dissolve') {
    const { rule, citation } = effect;
    return [renamed, { type: 'ConsortiumDissolved', data: { consortiumId, on, reason: 'rename', rule, citation } }];
  }
  return [renamed];
}
