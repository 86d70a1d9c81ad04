/**
 * The lead registry: a tiny second decider for rules that span consortia, over one stream per policy and lead
 * credit code (`leadRegistryStreamId`).
 *
 * - nmg.one-per-lead (term 'while-live'): filing claims the lead; the claim is released when the consortium ends
 *   (dissolved, delisted, rejected, withdrawn — a lead change under nmg dissolves it and releases the old lead).
 * - luzhou.annual-call (term 'calendar-year'): filing claims the lead for the calendar year of the filing; never
 *   released, a filing in a later year replaces it.
 *
 * The command handler folds the registry stream with `evolveLeadClaim` into `context.leadClaim` before a filing,
 * and after any decision appends `leadRegistryChanges(before, after)` to `leadRegistryStreamOf(event)` in the same
 * atomic request as the consortium's events (expected revision = the revision it read), so two concurrent filings
 * for one lead cannot both succeed.
 */
import { LeadClaimTerm } from '../policies/policy';
import { BusinessDate, yearOf } from '../shared/dates';
import { DomainEvent } from '../shared/event';
import { check, paramOn, PolicyParam, RuleCheck, RuleRef } from '../shared/rule';
import { leadRegistryStreamId } from './consortium.streams';
import { ConsortiumState, ENDED_STATUSES } from './consortium.state';
import { ConsortiumPolicyId } from '../shared/policy-ids';
import { Unit } from '../shared/unit';
import { consortiumPolicies } from '../policies/consortium-policies';

export interface LeadClaim {
  consortiumId: string;
  creditCode: string;
  policy: ConsortiumPolicyId;
  filedOn: BusinessDate;
}

export type LeadClaimed = DomainEvent<'LeadClaimed', LeadClaim & RuleRef>;
export type LeadReleased = DomainEvent<
  'LeadReleased',
  {
    consortiumId: string;
    creditCode: string;
    policy: ConsortiumPolicyId;
    reason: string; // the status the consortium ended in: 'dissolved' | 'delisted' | 'rejected' | 'withdrawn'
    on: BusinessDate;
  } & RuleRef
>;
export type LeadRegistryEvent = LeadClaimed | LeadReleased;

/** The claim the registry stream holds now, or null. Total; never throws. */
export function evolveLeadClaim(claim: LeadClaim | null, event: LeadRegistryEvent): LeadClaim | null {
  if (typeof event !== 'object' || event === null || typeof event.data !== 'object' || event.data === null)
    return claim;
  if (event.type === 'LeadClaimed') {
    const { consortiumId, creditCode, policy, filedOn } = event.data;
    return { consortiumId, creditCode, policy, filedOn };
  }
  if (event.type === 'LeadReleased') return claim?.consortiumId === event.data.consortiumId ? null : claim;
  return claim;
}

export const leadClaimOf = (events: LeadRegistryEvent[]): LeadClaim | null => events.reduce(evolveLeadClaim, null);

export const leadRegistryStreamOf = (event: LeadRegistryEvent): string =>
  leadRegistryStreamId(event.data.policy, event.data.creditCode);

/** The verdict of the policy's rule spanning consortia on a filing by `lead`, given the registry's claim. */
export function leadClaimCheck(
  term: PolicyParam<LeadClaimTerm>,
  claim: LeadClaim | null,
  consortiumId: string,
  lead: Unit,
  on: BusinessDate,
): RuleCheck {
  const unit = `${lead.name} (${lead.creditCode})`;
  const ref = { rule: term.rule, citation: term.citation };
  const own = claim === null || claim.consortiumId === consortiumId;
  if (paramOn(term, on) === 'while-live') {
    return own
      ? check(ref, true, `${unit} leads no other live consortium under this policy`)
      : check(
          ref,
          false,
          `${unit} already leads consortium ${claim.consortiumId} (filed ${claim.filedOn}), which is not dissolved, delisted, rejected or withdrawn`,
        );
  }
  if (own || yearOf(on) > yearOf(claim.filedOn)) {
    return check(ref, true, `${unit} has not filed under this year's call (${yearOf(on)})`);
  }
  return check(
    ref,
    false,
    `${unit} already filed consortium ${claim.consortiumId} on ${claim.filedOn}; applications are taken once a year`,
  );
}

/** The registry events that follow from a consortium's state transition (empty for most transitions). */
export function leadRegistryChanges(before: ConsortiumState, after: ConsortiumState): LeadRegistryEvent[] {
  if (!after.exists) return [];
  const term = consortiumPolicies[after.policy]?.leadClaim;
  if (!term) return [];
  const ref = { rule: term.rule, citation: term.citation };
  if (!before.exists) {
    const { id: consortiumId, lead, policy, filedOn } = after;
    return [{ type: 'LeadClaimed', data: { consortiumId, creditCode: lead.creditCode, policy, filedOn, ...ref } }];
  }
  const ends = !ENDED_STATUSES.includes(before.status) && ENDED_STATUSES.includes(after.status);
  if (ends && paramOn(term, after.ended?.on ?? after.lastOn) === 'while-live') {
    return [
      {
        type: 'LeadReleased',
        data: {
          consortiumId: before.id,
          creditCode: before.lead.creditCode,
          policy: before.policy,
          reason: after.status,
          on: after.ended?.on ?? after.lastOn,
          ...ref,
        },
      },
    ];
  }
  return [];
}
