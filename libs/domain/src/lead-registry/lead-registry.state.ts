import { BusinessDate } from '../shared/dates';
import { ClaimLead } from './lead-registry.commands';
import { LeadRegistryEvent } from './lead-registry.events';

/** One consortium's claim on a lead, as recorded when it filed. */
export type LeadClaim = ClaimLead['data'];

/** A claim released (the consortium ended, or took another lead), with the day it ended on. */
export type EndedClaim = LeadClaim & { until: BusinessDate };

/**
 * The claims a registry stream holds now: one per consortium, until released (a calendar-year claim never is); and
 * those released, with their end, for the years they covered (`leadsInYear`).
 */
export interface LeadRegistryState {
  claims: LeadClaim[];
  ended?: EndedClaim[];
}

export const initialState = (): LeadRegistryState => ({ claims: [], ended: [] });

/**
 * The consortia the unit led at any time in a calendar year, as far as the registry knows: a claim counts from its
 * start (`since`, the approval, else the filing) and, once released, until the day before its end.
 */
export function leadsInYear(state: LeadRegistryState, year: number): string[] {
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const last = `${String(year).padStart(4, '0')}-12-31`;
  const starts = (claim: LeadClaim) => claim.since ?? claim.filedOn;
  const ids = [
    ...state.claims.filter((claim) => starts(claim) <= last),
    ...(state.ended ?? []).filter(
      (claim) => starts(claim) <= last && claim.until > first && starts(claim) < claim.until,
    ),
  ].map((claim) => claim.consortiumId);
  return [...new Set(ids)];
}

/** Total; never throws. */
export function evolve(state: LeadRegistryState, event: LeadRegistryEvent): LeadRegistryState {
  if (typeof event !== 'object' || event === null || typeof event.data !== 'object' || event.data === null)
    return state;
  const others = state.claims.filter((claim) => claim.consortiumId !== event.data.consortiumId);
  const ended = state.ended ?? [];
  switch (event.type) {
    case 'LeadClaimed': {
      const { consortiumId, creditCode, policy, filedOn, since } = event.data;
      return {
        claims: [...others, { consortiumId, creditCode, policy, filedOn, ...(since !== undefined && { since }) }],
        ended,
      };
    }
    case 'LeadReleased': {
      const released = state.claims.find((claim) => claim.consortiumId === event.data.consortiumId);
      return { claims: others, ended: released ? [...ended, { ...released, until: event.data.on }] : ended };
    }
    default:
      return state;
  }
}
