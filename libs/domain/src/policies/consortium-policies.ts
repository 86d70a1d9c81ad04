import { liaoning2021Alliance } from './liaoning-2021-alliance';
import { luzhou2024Consortium } from './luzhou-2024-consortium';
import { nmg2024Consortium } from './nmg-2024-consortium';
import { ConsortiumPolicy } from './policy';
import { tianjin2018Alliance } from './tianjin-2018-alliance';
import { ConsortiumPolicyId, isConsortiumPolicyId } from '../shared/policy-ids';

export const consortiumPolicies: Readonly<Record<ConsortiumPolicyId, ConsortiumPolicy>> = {
  'nmg-2024-consortium': nmg2024Consortium,
  'luzhou-2024-consortium': luzhou2024Consortium,
  'liaoning-2021-alliance': liaoning2021Alliance,
  'tianjin-2018-alliance': tianjin2018Alliance,
};

/** The policy with this id; throws for an id that is not a consortium policy (validate input first). */
export function consortiumPolicy(id: ConsortiumPolicyId): ConsortiumPolicy {
  if (!isConsortiumPolicyId(id)) throw new RangeError(`not a consortium policy: ${JSON.stringify(id)}`);
  return consortiumPolicies[id];
}
