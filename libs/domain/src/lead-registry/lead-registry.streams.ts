import { ConsortiumPolicyId } from '../shared/policy-ids';

export const LEAD_REGISTRY_STREAM_PREFIX = 'lead-registry-';

/** One stream per policy and lead credit code: the consistency boundary of a rule spanning consortia. */
export const leadRegistryStreamId = (policy: ConsortiumPolicyId, creditCode: string): string =>
  `${LEAD_REGISTRY_STREAM_PREFIX}${policy}-${creditCode}`;
