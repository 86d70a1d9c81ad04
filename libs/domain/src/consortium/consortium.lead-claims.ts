/**
 * What a consortium's transition asks of the lead registry. Claims made at filing decide rules spanning consortia
 * (nmg.one-per-lead, luzhou.annual-call): a filing claims its lead; its end releases it where the claim lasts while the
 * consortium lives. A `while-active` claim records a status (liaoning's 盟主, liaoning.mengzhu-annual-cap): approval
 * claims the lead; the alliance's end, or a new 盟主, releases it (and the new 盟主 claims). The handler decides these
 * commands with the lead-registry decider on the stream each names.
 */
import { LeadRegistryCommand } from '../lead-registry/lead-registry.commands';
import { LeadRegistryContext } from '../lead-registry/lead-registry.context';
import { leadRegistryStreamId } from '../lead-registry/lead-registry.streams';
import { consortiumPolicies } from '../policies/consortium-policies';
import { isClaimedAtFiling, LeadClaimTerm } from '../policies/policy';
import { BusinessDate } from '../shared/dates';
import { paramInForceOn, paramOn, PolicyParam } from '../shared/rule';
import { ConsortiumCommand } from './consortium.commands';
import { ConsortiumState, ENDED_STATUSES } from './consortium.state';

export interface LeadRegistryRequest {
  streamId: string;
  command: LeadRegistryCommand;
  context: LeadRegistryContext;
}

/**
 * The registry stream a filing is decided on, when its policy has a rule spanning consortia decided at filing. None
 * for a filing dated outside the policy's period, which the decider refuses (lifecycle.in-force) before any claim.
 */
export function filingRegistryStream(command: ConsortiumCommand): string | undefined {
  if (command.type !== 'FileConsortium') return undefined;
  const term = consortiumPolicies[command.data.policy]?.leadClaim;
  const claimed = term && paramInForceOn(term, command.data.filedOn);
  if (!claimed || !isClaimedAtFiling(claimed)) return undefined;
  return leadRegistryStreamId(command.data.policy, command.data.lead.creditCode);
}

/** The registry commands that follow from a consortium's transition (none for most transitions). */
export function leadRegistryRequests(before: ConsortiumState, after: ConsortiumState): LeadRegistryRequest[] {
  const term = after.exists ? consortiumPolicies[after.policy]?.leadClaim : undefined;
  if (!term) return [];
  const on = after.ended?.on ?? after.lastOn;
  return paramOn(term, on) === 'while-active'
    ? activeLeadRequests(before, after, term, on)
    : filingClaimRequests(before, after, term, on);
}

function filingClaimRequests(
  before: ConsortiumState,
  after: ConsortiumState,
  term: PolicyParam<LeadClaimTerm>,
  on: BusinessDate,
): LeadRegistryRequest[] {
  if (!before.exists) return [claim(after, term)];
  const ends = !ENDED_STATUSES.includes(before.status) && ENDED_STATUSES.includes(after.status);
  return ends && paramOn(term, on) === 'while-live' ? [release(before, term, after.status, on)] : [];
}

/** The 盟主 from approval while the alliance is active: claimed at approval, released at its end or a lead change. */
function activeLeadRequests(
  before: ConsortiumState,
  after: ConsortiumState,
  term: PolicyParam<LeadClaimTerm>,
  on: BusinessDate,
): LeadRegistryRequest[] {
  const wasActive = before.exists && before.status === 'active';
  const isActive = after.status === 'active';
  if (!wasActive && isActive) return [claim(after, term, after.approvedOn)];
  if (wasActive && !isActive) return [release(before, term, after.status, on)];
  if (wasActive && isActive && before.lead.creditCode !== after.lead.creditCode) {
    return [release(before, term, 'lead-change', on), claim(after, term, on)];
  }
  return [];
}

function claim(state: ConsortiumState, term: PolicyParam<LeadClaimTerm>, since?: BusinessDate): LeadRegistryRequest {
  const { id: consortiumId, lead, policy, filedOn } = state;
  return {
    streamId: leadRegistryStreamId(policy, lead.creditCode),
    command: {
      type: 'ClaimLead',
      data: { consortiumId, creditCode: lead.creditCode, policy, filedOn, ...(since !== undefined && { since }) },
    },
    context: { term },
  };
}

function release(
  state: ConsortiumState,
  term: PolicyParam<LeadClaimTerm>,
  reason: string,
  on: BusinessDate,
): LeadRegistryRequest {
  const { id: consortiumId, lead, policy } = state;
  return {
    streamId: leadRegistryStreamId(policy, lead.creditCode),
    command: { type: 'ReleaseLead', data: { consortiumId, creditCode: lead.creditCode, policy, reason, on } },
    context: { term },
  };
}
