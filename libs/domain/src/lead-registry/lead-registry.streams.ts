import { ConsortiumPolicyId } from '../shared/policy-ids';

/** One stream per policy and lead credit code: the consistency boundary of a rule spanning consortia. */
export const leadRegistryStreamId = (policy: ConsortiumPolicyId, creditCode: string): string =>
  `lead-registry-${policy}-${creditCode}`;
