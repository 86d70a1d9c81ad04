import { ClaimLead } from './lead-registry.commands';
import { LeadRegistryEvent } from './lead-registry.events';

/** One consortium's claim on a lead, as recorded when it filed. */
export type LeadClaim = ClaimLead['data'];

/** The claims a registry stream holds now: one per consortium, until released (a calendar-year claim never is). */
export interface LeadRegistryState {
  claims: LeadClaim[];
}

export const initialState = (): LeadRegistryState => ({ claims: [] });

/** Total; never throws. */
export function evolve(state: LeadRegistryState, event: LeadRegistryEvent): LeadRegistryState {
  if (typeof event !== 'object' || event === null || typeof event.data !== 'object' || event.data === null)
    return state;
  const others = state.claims.filter((claim) => claim.consortiumId !== event.data.consortiumId);
  switch (event.type) {
    case 'LeadClaimed': {
      const { consortiumId, creditCode, policy, filedOn, since } = event.data;
      return {
        claims: [...others, { consortiumId, creditCode, policy, filedOn, ...(since !== undefined && { since }) }],
      };
    }
    case 'LeadReleased':
      return { claims: others };
    default:
      return state;
  }
}
