import { say } from '../../shared/sentence';
import { BusinessDate, yearOf } from '../../shared/dates';
import { Decision } from '../../shared/decision';
import { check, paramOn, PolicyParam, RuleCheck } from '../../shared/rule';
import { Unit } from '../../shared/unit';
import { LeadClaimTerm } from '../../policies/policy';
import { ClaimLead } from '../lead-registry.commands';
import { LeadRegistryContext } from '../lead-registry.context';
import { LeadClaimed } from '../lead-registry.events';
import { LeadRegistryState } from '../lead-registry.state';

/**
 * The verdict of the policy's rule spanning consortia on a filing by `lead`, given the registry's claims. The filing
 * decision records it among the eligibility verdicts and refuses the filing when it fails.
 * - `while-live` (nmg.one-per-lead): no other consortium holds a live claim on the lead.
 * - `calendar-year` (luzhou.annual-call): no other consortium claimed the lead in the filing's calendar year.
 */
export function leadClaimCheck(
  term: PolicyParam<LeadClaimTerm>,
  registry: LeadRegistryState,
  consortiumId: string,
  lead: Unit,
  on: BusinessDate,
): RuleCheck {
  const unit = `${lead.name} (${lead.creditCode})`;
  const ref = { rule: term.rule, citation: term.citation };
  const others = registry.claims.filter((claim) => claim.consortiumId !== consortiumId);
  if (paramOn(term, on) === 'while-live') {
    const live = others[others.length - 1];
    return live
      ? check(
          ref,
          false,
          say`${unit} already leads consortium ${live.consortiumId} (filed ${live.filedOn}), which is not dissolved, delisted, rejected or withdrawn`,
        )
      : check(ref, true, say`${unit} leads no other live consortium under this policy`);
  }
  const thisYear = others.filter((claim) => yearOf(claim.filedOn) === yearOf(on));
  const earlier = thisYear[thisYear.length - 1];
  return earlier
    ? check(
        ref,
        false,
        say`${unit} already filed consortium ${earlier.consortiumId} on ${earlier.filedOn}; applications are taken once a year`,
      )
    : check(ref, true, say`${unit} has not filed under this year's call (${yearOf(on)})`);
}

/** Records the claim; the filing decision judged it (on the same registry state, in the same atomic append). */
export function decideClaim(
  command: ClaimLead,
  state: LeadRegistryState,
  { term }: LeadRegistryContext,
): Decision<LeadClaimed> {
  if (state.claims.some((claim) => claim.consortiumId === command.data.consortiumId)) return [];
  return [{ type: 'LeadClaimed', data: { ...command.data, rule: term.rule, citation: term.citation } }];
}
