import { say } from '../../shared/sentence';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumState } from '../consortium.state';
import { ConsortiumWithdrawn } from '../consortium.events';
import { Decision, reject } from '../../shared/decision';
import { WithdrawConsortium } from '../consortium.commands';
import { isPreActive } from '../consortium.assessment';
import { statusWord } from '../../shared/status-words';

export function decideWithdrawal(
  command: WithdrawConsortium,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ConsortiumWithdrawn> {
  const { consortiumId, on, reason } = command.data;
  if (!isPreActive(state)) {
    return reject(
      'invalid-state',
      say`only a filing is withdrawn; consortium ${consortiumId} is ${statusWord(state.status)} (dissolve it instead)`,
      policy.procedure.withdrawal,
    );
  }
  return [
    {
      type: 'ConsortiumWithdrawn',
      data: { consortiumId, on, ...(reason !== undefined ? { reason } : {}), ...policy.procedure.withdrawal },
    },
  ];
}
