/**
 * The grant decision: validity rules first (each a RuleCheck recorded on the event), then every cap of the
 * category and its policy, each against the boundary stream it is counted on.
 */
import { ConsortiumState } from '../consortium/consortium.state';
import { yearOf } from '../shared/dates';
import { Decision, reject, Rejection, RejectionCode } from '../shared/decision';
import { check, RuleCheck } from '../shared/rule';
import {
  amountText,
  CapEvaluation,
  CapRecord,
  FUNDING_CATEGORY_IDS,
  fundingCategory,
  FundingCategory,
  fundingPolicy,
  GrantFacts,
  GrantRequest,
  integrityCheck,
  isFundingCategoryId,
  isInForceOn,
  LEDGER_FUNDING_RULES as LEDGER,
  LoadedBoundary,
  RecipientRole,
} from '../policies/funding';
import { FundingCommitted, initialBoundaryState } from './funding-boundaries';
import { boundaryStreamList, grantBoundaryIds } from './funding-streams';
import { amountProblem, dateProblem, InputProblem, invalidInput, textProblem } from './subsidy-input';
import { GrantSubsidy } from './subsidy.commands';
import { SubsidyGranted, SubsidyLedgerEvent } from './subsidy.events';
import { SubsidyLedgerState } from './subsidy.state';

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
    ...textProblem('subsidyId', d.subsidyId),
    ...textProblem('consortiumId', d.consortiumId),
    ...textProblem('recipient', d.recipient),
    ...categoryProblem,
    ...amountProblem('amountFen', d.amountFen),
    ...yearProblem,
    ...dateProblem('grantedOn', d.grantedOn),
  ];
}

function missingFields(category: FundingCategory, d: GrantSubsidy['data']): InputProblem[] {
  return category.requires.flatMap((field) => {
    const problem = `is required for ${category.id}`;
    if (field === 'projectTotalInvestmentFen') {
      return d.projectTotalInvestmentFen === undefined
        ? [{ field, problem }]
        : amountProblem(field, d.projectTotalInvestmentFen);
    }
    return textProblem(field, d[field]).map((p) => ({ ...p, problem }));
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

// ---- validity ----

interface GateOutcome {
  code: RejectionCode;
  check: RuleCheck;
}

/** In order; each gate may rely on the ones before it having passed. */
function validityGates(
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

// ---- caps ----

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

const exceeds = (cap: CapEvaluation, amountFen: number): boolean =>
  cap.limitFen !== null && (cap.usedFen ?? 0) + amountFen > cap.limitFen;

const recordOf =
  (amountFen: number) =>
  (cap: CapEvaluation): CapRecord => ({
    rule: cap.rule,
    citation: cap.citation,
    scope: cap.scope,
    limitFen: cap.limitFen,
    usedBeforeFen: cap.usedFen,
    headroomAfterFen: cap.limitFen === null ? null : cap.limitFen - (cap.usedFen ?? 0) - amountFen,
    detail: cap.detail,
    ...(cap.interpretation ? { interpretation: cap.interpretation } : {}),
  });

function capExceeded(cap: CapEvaluation, all: CapEvaluation[], requestedFen: number): Rejection {
  const limit = cap.limitFen!;
  const used = cap.usedFen ?? 0;
  const headroom = Math.max(0, limit - used);
  return reject(
    'cap-exceeded',
    `${cap.rule} (${cap.citation}): ${amountText(requestedFen)} requested, ${amountText(headroom)} of the limit ` +
      `${amountText(limit)} remains (${amountText(used)} used); ${cap.detail}`,
    {
      rule: cap.rule,
      citation: cap.citation,
      cap: { limit, used, requested: requestedFen, headroom },
      details: all.map((c) => ({
        rule: c.rule,
        citation: c.citation,
        scope: c.scope,
        ok: !exceeds(c, requestedFen),
        limitFen: c.limitFen,
        usedFen: c.usedFen,
        headroomFen: c.limitFen === null ? null : Math.max(0, c.limitFen - (c.usedFen ?? 0)),
        detail: c.detail,
      })),
    },
  );
}

const refuse = (code: RejectionCode, failed: RuleCheck): Rejection =>
  reject(code, `${failed.rule} (${failed.citation}): ${failed.detail}`, {
    rule: failed.rule,
    citation: failed.citation,
    details: [failed],
  });

// ---- events ----

function grantEvents(
  facts: GrantFacts,
  category: FundingCategory,
  checks: RuleCheck[],
  caps: CapRecord[],
): SubsidyLedgerEvent[] {
  const { request, consortium, recipientRole } = facts;
  const boundaries = boundaryStreamList(grantBoundaryIds(request, category));
  const evaluationPeriod = category.evaluationPeriod?.(facts);
  const optional = {
    ...(request.projectId !== undefined ? { projectId: request.projectId } : {}),
    ...(request.projectTotalInvestmentFen !== undefined
      ? { projectTotalInvestmentFen: request.projectTotalInvestmentFen }
      : {}),
    ...(request.platformId !== undefined ? { platformId: request.platformId } : {}),
    ...(evaluationPeriod !== undefined ? { evaluationPeriod } : {}),
  };
  const granted: SubsidyGranted = {
    type: 'SubsidyGranted',
    data: {
      ...category.grantRule,
      subsidyId: request.subsidyId,
      consortiumId: consortium.id,
      policy: consortium.policy,
      category: category.id,
      recipient: request.recipient,
      recipientRole,
      responsibleUnit: consortium.lead.creditCode,
      amountFen: request.amountFen,
      fiscalYear: request.fiscalYear,
      grantedOn: request.grantedOn,
      ...optional,
      checks,
      caps,
      boundaries,
    },
  };
  const committed = boundaries.map(
    (boundary): FundingCommitted => ({
      type: 'FundingCommitted',
      data: {
        ...category.grantRule,
        boundary,
        subsidyId: request.subsidyId,
        consortiumId: consortium.id,
        policy: consortium.policy,
        category: category.id,
        recipient: request.recipient,
        recipientRole,
        fiscalYear: request.fiscalYear,
        amountFen: request.amountFen,
        on: request.grantedOn,
        ...optional,
        caps: caps.filter((cap) => cap.scope === boundary),
      },
    }),
  );
  return [granted, ...committed];
}
