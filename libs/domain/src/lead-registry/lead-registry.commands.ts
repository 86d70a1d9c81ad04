/**
 * Lead-registry commands. They come from the consortium module (`consortium.lead-claims.ts`), which issues them when a
 * consortium's transition concerns a rule spanning consortia; nothing outside the ledger sends them.
 */
import { BusinessDate } from '../shared/dates';
import { DomainCommand } from '../shared/event';
import { ConsortiumPolicyId } from '../shared/policy-ids';

export type ClaimLead = DomainCommand<
  'ClaimLead',
  {
    consortiumId: string;
    creditCode: string;
    policy: ConsortiumPolicyId;
    filedOn: BusinessDate;
    /** For a claim made at approval (a 盟主's status): the approval's date. */
    since?: BusinessDate;
  }
>;

export type ReleaseLead = DomainCommand<
  'ReleaseLead',
  {
    consortiumId: string;
    creditCode: string;
    policy: ConsortiumPolicyId;
    /** The status the consortium ended in ('dissolved', 'delisted', 'rejected', 'withdrawn'), or 'lead-change'. */
    reason: string;
    on: BusinessDate;
  }
>;

export type LeadRegistryCommand = ClaimLead | ReleaseLead;
