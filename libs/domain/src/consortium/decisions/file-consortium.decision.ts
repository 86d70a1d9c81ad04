import { ConsortiumApplication } from '../../policies/policy';
import { ConsortiumContext } from '../consortium.context';
import { ConsortiumFiled } from '../consortium.events';
import { ConsortiumState } from '../consortium.state';
import { Decision, reject } from '../../shared/decision';
import { FileConsortium } from '../consortium.commands';
import { Governance } from '../../shared/unit';
import { paramOn, refOf, RuleCheck } from '../../shared/rule';
import { consortiumPolicies } from '../../policies/consortium-policies';
import { dateProblems, duplicateUnitProblems, textProblems, unitProblems } from '../../shared/input-problems';
import { isConsortiumPolicyId } from '../../shared/policy-ids';
import { futureFact } from '../../policies/ledger-interpretations';
import { isClaimedAtFiling } from '../../policies/policy';
import { leadClaimCheck } from '../../lead-registry/decisions/claim-lead.decision';
import { outsidePolicyPeriod, ruleViolated } from '../consortium.assessment';
import { invalidInput } from '../../shared/input-problems';

/**
 * A filing is recorded even when ineligible (approval refuses it later, naming the unmet rules). It is refused when
 * dated outside the policy's period, or when it breaks a rule spanning consortia (nmg.one-per-lead, luzhou.annual-call).
 * The ConsortiumFiled event names the policy's filing rule (`procedure.filing`).
 */
export function decideFiling(
  command: FileConsortium,
  state: ConsortiumState,
  context: ConsortiumContext,
): Decision<ConsortiumFiled> {
  const d = command.data;
  const { policy } = context;
  if (!isConsortiumPolicyId(d.policy) || !policy) {
    return invalidInput([{ field: 'policy', problem: `must be one of ${Object.keys(consortiumPolicies).join(', ')}` }]);
  }
  if (d.policy !== policy.id) throw new Error(`the context holds ${policy.id}; the filing is under ${d.policy}`);
  const problems = [
    ...textProblems('consortiumId', d.consortiumId),
    ...textProblems('name', d.name),
    ...dateProblems('filedOn', d.filedOn),
    ...unitProblems(d.lead, 'lead'),
    ...(Array.isArray(d.members)
      ? d.members.flatMap((m, i) => unitProblems(m, `members[${i}]`))
      : [{ field: 'members', problem: 'must be a list' }]),
    ...(typeof d.agreementSigned === 'boolean' ? [] : [{ field: 'agreementSigned', problem: 'must be true or false' }]),
  ];
  if (problems.length) return invalidInput(problems);
  const duplicates = duplicateUnitProblems(d.lead, d.members);
  if (duplicates.length) return invalidInput(duplicates);
  if (state.exists) return reject('invalid-state', `consortium ${d.consortiumId} is already filed`);
  const future = futureFact('filedOn', d.filedOn, context.today);
  if (future) return future;

  const outside = outsidePolicyPeriod(policy, d.filedOn, 'filing');
  if (outside) return outside;

  const claimChecks: RuleCheck[] = [];
  if (policy.leadClaim && isClaimedAtFiling(paramOn(policy.leadClaim, d.filedOn))) {
    if (context.leadRegistry === undefined) {
      throw new Error(`a filing under ${policy.id} needs context.leadRegistry, read from the lead registry stream`);
    }
    const claim = leadClaimCheck(policy.leadClaim, context.leadRegistry, d.consortiumId, d.lead, d.filedOn);
    if (!claim.ok) return ruleViolated(claim, `filing refused: ${claim.detail}`, [claim]);
    claimChecks.push(claim);
  }

  const governance: Governance = {
    council: d.governance?.council === true,
    expertCommittee: d.governance?.expertCommittee === true,
    secretariat: d.governance?.secretariat === true,
    managementBody: d.governance?.managementBody === true,
  };
  const application: ConsortiumApplication = {
    name: d.name,
    lead: d.lead,
    members: d.members,
    agreementSigned: d.agreementSigned,
    integrityCommitment: d.integrityCommitment ?? false,
    governance,
  };
  const eligibility = [...policy.eligibility(application, d.filedOn), ...claimChecks];
  return [
    {
      type: 'ConsortiumFiled',
      data: {
        consortiumId: d.consortiumId,
        policy: policy.id,
        filedOn: d.filedOn,
        ...application,
        eligibility,
        eligible: eligibility.every((c) => c.ok),
        ...refOf(policy.procedure.filing),
      },
    },
  ];
}
