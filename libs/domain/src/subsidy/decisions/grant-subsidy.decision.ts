import { say } from '../../shared/sentence';
import { leadsInYear, LeadRegistryState } from '../../lead-registry/lead-registry.state';
import { LEDGER_FUNDING_RULES as LEDGER } from '../../policies/funding/ledger-funding-rules';
import { BusinessDate } from '../../shared/dates';
import { compositionOn, ConsortiumState, Evaluation } from '../../consortium/consortium.state';
import { Decision, isRejection, reject } from '../../shared/decision';
import { FundingCategory, GrantFacts } from '../../policies/funding/funding-policy';
import { GrantSubsidy } from '../subsidy.commands';
import {
  InputProblem,
  dateProblems,
  integerProblems,
  invalidInput,
  oneOfProblems,
  positiveAmountProblems,
  movementAmountProblems,
  textProblems,
} from '../../shared/input-problems';
import { RuleCheck } from '../../shared/rule';
import { isPendingGrant, SubsidyContext } from '../subsidy.context';
import { addDays } from '../../shared/dates';
import { SubsidyLedgerEvent } from '../subsidy.events';
import { SubsidyLedgerState, subsidyIn } from '../subsidy.state';
import { capExceeded, grantEvents, recordedAsFacts, recordOf, refuse } from './grant-record';
import { capFacts } from '../subsidy.caps';
import { capsFor, exceeds } from '../../policies/funding/funding-caps';
import { fundingCategory } from '../../policies/funding/funding-catalog';
import { initialBoundaryState } from '../../policies/funding/funding-boundary';
import { roleOn, validityGates } from './grant-validity';
import { FUNDING_CATEGORY_IDS, GrantField, GrantTerms } from '../../policies/funding/grant-terms';

/**
 * The grant decision: input first, then the validity rules (each a RuleCheck recorded on the grant), the category's
 * rules, and every cap of the category and its policy (`capsFor`), each against the boundary stream it is counted on.
 * The grant records its checks' and caps' sentences as facts (recordedAsFacts).
 */
export function decideGrant(
  command: GrantSubsidy,
  state: SubsidyLedgerState,
  context: SubsidyContext,
): Decision<SubsidyLedgerEvent> {
  const said = decideGrantInWords(command, state, context);
  return isRejection(said) ? said : said.map(recordedAsFacts);
}

/** The grant decision with every check's and cap's sentence as said (the words the views render back). */
export function decideGrantInWords(
  command: GrantSubsidy,
  state: SubsidyLedgerState,
  context: SubsidyContext,
): Decision<SubsidyLedgerEvent> {
  const input = command.data;
  const problems = grantInputProblems(input);
  if (problems.length > 0) return invalidInput(problems);
  const category = fundingCategory(input.category)!;
  const missing = missingFields(category, input);
  if (missing.length > 0) return invalidInput(missing, LEDGER.grantFields);
  if (subsidyIn(state, input.subsidyId)?.exists) {
    return reject('invalid-state', say`subsidy ${input.subsidyId} is already granted`, LEDGER.subsidyUnique);
  }
  const terms = termsOf(input, category);

  const checks: RuleCheck[] = [];
  for (const gate of validityGates(terms, category, state, context.consortium)) {
    const outcome = gate();
    if (!outcome.check.ok) return refuse(outcome.code, outcome.check);
    checks.push(outcome.check);
  }

  const consortium = context.consortium!;
  const facts = grantFactsOf(terms, category, consortium, state, context.recipientRegistry);
  const categoryChecks = category.rules(facts);
  const broken = categoryChecks.find((c) => !c.ok);
  if (broken) return refuse('rule-violated', broken);

  const caps = capsFor(facts);
  const exceeded = caps.find((cap) => exceeds(cap, terms.amountFen));
  if (exceeded) return capExceeded(exceeded, caps, terms.amountFen);

  const granted = grantEvents(
    facts,
    category,
    consortium,
    [...checks, ...categoryChecks],
    caps.map(recordOf(terms.amountFen)),
  );
  return isPendingGrant(terms, context.dualControl) ? asPending(granted, terms, context) : granted;
}

/**
 * ledger.dual-control: at or above the threshold in force the grant is recorded pending — holding its headroom like
 * any grant — with the threshold, its maker and its expiry, and listed among the grants waiting for a signature.
 */
function asPending(events: SubsidyLedgerEvent[], terms: GrantTerms, context: SubsidyContext): SubsidyLedgerEvent[] {
  const { thresholdFen, pendingDays } = context.dualControl!;
  if (context.actor === undefined) throw new Error('a grant under dual control needs context.actor: its maker');
  const dualControl = { thresholdFen, maker: context.actor, expiresOn: addDays(terms.grantedOn, pendingDays) };
  const withTerms = events.map((event) =>
    event.type === 'SubsidyGranted' ? { ...event, data: { ...event.data, dualControl } } : event,
  );
  const { subsidyId, amountFen } = terms;
  return [
    ...withTerms,
    {
      type: 'PendingGrantOpened',
      data: { ...LEDGER.dualControl, subsidyId, amountFen, maker: dualControl.maker, expiresOn: dualControl.expiresOn },
    },
  ];
}

function grantInputProblems(d: GrantTerms): InputProblem[] {
  return [
    ...textProblems('subsidyId', d.subsidyId),
    ...textProblems('consortiumId', d.consortiumId),
    ...textProblems('recipient', d.recipient),
    ...oneOfProblems('category', d.category, FUNDING_CATEGORY_IDS),
    ...movementAmountProblems('amount', d.amountFen),
    ...integerProblems('fiscalYear', d.fiscalYear),
    ...dateProblems('grantedOn', d.grantedOn),
    ...(d.rdSpendingFen === undefined ? [] : positiveAmountProblems('rdSpending', d.rdSpendingFen)),
  ];
}

/** The API's names of the fields a category may require. */
const FIELD_NAMES: Record<GrantField, string> = {
  projectId: 'projectId',
  projectTotalInvestmentFen: 'projectTotalInvestment',
  platformId: 'platformId',
  rdSpendingFen: 'rdSpending',
};
const AMOUNT_FIELDS: ReadonlyArray<GrantField> = ['projectTotalInvestmentFen', 'rdSpendingFen'];

function missingFields(category: FundingCategory, d: GrantTerms): InputProblem[] {
  return category.requires.flatMap((field) => {
    const problem = say`is required for ${category.id}`;
    const value = d[field];
    if (value === undefined) return [{ field: FIELD_NAMES[field], problem }];
    return AMOUNT_FIELDS.includes(field)
      ? positiveAmountProblems(FIELD_NAMES[field], value)
      : textProblems(FIELD_NAMES[field], value).map((p) => ({ ...p, problem }));
  });
}

/** Only the fields the category uses are kept (a platformId sent with operating funds means nothing). */
function termsOf(d: GrantTerms, category: FundingCategory): GrantTerms {
  const { projectId, projectTotalInvestmentFen, platformId, rdSpendingFen, ...always } = d;
  const uses = (field: GrantField) => category.requires.includes(field) || (category.accepts ?? []).includes(field);
  // Keys set one by one on a copy, not spread into a literal (docs/ARCHITECTURE.md, "Objects on the command path").
  const terms: GrantTerms = Object.assign({}, always);
  if (uses('projectId')) terms.projectId = projectId;
  if (uses('projectTotalInvestmentFen')) terms.projectTotalInvestmentFen = projectTotalInvestmentFen;
  if (uses('platformId')) terms.platformId = platformId;
  if (uses('rdSpendingFen') && rdSpendingFen !== undefined) terms.rdSpendingFen = rdSpendingFen;
  return terms;
}

function grantFactsOf(
  terms: GrantTerms,
  category: FundingCategory,
  consortium: ConsortiumState,
  state: SubsidyLedgerState,
  registry: LeadRegistryState | undefined,
): GrantFacts {
  const latest = latestEvaluation(consortium, terms.grantedOn);
  const recipientRole = roleOn(consortium, terms.recipient, terms.grantedOn)!;
  const { lead, members } = compositionOn(consortium, terms.grantedOn);
  const recipientUnit = [lead, ...members].find((u) => u.creditCode === terms.recipient)!;
  // liaoning.mengzhu-status: a 盟主 at any time in the grant's fiscal year, as far as the registry knows now.
  const recipientLeads = [
    ...new Set([
      ...(recipientRole === 'lead' ? [consortium.id] : []),
      ...(registry ? leadsInYear(registry, terms.fiscalYear) : []),
    ]),
  ];
  const facts: GrantFacts = Object.assign(
    capFacts(
      {
        terms,
        policy: consortium.policy,
        recipientRole,
        recipientLeads,
        ...(category.rewardsEvaluation && latest && { evaluationPeriod: latest.period }),
      },
      category,
      (streamId) => state.boundaries[streamId] ?? initialBoundaryState(),
    ),
    { recipientUnit },
  );
  if (latest) facts.latestEvaluation = latest;
  return facts;
}

/** The consortium's latest evaluation on or before a date. */
function latestEvaluation(consortium: ConsortiumState, on: BusinessDate): Evaluation | undefined {
  return consortium.evaluations
    .filter((e) => e.on <= on)
    .reduce<Evaluation | undefined>((latest, e) => (!latest || e.on >= latest.on ? e : latest), undefined);
}
