import { LEAD_REGISTRY_EVENT_TYPES, LeadRegistryEvent } from '@ledger/domain/lead-registry/lead-registry.events';
import { evolve, initialState, LeadRegistryState, leadsInYear } from '@ledger/domain/lead-registry/lead-registry.state';
import { leadRegistryStreamId } from '@ledger/domain/lead-registry/lead-registry.streams';
import { streamKindOf } from '@ledger/domain/ledger-streams';
import { ConsortiumPolicyId } from '@ledger/domain/shared/policy-ids';
import { documentProjection, domainEventOf, ReadStore } from '@ledger/platform';

const REGISTRY_EVENTS: ReadonlySet<string> = new Set(LEAD_REGISTRY_EVENT_TYPES);

/**
 * Every lead registry stream (who leads what, per policy and unit): the funding view asks whether a unit is a 盟主 in a
 * fiscal year. Version 2 keeps released claims with their end (2026-12-03), so a store of version 1 is rebuilt.
 */
export const LEAD_REGISTRIES = documentProjection<LeadRegistryState>({
  name: 'lead-registries',
  version: 2,
  columns: {},
  documentOf: (event) =>
    REGISTRY_EVENTS.has(event.type) && streamKindOf(event.streamId)?.kind === 'lead-registry'
      ? event.streamId
      : undefined,
  initialState: () => initialState(),
  evolve: (state, event) => evolve(state, domainEventOf<LeadRegistryEvent>(event)),
  exists: () => true,
  columnsOf: () => ({}),
});

/**
 * The consortia under the policy that the unit led at any time in the fiscal year, by the registry, as the next
 * grant's check reads them (liaoning.mengzhu-status); undefined where the registry holds nothing of the unit (it never
 * led one under the policy, the policy keeps none, or the ledger is from before registries).
 */
export async function consortiaLedBy(
  readStore: ReadStore,
  policy: ConsortiumPolicyId,
  creditCode: string,
  fiscalYear: number,
): Promise<string[] | undefined> {
  const found = await readStore.getDocument<LeadRegistryState>(
    LEAD_REGISTRIES.name,
    leadRegistryStreamId(policy, creditCode),
  );
  return found && leadsInYear(found.state, fiscalYear);
}
