import { listOf, say } from '../../shared/sentence';
import { ChangeLead } from '../consortium.commands';
import { ConsortiumDissolved, LeadChanged } from '../consortium.events';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumState, membersAfterLeadChange } from '../consortium.state';
import { Decision } from '../../shared/decision';
import { reassess, ruleViolated } from '../consortium.assessment';
import { unitProblems } from '../../shared/input-problems';
import { invalidInput } from '../../shared/input-problems';
import { refOf } from '../../shared/rule';

/**
 * Under a policy where a lead change dissolves the consortium (nmg.dissolve-on-lead-change), the change is recorded
 * and the consortium dissolves. Elsewhere the new lead replaces the old one if it passes the policy's lead rules;
 * the former lead stays on as a member, and a member that becomes the lead leaves the members.
 */
export function decideLeadChange(
  command: ChangeLead,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<LeadChanged | ConsortiumDissolved> {
  const { consortiumId, on, newLead } = command.data;
  const problems = unitProblems(newLead, 'newLead');
  if (problems.length) return invalidInput(problems);
  if (newLead.creditCode === state.lead.creditCode) {
    return invalidInput(
      [{ field: 'newLead.creditCode', problem: say`is already the lead of consortium ${consortiumId}` }],
      { message: say`${newLead.creditCode} is already the lead` },
    );
  }
  const members = membersAfterLeadChange(state.members, state.lead, newLead);
  const leadChecks = policy.leadRules(newLead, members, on);
  const eligibility = reassess(state, policy, on, { lead: newLead, members });
  const effect = policy.onLeadChange;
  const changed: LeadChanged = {
    type: 'LeadChanged',
    data: { consortiumId, on, previousLead: state.lead, newLead, leadChecks, eligibility, ...refOf(effect) },
  };
  if (effect.effect === 'dissolve') {
    const { rule, citation } = effect;
    return [
      changed,
      { type: 'ConsortiumDissolved', data: { consortiumId, on, reason: 'lead-change', rule, citation } },
    ];
  }
  const failing = leadChecks.filter((c) => !c.ok);
  if (failing.length)
    return ruleViolated(
      failing[0],
      say`the new lead does not pass the lead rules: ${listOf(failing.map((c) => c.detail))}`,
      failing,
    );
  return [changed];
}
