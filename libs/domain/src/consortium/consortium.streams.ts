import { ConsortiumPolicyId } from '../shared/policy-ids';

/**
 * Streams. A consortium's events go to `consortium-<id>`. A rule spanning consortia (nmg.one-per-lead,
 * luzhou.annual-call) is decided on the lead registry: one stream per policy and lead credit code, holding
 * LeadClaimed / LeadReleased; the handler appends to both streams in one atomic request.
 */

export const consortiumStreamId = (consortiumId: string): string => `consortium-${consortiumId}`;

export const leadRegistryStreamId = (policy: ConsortiumPolicyId, creditCode: string): string =>
  `lead-registry-${policy}-${creditCode}`;
