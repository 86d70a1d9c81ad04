import { listOf, say, Sentence } from '../../shared/sentence';
import { LEDGER_FUNDING_RULES as LEDGER } from '../../policies/funding/ledger-funding-rules';
import { compositionOn, ConsortiumState } from '../../consortium/consortium.state';
import { FundingCategory, isInForceOn } from '../../policies/funding/funding-policy';
import { RejectionCode } from '../../shared/decision';
import { RuleCheck, check } from '../../shared/rule';
import { SubsidyLedgerState } from '../subsidy.state';
import { amountText } from '../../policies/funding/amount-text';
import { fundingCategory, fundingPolicy } from '../../policies/funding/funding-catalog';
import { grantBoundaryIds } from '../subsidy.routing';
import { integrityCheck } from '../../policies/funding/tianjin-funding';
import { BusinessDate, yearOf } from '../../shared/dates';
import { RecipientRole, GrantTerms } from '../../policies/funding/grant-terms';
import { statusWord } from '../../shared/status-words';

/** The validity rules of a grant, in order: each a RuleCheck recorded on the grant, or the reason it is refused. */

export interface GateOutcome {
  code: RejectionCode;
  check: RuleCheck;
}

/** In order; each gate may rely on the ones before it having passed. */
export function validityGates(
  terms: GrantTerms,
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
        !!consortium?.exists && consortium.id === terms.consortiumId && consortium.status === 'active',
        !consortium?.exists || consortium.id !== terms.consortiumId
          ? say`consortium ${terms.consortiumId} does not exist`
          : say`consortium ${consortium.id} is ${statusWord(consortium.status)}; subsidies are granted to active consortia`,
      ),
    }),
    () => ({
      code: 'rule-violated',
      check: check(
        LEDGER.categoryOfPolicy,
        category.policy === c().policy,
        say`${category.id} belongs to ${category.policy}; consortium ${c().id} is under ${c().policy}`,
      ),
    }),
    () => {
      const inForce = fundingPolicy(c().policy).inForce;
      return {
        code: 'policy-not-in-force',
        check: check(
          inForce,
          isInForceOn(inForce, terms.grantedOn),
          say`${c().policy} is in force from ${inForce.from}${inForce.to ? say` to ${inForce.to}` : ''}; the grant is dated ${terms.grantedOn}`,
        ),
      };
    },
    () => ({
      code: 'invalid-state',
      check: check(
        LEDGER.consortiumActive,
        c().approvedOn !== undefined && c().approvedOn! <= terms.grantedOn,
        say`consortium ${c().id} was approved on ${c().approvedOn}; the grant is dated ${terms.grantedOn}`,
      ),
    }),
    () => ({
      code: 'rule-violated',
      check: check(
        LEDGER.fiscalYear,
        terms.fiscalYear === yearOf(terms.grantedOn),
        say`fiscal year ${terms.fiscalYear}, granted on ${terms.grantedOn}`,
      ),
    }),
    () => {
      const role = roleOn(c(), terms.recipient, terms.grantedOn);
      return {
        code: 'rule-violated',
        check: check(LEDGER.recipientMember, role !== undefined, recipientMemberDetail(c(), terms, role)),
      };
    },
    () => ({ code: 'rule-violated', check: integrityCheck(terms.recipient, state.units[terms.recipient]) }),
    ...(category.scopes.includes('project') ? [() => projectConsistency(terms, state)] : []),
  ];
}

/**
 * The unit's role in the consortium on a date (the grant's): as the consortium stood at the end of that day, before
 * any later change of its lead or members (a grant recorded after a lead change, dated before it, is the former
 * lead's as lead).
 */
export function roleOn(consortium: ConsortiumState, creditCode: string, on: BusinessDate): RecipientRole | undefined {
  const { lead, members } = compositionOn(consortium, on);
  if (lead.creditCode === creditCode) return 'lead';
  return members.some((m) => m.creditCode === creditCode) ? 'member' : undefined;
}

function recipientMemberDetail(
  consortium: ConsortiumState,
  terms: GrantTerms,
  role: RecipientRole | undefined,
): Sentence {
  const { recipient, grantedOn } = terms;
  if (role) return say`${recipient} is the consortium's ${role}`;
  const now = roleOn(consortium, recipient, consortium.lastOn);
  return now
    ? say`${recipient} was neither the lead nor a member of consortium ${consortium.id} on ${grantedOn}, the grant's date`
    : say`${recipient} is neither the lead nor a member of consortium ${consortium.id}`;
}

/** A project keeps the consortium, category and total investment of its first grant. */
function projectConsistency(terms: GrantTerms, state: SubsidyLedgerState): GateOutcome {
  const ids = grantBoundaryIds(terms, fundingCategory(terms.category));
  const project = ids.project ? state.boundaries[ids.project]?.project : undefined;
  const differences = !project
    ? []
    : [
        project.consortiumId !== terms.consortiumId && say`consortium ${project.consortiumId}`,
        project.category !== terms.category && say`category ${project.category}`,
        terms.projectTotalInvestmentFen !== undefined &&
          project.totalInvestmentFen !== terms.projectTotalInvestmentFen &&
          say`total investment ${amountText(project.totalInvestmentFen ?? 0)}`,
      ].filter((x): x is Sentence => x !== false);
  return {
    code: 'rule-violated',
    check: check(
      LEDGER.projectConsistent,
      differences.length === 0,
      differences.length === 0
        ? say`project ${terms.projectId} ${project ? say`matches its earlier grants` : say`is granted for the first time`}`
        : say`project ${terms.projectId} was first granted with ${listOf(differences, 'comma')}`,
    ),
  };
}
