/**
 * What a consortium's transition asks of the lead registry (the rules spanning consortia: nmg.one-per-lead,
 * luzhou.annual-call): a filing claims its lead; the end of a consortium releases it where the claim lasts while the
 * consortium lives. The handler decides these commands with the lead-registry decider on the stream each names.
 */
import { LeadRegistryCommand } from '../lead-registry/lead-registry.commands';
import { LeadRegistryContext } from '../lead-registry/lead-registry.context';
import { leadRegistryStreamId } from '../lead-registry/lead-registry.streams';
import { consortiumPolicies } from '../policies/consortium-policies';
import { paramOn } from '../shared/rule';
import { ConsortiumCommand } from './consortium.commands';
import { ConsortiumState, ENDED_STATUSES } from './consortium.state';

export interface LeadRegistryRequest {
  streamId: string;
  command: LeadRegistryCommand;
  context: LeadRegistryContext;
}

/** The registry stream a filing is decided on, when its policy has a rule spanning consortia. */
export function filingRegistryStream(command: ConsortiumCommand): string | undefined {
  if (command.type !== 'FileConsortium' || !consortiumPolicies[command.data.policy]?.leadClaim) return undefined;
  return leadRegistryStreamId(command.data.policy, command.data.lead.creditCode);
}

/** The registry commands that follow from a consortium's transition (none for most transitions). */
export function leadRegistryRequests(before: ConsortiumState, after: ConsortiumState): LeadRegistryRequest[] {
  const term = after.exists ? consortiumPolicies[after.policy]?.leadClaim : undefined;
  if (!term) return [];
  const context = { term };
  if (!before.exists) {
    const { id: consortiumId, lead, policy, filedOn } = after;
    return [
      {
        streamId: leadRegistryStreamId(policy, lead.creditCode),
        command: { type: 'ClaimLead', data: { consortiumId, creditCode: lead.creditCode, policy, filedOn } },
        context,
      },
    ];
  }
  const on = after.ended?.on ?? after.lastOn;
  const ends = !ENDED_STATUSES.includes(before.status) && ENDED_STATUSES.includes(after.status);
  if (!ends || paramOn(term, on) !== 'while-live') return [];
  const { id: consortiumId, lead, policy } = before;
  return [
    {
      streamId: leadRegistryStreamId(policy, lead.creditCode),
      command: {
        type: 'ReleaseLead',
        data: { consortiumId, creditCode: lead.creditCode, policy, reason: after.status, on },
      },
      context,
    },
  ];
}
