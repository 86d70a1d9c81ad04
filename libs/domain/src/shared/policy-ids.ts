/** The policies consortia are filed under (POLICIES.md). Zones have their own: `ZONE_POLICY_IDS` in policies/. */
export const CONSORTIUM_POLICY_IDS = [
  'nmg-2024-consortium',
  'luzhou-2024-consortium',
  'liaoning-2021-alliance',
  'tianjin-2018-alliance',
] as const;
export type ConsortiumPolicyId = (typeof CONSORTIUM_POLICY_IDS)[number];

export const isConsortiumPolicyId = (id: unknown): id is ConsortiumPolicyId =>
  typeof id === 'string' && (CONSORTIUM_POLICY_IDS as ReadonlyArray<string>).includes(id);
