/**
 * Changes to a consortium: members, lead, name, dissolution. Members and lead changes re-assess eligibility. Member
 * changes name `procedure.members`; a lead change and a rename name the rule of their effect (the dissolution rule
 * where they dissolve the consortium, else the lead rule or lifecycle.rename).
 */
import { ConsortiumPolicy } from '../policies/policy';
import { Decision, reject } from '../shared/decision';
import { AddMember, ChangeLead, DissolveConsortium, RemoveMember, RenameConsortium } from './consortium.commands';
import { isPreActive, reassess, refOf, ruleViolated } from './consortium.assessment';
import { ConsortiumDissolved, ConsortiumRenamed, LeadChanged, MemberAdded, MemberRemoved } from './consortium.events';
import { membersAfterLeadChange } from './consortium.evolve';
import { ConsortiumState } from './consortium.state';
import { invalidInput, textProblems, unitProblems } from './consortium.validation';

export function decideAddMember(
  command: AddMember,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<MemberAdded> {
  const { consortiumId, on, member } = command.data;
  const problems = unitProblems(member, 'member');
  if (problems.length) return invalidInput(problems);
  if (member.creditCode === state.lead.creditCode)
    return reject('invalid-state', `${member.creditCode} is the lead of consortium ${consortiumId}`);
  if (state.members.some((m) => m.creditCode === member.creditCode)) {
    return reject('invalid-state', `${member.creditCode} is already a member of consortium ${consortiumId}`);
  }
  const eligibility = reassess(state, policy, on, { members: [...state.members, member] });
  return [{ type: 'MemberAdded', data: { consortiumId, on, member, eligibility, ...refOf(policy.procedure.members) } }];
}

export function decideRemoveMember(
  command: RemoveMember,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
  on: string,
): Decision<MemberRemoved> {
  const { consortiumId, creditCode } = command.data;
  if (creditCode === state.lead.creditCode) {
    return reject('invalid-state', `${creditCode} is the lead; the lead leaves only by a lead change`);
  }
  if (!state.members.some((m) => m.creditCode === creditCode)) {
    return reject('not-found', `${creditCode} is not a member of consortium ${consortiumId}`);
  }
  const eligibility = reassess(state, policy, on, {
    members: state.members.filter((m) => m.creditCode !== creditCode),
  });
  return [
    { type: 'MemberRemoved', data: { consortiumId, on, creditCode, eligibility, ...refOf(policy.procedure.members) } },
  ];
}

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
      [{ field: 'newLead.creditCode', problem: `is already the lead of consortium ${consortiumId}` }],
      { message: `${newLead.creditCode} is already the lead` },
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
      `the new lead does not pass the lead rules: ${failing.map((c) => c.detail).join('; ')}`,
      failing,
    );
  return [changed];
}

export function decideRename(
  command: RenameConsortium,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ConsortiumRenamed | ConsortiumDissolved> {
  const { consortiumId, on, name } = command.data;
  const problems = textProblems('name', name);
  if (problems.length) return invalidInput(problems);
  if (name === state.name)
    return invalidInput([{ field: 'name', problem: "is already the consortium's name" }], {
      message: `the consortium is already named ${name}`,
    });
  const effect = policy.onRename;
  const renamed: ConsortiumRenamed = {
    type: 'ConsortiumRenamed',
    data: { consortiumId, on, previousName: state.name, name, ...refOf(effect) },
  };
  if (effect.effect === 'dissolve') {
    const { rule, citation } = effect;
    return [renamed, { type: 'ConsortiumDissolved', data: { consortiumId, on, reason: 'rename', rule, citation } }];
  }
  return [renamed];
}

export function decideDissolution(
  command: DissolveConsortium,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<ConsortiumDissolved> {
  const { consortiumId, on, reason } = command.data;
  const problems = textProblems('reason', reason);
  if (problems.length) return invalidInput(problems);
  if (isPreActive(state)) {
    return reject(
      'invalid-state',
      `consortium ${consortiumId} is not yet active (${state.status}): a filing is withdrawn or rejected`,
      policy.procedure.dissolution,
    );
  }
  return [{ type: 'ConsortiumDissolved', data: { consortiumId, on, reason, ...policy.procedure.dissolution } }];
}
