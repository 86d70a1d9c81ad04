import { Decision } from '../../shared/decision';
import { ReleaseLead } from '../lead-registry.commands';
import { LeadRegistryContext } from '../lead-registry.context';
import { LeadReleased } from '../lead-registry.events';
import { LeadRegistryState } from '../lead-registry.state';

/** Releases the consortium's claim when it holds one; nothing to record otherwise. */
export function decideRelease(
  command: ReleaseLead,
  state: LeadRegistryState,
  { term }: LeadRegistryContext,
): Decision<LeadReleased> {
  if (!state.claims.some((claim) => claim.consortiumId === command.data.consortiumId)) return [];
  return [{ type: 'LeadReleased', data: { ...command.data, rule: term.rule, citation: term.citation } }];
}
