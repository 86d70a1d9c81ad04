/** The validity rules of a grant, in order: each a RuleCheck recorded on the grant, or the reason it is refused. */
import { ConsortiumState } from '../consortium/consortium.state';
import { yearOf } from '../shared/dates';
import { RejectionCode } from '../shared/decision';
import { check, RuleCheck } from '../shared/rule';
import { grantBoundaryIds } from './funding-streams';
import { SubsidyLedgerState } from './subsidy.state';
import { amountText } from '../policies/funding/amount-text';
import { fundingCategory, fundingPolicy } from '../policies/funding/funding-catalog';
import { FundingCategory, GrantRequest, isInForceOn, RecipientRole } from '../policies/funding/funding-policy';
import { integrityCheck } from '../policies/funding/tianjin-funding';
import { LEDGER_FUNDING_RULES as LEDGER } from '../policies/funding/ledger-funding-rules';

export interface GateOutcome {
  code: RejectionCode;
  check: RuleCheck;
}

/** In order; each gate may rely on the ones before it having passed. */
export function validityGates(
  request: GrantRequest,
  category: FundingCategory,
  state: SubsidyLedgerState,
  consortium: ConsortiumState | undefined,
): Array<() => GateOutcome> {
  const c = () => consortium!;
  return [
    () => ({
      code: 'invalid-state',
      check: check(
        LEDGER.consortiumActive,
        !!consortium?.exists && consortium.id === request.consortiumId && consortium.status === 'active',
        !consortium?.exists || consortium.id !== request.consortiumId
          ? `consortium ${request.consortiumId} does not exist`
          : `consortium ${consortium.id} is ${consortium.status}; subsidies are granted to active consortia`,
      ),
    }),
    () => ({
      code: 'rule-violated',
      check: check(
        LEDGER.categoryOfPolicy,
        category.policy === c().policy,
        `${category.id} belongs to ${category.policy}; consortium ${c().id} is under ${c().policy}`,
      ),
    }),
    () => {
      const inForce = fundingPolicy(c().policy).inForce;
      return {
        code: 'policy-not-in-force',
        check: check(
          inForce,
          isInForceOn(inForce, request.grantedOn),
          `${c().policy} is in force from ${inForce.from}${inForce.to ? ` to ${inForce.to}` : ''}; ` +
            `the grant is dated ${request.grantedOn}`,
        ),
      };
    },
    () => ({
      code: 'invalid-state',
      check: check(
        LEDGER.consortiumActive,
        c().approvedOn !== undefined && c().approvedOn! <= request.grantedOn,
        `consortium ${c().id} was approved on ${c().approvedOn}; the grant is dated ${request.grantedOn}`,
      ),
    }),
    () => ({
      code: 'rule-violated',
      check: check(
        LEDGER.fiscalYear,
        request.fiscalYear === yearOf(request.grantedOn),
        `fiscal year ${request.fiscalYear}, granted on ${request.grantedOn}`,
      ),
    }),
    () => ({
      code: 'rule-violated',
      check: check(
        LEDGER.recipientMember,
        roleOf(c(), request.recipient) !== undefined,
        roleOf(c(), request.recipient)
          ? `${request.recipient} is the consortium's ${roleOf(c(), request.recipient)}`
          : `${request.recipient} is neither the lead nor a member of consortium ${c().id}`,
      ),
    }),
    () => ({ code: 'rule-violated', check: integrityCheck(request.recipient, state.units[request.recipient]) }),
    ...(category.scopes.includes('project') ? [() => projectConsistency(request, state)] : []),
  ];
}

export function roleOf(consortium: ConsortiumState, creditCode: string): RecipientRole | undefined {
  if (consortium.lead.creditCode === creditCode) return 'lead';
  return consortium.members.some((m) => m.creditCode === creditCode) ? 'member' : undefined;
}

/** A project keeps the consortium, category and total investment of its first grant. */
function projectConsistency(request: GrantRequest, state: SubsidyLedgerState): GateOutcome {
  const ids = grantBoundaryIds(request, fundingCategory(request.category));
  const project = ids.project ? state.boundaries[ids.project]?.project : undefined;
  const differences = !project
    ? []
    : [
        project.consortiumId !== request.consortiumId && `consortium ${project.consortiumId}`,
        project.category !== request.category && `category ${project.category}`,
        request.projectTotalInvestmentFen !== undefined &&
          project.totalInvestmentFen !== request.projectTotalInvestmentFen &&
          `total investment ${amountText(project.totalInvestmentFen ?? 0)}`,
      ].filter((x): x is string => typeof x === 'string');
  return {
    code: 'rule-violated',
    check: check(
      LEDGER.projectConsistent,
      differences.length === 0,
      differences.length === 0
        ? `project ${request.projectId} ${project ? 'matches its earlier grants' : 'is granted for the first time'}`
        : `project ${request.projectId} was first granted with ${differences.join(', ')}`,
    ),
  };
}
