/**
 * The grant decision: validity rules first (each a RuleCheck recorded on the event), then every cap of the
 * category and its policy, each against the boundary stream it is counted on.
 */
import { ConsortiumState } from '../consortium/consortium.state';
import { Decision, reject } from '../shared/decision';
import { RuleCheck } from '../shared/rule';
import { initialBoundaryState } from './funding-boundaries';
import { grantBoundaryIds } from './funding-streams';
import { capExceeded, exceeds, grantEvents, recordOf, refuse } from './grant-record';
import { roleOf, validityGates } from './grant-validity';
import {
  dateProblems,
  InputProblem,
  invalidInput,
  positiveAmountProblems,
  textProblems,
} from '../shared/input-problems';
import { GrantSubsidy } from './subsidy.commands';
import { SubsidyLedgerEvent } from './subsidy.events';
import { SubsidyLedgerState } from './subsidy.state';
import {
  FUNDING_CATEGORY_IDS,
  FundingCategory,
  GrantFacts,
  GrantRequest,
  isFundingCategoryId,
  LoadedBoundary,
} from '../policies/funding/funding-policy';
import { fundingCategory, fundingPolicy } from '../policies/funding/funding-catalog';
import { LEDGER_FUNDING_RULES as LEDGER } from '../policies/funding/ledger-funding-rules';

export interface SubsidyContext {
  /** The consortium a grant names, folded from its own stream. Only grants read it. */
  consortium?: ConsortiumState;
}

export function decideGrant(
  command: GrantSubsidy,
  state: SubsidyLedgerState,
  context: SubsidyContext,
): Decision<SubsidyLedgerEvent> {
  const d = command.data;
  const problems = grantInputProblems(d);
  if (problems.length > 0) return invalidInput(problems);
  const category = fundingCategory(d.category)!;
  const missing = missingFields(category, d);
  if (missing.length > 0) return invalidInput(missing, LEDGER.grantFields);
  if (state.subsidies[d.subsidyId]?.exists) {
    return reject('invalid-state', `subsidy ${d.subsidyId} is already granted`, LEDGER.subsidyUnique);
  }
  const request = requestOf(d, category);

  const checks: RuleCheck[] = [];
  const gates = validityGates(request, category, state, context.consortium);
  for (const gate of gates) {
    const outcome = gate();
    if (!outcome.check.ok) return refuse(outcome.code, outcome.check);
    checks.push(outcome.check);
  }

  const consortium = context.consortium!;
  const facts = factsOf(request, category, consortium, state);
  const policy = fundingPolicy(consortium.policy);
  const categoryChecks = category.rules(facts);
  const broken = categoryChecks.find((c) => !c.ok);
  if (broken) return refuse('rule-violated', broken);

  const caps = [...category.caps(facts), ...policy.policyCaps(facts)];
  const exceeded = caps.find((cap) => exceeds(cap, request.amountFen));
  if (exceeded) return capExceeded(exceeded, caps, request.amountFen);

  return grantEvents(facts, category, [...checks, ...categoryChecks], caps.map(recordOf(request.amountFen)));
}

// ---- input ----

function grantInputProblems(d: GrantSubsidy['data']): InputProblem[] {
  const categoryProblem = isFundingCategoryId(d.category)
    ? []
    : [{ field: 'category', problem: `must be one of ${FUNDING_CATEGORY_IDS.join(', ')}` }];
  const yearProblem = Number.isSafeInteger(d.fiscalYear) ? [] : [{ field: 'fiscalYear', problem: 'must be a year' }];
  return [
    ...textProblems('subsidyId', d.subsidyId),
    ...textProblems('consortiumId', d.consortiumId),
    ...textProblems('recipient', d.recipient),
    ...categoryProblem,
    ...positiveAmountProblems('amount', d.amountFen),
    ...yearProblem,
    ...dateProblems('grantedOn', d.grantedOn),
  ];
}

function missingFields(category: FundingCategory, d: GrantSubsidy['data']): InputProblem[] {
  return category.requires.flatMap((field) => {
    const problem = `is required for ${category.id}`;
    if (field === 'projectTotalInvestmentFen') {
      const apiField = 'projectTotalInvestment';
      return d.projectTotalInvestmentFen === undefined
        ? [{ field: apiField, problem }]
        : positiveAmountProblems(apiField, d.projectTotalInvestmentFen);
    }
    return textProblems(field, d[field]).map((p) => ({ ...p, problem }));
  });
}

/** Only the fields the category uses are kept (a platformId sent with operating funds means nothing). */
function requestOf(d: GrantSubsidy['data'], category: FundingCategory): GrantRequest {
  const uses = (field: 'projectId' | 'projectTotalInvestmentFen' | 'platformId') =>
    category.requires.includes(field) ? d[field] : undefined;
  return {
    subsidyId: d.subsidyId,
    consortiumId: d.consortiumId,
    recipient: d.recipient,
    category: category.id,
    amountFen: d.amountFen,
    fiscalYear: d.fiscalYear,
    grantedOn: d.grantedOn,
    projectId: uses('projectId') as string | undefined,
    projectTotalInvestmentFen: uses('projectTotalInvestmentFen') as number | undefined,
    platformId: uses('platformId') as string | undefined,
  };
}

// ---- facts ----

function factsOf(
  request: GrantRequest,
  category: FundingCategory,
  consortium: ConsortiumState,
  state: SubsidyLedgerState,
): GrantFacts {
  const ids = grantBoundaryIds(request, category);
  const load = (streamId: string | undefined): LoadedBoundary | undefined =>
    streamId === undefined ? undefined : { streamId, state: state.boundaries[streamId] ?? initialBoundaryState() };
  return {
    request,
    consortium,
    recipientRole: roleOf(consortium, request.recipient)!,
    recipientYear: load(ids.recipientYear)!,
    project: load(ids.project),
    platform: load(ids.platform),
    alliance: load(ids.alliance),
  };
}
