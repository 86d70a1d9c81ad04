/**
 * The lead registry: a small decider for rules that span consortia (nmg.one-per-lead, luzhou.annual-call), over one
 * stream per policy and lead (`leadRegistryStreamId`). A filing claims its lead; under a `while-live` term the claim is
 * released when the consortium ends (dissolved, delisted, rejected, withdrawn — a lead change under nmg dissolves it
 * and releases the old lead); a `calendar-year` claim is never released.
 *
 * The consortium's command handler folds the registry stream into the filing's context (the filing decision judges the
 * rule with `leadClaimCheck`), derives the registry's commands from the consortium's transition
 * (`consortium.lead-claims.ts`), decides them here, and appends both streams in one atomic request with the revisions
 * it read: two concurrent filings for one lead cannot both succeed.
 */
import { Decider } from '../shared/decider';
import { Decision } from '../shared/decision';
import { decideClaim } from './decisions/claim-lead.decision';
import { decideRelease } from './decisions/release-lead.decision';
import { LeadRegistryCommand } from './lead-registry.commands';
import { LeadRegistryContext } from './lead-registry.context';
import { LeadRegistryEvent } from './lead-registry.events';
import { evolve, initialState, LeadRegistryState } from './lead-registry.state';

export function decide(
  command: LeadRegistryCommand,
  state: LeadRegistryState,
  context: LeadRegistryContext,
): Decision<LeadRegistryEvent> {
  switch (command.type) {
    case 'ClaimLead':
      return decideClaim(command, state, context);
    case 'ReleaseLead':
      return decideRelease(command, state, context);
  }
}

export const leadRegistryDecider: Decider<
  LeadRegistryCommand,
  LeadRegistryEvent,
  LeadRegistryState,
  LeadRegistryContext
> = {
  decide,
  evolve,
  initialState,
};
