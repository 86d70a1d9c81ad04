import { say } from '../../shared/sentence';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumState } from '../consortium.state';
import { Decision, reject } from '../../shared/decision';
import { MemberRemoved } from '../consortium.events';
import { RemoveMember } from '../consortium.commands';
import { reassess } from '../consortium.assessment';
import { refOf } from '../../shared/rule';

export function decideRemoveMember(
  command: RemoveMember,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
  on: string,
): Decision<MemberRemoved> {
  const { consortiumId, creditCode } = command.data;
  if (creditCode === state.lead.creditCode) {
    return reject('invalid-state', say`${creditCode} is the lead; the lead leaves only by a lead change`);
  }
  if (!state.members.some((m) => m.creditCode === creditCode)) {
    return reject('not-found', say`${creditCode} is not a member of consortium ${consortiumId}`);
  }
  const eligibility = reassess(state, policy, on, {
    members: state.members.filter((m) => m.creditCode !== creditCode),
  });
  return [
    { type: 'MemberRemoved', data: { consortiumId, on, creditCode, eligibility, ...refOf(policy.procedure.members) } },
  ];
}
