/** Events of a lead registry stream (`lead-registry-{policy}-{creditCode}`); each names the policy's rule. */
import { DomainEvent } from '../shared/event';
import { RuleRef } from '../shared/rule';
import { ClaimLead, ReleaseLead } from './lead-registry.commands';

export type LeadClaimed = DomainEvent<'LeadClaimed', ClaimLead['data'] & RuleRef>;
export type LeadReleased = DomainEvent<'LeadReleased', ReleaseLead['data'] & RuleRef>;
export type LeadRegistryEvent = LeadClaimed | LeadReleased;

export const LEAD_REGISTRY_EVENT_TYPES: ReadonlyArray<LeadRegistryEvent['type']> = ['LeadClaimed', 'LeadReleased'];
