import { say } from '../../shared/sentence';
import { ConsortiumApplication, ConsortiumPolicy } from '../../policies/policy';
import { ruleWaived, Waiver, waivableRule, waiverProblems, withWaivers } from '../consortium.waivers';
import { ConsortiumContext } from '../consortium.context';
import { ConsortiumFiled, RuleWaived } from '../consortium.events';
import { ConsortiumState } from '../consortium.state';
import { Decision, isRejection, reject, Rejection } from '../../shared/decision';
import { FileConsortium } from '../consortium.commands';
import { Governance } from '../../shared/unit';
import { InputProblem } from '../../shared/input-problems';
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
 * dated outside the policy's period, or when it breaks a rule spanning consortia (nmg.one-per-lead, luzhou.annual-call)
 * that its `waivers` do not set aside.
 * The ConsortiumFiled event names the policy's filing rule (`procedure.filing`).
 */
export function decideFiling(
  command: FileConsortium,
  state: ConsortiumState,
  context: ConsortiumContext,
): Decision<ConsortiumFiled | RuleWaived> {
  const d = command.data;
  const { policy } = context;
  if (!isConsortiumPolicyId(d.policy) || !policy) {
    return invalidInput([
      { field: 'policy', problem: say`must be one of ${Object.keys(consortiumPolicies).join(', ')}` },
    ]);
  }
  if (d.policy !== policy.id) throw new Error(`the context holds ${policy.id}; the filing is under ${d.policy}`);
  const problems = [
    ...textProblems('consortiumId', d.consortiumId),
    ...textProblems('name', d.name),
    ...dateProblems('filedOn', d.filedOn),
    ...unitProblems(d.lead, 'lead'),
    ...(Array.isArray(d.members)
      ? d.members.flatMap((m, i) => unitProblems(m, `members[${i}]`))
      : [{ field: 'members', problem: say`must be a list` }]),
    ...(typeof d.agreementSigned === 'boolean'
      ? []
      : [{ field: 'agreementSigned', problem: say`must be true or false` }]),
    ...chainProblems(d.chain, policy),
  ];
  if (problems.length) return invalidInput(problems);
  const duplicates = duplicateUnitProblems(d.lead, d.members);
  if (duplicates.length) return invalidInput(duplicates);
  const requested = requestedWaivers(d.waivers, policy, d, context.actor);
  if (isRejection(requested)) return requested;
  if (state.exists) return reject('invalid-state', say`consortium ${d.consortiumId} is already filed`);
  const future = futureFact('filedOn', d.filedOn, context.today);
  if (future) return future;

  const outside = outsidePolicyPeriod(policy, d.filedOn, 'filing');
  if (outside) return outside;

  const claimChecks: RuleCheck[] = [];
  if (policy.leadClaim && isClaimedAtFiling(paramOn(policy.leadClaim, d.filedOn))) {
    if (context.leadRegistry === undefined) {
      throw new Error(`a filing under ${policy.id} needs context.leadRegistry, read from the lead registry stream`);
    }
    const [claim] = withWaivers(
      [leadClaimCheck(policy.leadClaim, context.leadRegistry, d.consortiumId, d.lead, d.filedOn)],
      requested.map(({ waiver }) => waiver),
      d.lead.creditCode,
    );
    if (!claim.ok) return ruleViolated(claim, say`filing refused: ${claim.detail}`, [claim]);
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
  const waivers = requested.map(({ waiver }) => waiver);
  const eligibility = withWaivers(
    [...policy.eligibility(application, d.filedOn), ...claimChecks],
    waivers,
    d.lead.creditCode,
  );
  return [
    {
      type: 'ConsortiumFiled',
      data: {
        consortiumId: d.consortiumId,
        policy: policy.id,
        filedOn: d.filedOn,
        ...application,
        ...(d.chain !== undefined && { chain: d.chain.trim() }),
        eligibility,
        eligible: eligibility.every((c) => c.ok),
        ...refOf(policy.procedure.filing),
      },
    },
    ...requested.map(({ event }) => event),
  ];
}

/** A `chain` (产业链) is named only under a policy that counts its consortia by chain (nmg.chain-coverage). */
function chainProblems(chain: unknown, policy: ConsortiumPolicy): InputProblem[] {
  if (chain === undefined) return [];
  const perChain = policy.targets?.perChainMin;
  if (!perChain) {
    return [{ field: 'chain', problem: say`is not named under ${policy.id}: its text counts no consortia by chain` }];
  }
  return textProblems('chain', chain);
}

/**
 * The filing's `waivers`: each well formed, naming a waivable rule of the policy once; recorded as RuleWaived events
 * dated the filing day, and applied to the filing's own verdicts.
 */
function requestedWaivers(
  waivers: FileConsortium['data']['waivers'],
  policy: ConsortiumPolicy,
  { consortiumId, filedOn, lead }: FileConsortium['data'],
  actor: string | undefined,
): Array<{ event: RuleWaived; waiver: Waiver }> | Rejection {
  if (waivers === undefined) return [];
  if (!Array.isArray(waivers)) return invalidInput([{ field: 'waivers', problem: say`must be a list` }]);
  const problems = waivers.flatMap((w, i) => waiverProblems(w, `waivers[${i}]`));
  if (problems.length) return invalidInput(problems);
  const repeated = waivers.findIndex((w, i) => waivers.findIndex((o) => o.rule === w.rule) !== i);
  if (repeated >= 0)
    return invalidInput([{ field: `waivers[${repeated}].rule`, problem: say`names a rule waived already` }]);
  if (waivers.length && actor === undefined) throw new Error('a waiver needs context.actor');
  const recorded: Array<{ event: RuleWaived; waiver: Waiver }> = [];
  for (const [i, request] of waivers.entries()) {
    const waivable = waivableRule(policy, request.rule, `waivers[${i}].rule`, 'filing');
    if (isRejection(waivable)) return waivable;
    const event = ruleWaived(consortiumId, waivable, request, { on: filedOn, actor: actor!, lead: lead.creditCode });
    const { consortiumId: _id, ...waiver } = event.data;
    recorded.push({ event, waiver });
  }
  return recorded;
}
