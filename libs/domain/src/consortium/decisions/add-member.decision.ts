import { say } from '../../shared/sentence';
import { AddMember } from '../consortium.commands';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumState } from '../consortium.state';
import { Decision, reject } from '../../shared/decision';
import { MemberAdded } from '../consortium.events';
import { reassess } from '../consortium.assessment';
import { unitProblems } from '../../shared/input-problems';
import { invalidInput } from '../../shared/input-problems';
import { refOf } from '../../shared/rule';

export function decideAddMember(
  command: AddMember,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<MemberAdded> {
  const { consortiumId, on, member } = command.data;
  const problems = unitProblems(member, 'member');
  if (problems.length) return invalidInput(problems);
  if (member.creditCode === state.lead.creditCode)
    return reject('invalid-state', say`${member.creditCode} is the lead of consortium ${consortiumId}`);
  if (state.members.some((m) => m.creditCode === member.creditCode)) {
    return reject('invalid-state', say`${member.creditCode} is already a member of consortium ${consortiumId}`);
  }
  const eligibility = reassess(state, policy, on, { members: [...state.members, member] });
  return [{ type: 'MemberAdded', data: { consortiumId, on, member, eligibility, ...refOf(policy.procedure.members) } }];
}
