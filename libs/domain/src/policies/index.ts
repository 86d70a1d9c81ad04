import { ConsortiumPolicyId } from '../consortium/consortium.state';
import { liaoning2021Alliance } from './liaoning-2021-alliance';
import { luzhou2024Consortium } from './luzhou-2024-consortium';
import { nmg2024Consortium } from './nmg-2024-consortium';
import { ConsortiumPolicy } from './policy';
import { tianjin2018Alliance } from './tianjin-2018-alliance';

export * from './policy';
export * from './lifecycle-rules';
export { ENTERPRISE_INTERPRETATION, isEnterprise } from './unit-rules';
export { nmg2024Consortium, nmgParams } from './nmg-2024-consortium';
export { luzhou2024Consortium, luzhouParams } from './luzhou-2024-consortium';
export { liaoning2021Alliance, liaoningParams } from './liaoning-2021-alliance';
export { tianjin2018Alliance, tianjinParams } from './tianjin-2018-alliance';

export const consortiumPolicies: Readonly<Record<ConsortiumPolicyId, ConsortiumPolicy>> = {
  'nmg-2024-consortium': nmg2024Consortium,
  'luzhou-2024-consortium': luzhou2024Consortium,
  'liaoning-2021-alliance': liaoning2021Alliance,
  'tianjin-2018-alliance': tianjin2018Alliance,
};

export const isConsortiumPolicyId = (id: unknown): id is ConsortiumPolicyId =>
  typeof id === 'string' && Object.prototype.hasOwnProperty.call(consortiumPolicies, id);

/** The policy with this id; throws for an id that is not a consortium policy (validate input first). */
export function consortiumPolicy(id: ConsortiumPolicyId): ConsortiumPolicy {
  if (!isConsortiumPolicyId(id)) throw new RangeError(`not a consortium policy: ${JSON.stringify(id)}`);
  return consortiumPolicies[id];
}
