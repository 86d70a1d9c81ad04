/**
 * A consortium policy is data plus small functions: the parameters (each with its clause, dates and any Ledger
 * interpretation), the eligibility rules, the procedure (review steps, public notice, objections, approval) and the
 * consequences of later events (lead change, rename, evaluations). The decider knows no policy by name.
 */
import { BusinessDate } from '../shared/dates';
import { PolicyParam, RuleCheck, RuleRef } from '../shared/rule';
import { ConsortiumPolicyId } from '../shared/policy-ids';
import { Governance, Unit } from '../shared/unit';
import { ReviewStage } from '../shared/procedure';

/** What eligibility is judged on: the filing, or the consortium as it stands after a change. */
export interface ConsortiumApplication {
  name: string;
  lead: Unit;
  members: Unit[]; // excludes the lead
  agreementSigned: boolean;
  integrityCommitment: boolean;
  governance: Governance;
}

export interface NoticeLength {
  unit: 'working-days' | 'calendar-days';
  days: number;
}

/**
 * A lead's claim recorded in the lead registry (a stream per policy + lead) when it files, so that a rule spanning
 * consortia can be decided on one stream. `while-live`: released when the consortium ends (nmg.one-per-lead).
 * `calendar-year`: never released; it blocks other filings by the same lead in the same calendar year (luzhou.annual-call).
 */
export type LeadClaimTerm = 'while-live' | 'calendar-year' | 'while-active';

/**
 * Claims made at filing decide a rule spanning consortia there (`while-live`, `calendar-year`); a `while-active` claim
 * is made at approval and records a status other decisions read (liaoning's 盟主, from approval until the alliance ends
 * or changes its 盟主).
 */
export const isClaimedAtFiling = (term: LeadClaimTerm): boolean => term !== 'while-active';

/**
 * A rule whose clause says 原则上 ("as a rule"): it can be waived for one consortium, on the approving document
 * (ledger.waivers). Rules without 原则上 cannot be waived.
 */
export interface WaivableRule extends RuleRef {
  /** The clause's words, 原则上 included, as the text writes them. */
  text: string;
  /**
   * Where the rule refuses: the filing itself (a rule spanning consortia, so it is waived in the filing body) or
   * approval and every later re-assessment (waived before approval, or later, on its own).
   */
  decidedAt: 'filing' | 'approval';
  /** The rule judges the lead: its waiver holds while the unit it was granted for leads. */
  aboutLead?: boolean;
}

/** Evaluation rules: when they are due, what they must cover, and what grades lead to. */
export interface EvaluationRules extends RuleRef {
  /** Years between evaluations: they fall due on the anniversaries of approval (ledger.evaluation-window). */
  cycleYears?: PolicyParam<number>;
  /** Aspects an evaluation must score (liaoning.evaluation). */
  aspects?: PolicyParam<ReadonlyArray<EvaluationAspect>>;
  /** This many consecutive unqualified evaluations delist the consortium (luzhou.delist). */
  delistAfterConsecutiveUnqualified?: PolicyParam<number>;
}

export interface EvaluationAspect {
  key: string; // e.g. 'construction-direction'
  name: string; // e.g. '建设方向'
}

export interface AnnualReportRules extends RuleRef {
  /** Ledger interpretation: the report for year Y is due on Y-<MM-DD>. */
  dueMonthDay: PolicyParam<string>;
}

/**
 * What a lead change does, and the rule the LeadChanged event names: the dissolution rule where it dissolves the
 * consortium (nmg.dissolve-on-lead-change), else the policy's lead rule the new lead must pass (e.g. liaoning.mengzhu).
 */
export type LeadChangeEffect = { effect: 'dissolve' | 'replace-if-lead-rules-pass' } & RuleRef;
/**
 * What a rename does, and the rule the ConsortiumRenamed event names: the dissolution rule where it dissolves the
 * consortium (nmg.dissolve-on-rename), else lifecycle.rename.
 */
export type RenameEffect = { effect: 'dissolve' | 'rename' } & RuleRef;

/**
 * A programme's own target for the number of its consortia, as its text states it: this many by this date, "about"
 * (左右) or "at least" (以上). The ledger counts active consortia toward it (ledger.programme-targets).
 */
export interface ConsortiaTarget {
  count: number;
  by: BusinessDate;
  reading: 'about' | 'at-least';
}

/** What a programme sets out to build, for dashboards: how many consortia, and how many per key chain (产业链). */
export interface ProgrammeTargets {
  consortia: PolicyParam<ConsortiaTarget>;
  /** At least this many consortia on every key chain; filings under the policy may name their `chain`. */
  perChainMin?: PolicyParam<number>;
}

export interface ConsortiumPolicy {
  id: ConsortiumPolicyId;
  title: string;
  issuer: string;
  issuedOn: BusinessDate;
  /**
   * The period filings, approvals and evaluations must fall in (outside it: `policy-not-in-force`).
   * Approval is included because it is the act of listing (Tianjin's 备案) under the policy.
   */
  inForce: { from: BusinessDate; to?: BusinessDate; interpretation?: string } & RuleRef;
  /** Every number and Ledger interpretation of the policy, for display; the functions below read them. */
  params: Readonly<Record<string, PolicyParam<unknown>>>;
  /** The rules a lead must pass: at filing (inside `eligibility`) and when the lead is replaced. */
  leadRules(lead: Unit, members: Unit[], on: BusinessDate): RuleCheck[];
  /** Every eligibility rule, lead rules included; a list of verdicts, never a boolean. */
  eligibility(application: ConsortiumApplication, on: BusinessDate): RuleCheck[];
  /** A rule spanning consortia, decided on the lead registry; refused at filing when broken. */
  leadClaim?: PolicyParam<LeadClaimTerm>;
  /** The rules whose clause says 原则上, which a waiver may set aside for one consortium. */
  waivable: ReadonlyArray<WaivableRule>;
  procedure: {
    /** Named by the filing (ConsortiumFiled): the policy's application step, or lifecycle.filing. */
    filing: RuleRef;
    /** Review steps in order; every stage of a step must pass before the next step and before the notice. */
    reviewSteps: PolicyParam<ReadonlyArray<ReadonlyArray<ReviewStage>>>;
    notice: PolicyParam<NoticeLength>;
    /** Approval needs every objection resolved and none upheld; named by ObjectionRecorded and ObjectionResolved too. */
    objections: RuleRef;
    /** Named by approval and rejection. */
    approval: RuleRef;
    withdrawal: RuleRef;
    /** Named by member changes (MemberAdded, MemberRemoved): lifecycle.members, with the policy's clause where it has one. */
    members: RuleRef;
    dissolution: RuleRef;
  };
  onLeadChange: LeadChangeEffect;
  onRename: RenameEffect;
  evaluation: EvaluationRules;
  annualReport?: AnnualReportRules;
  /** The programme's targets, where its text sets any (shown on the dashboard, never a reason to refuse). */
  targets?: ProgrammeTargets;
  /** Funding (categories, caps) belongs to the subsidy module; the categories are listed here for it to use. */
  funding: { categories: ReadonlyArray<string> };
}

/** Every Ledger interpretation a policy carries, for the API's output. */
export function interpretationsOf(policy: ConsortiumPolicy): Array<RuleRef & { interpretation: string }> {
  const fromParams = Object.values(policy.params)
    .filter((p) => p.interpretation)
    .map((p) => ({ rule: p.rule, citation: p.citation, interpretation: p.interpretation as string }));
  const inForce = policy.inForce.interpretation
    ? [{ rule: policy.inForce.rule, citation: policy.inForce.citation, interpretation: policy.inForce.interpretation }]
    : [];
  return [...inForce, ...fromParams];
}

/**
 * A next evaluation due date, or undefined when it falls after the policy's end: an evaluation on it would be refused
 * (policy-not-in-force), so none is due. Tianjin's measures end 2020-12-31 (第二十一条): 3 years from any approval
 * under them fall after that.
 */
export function nextDueWithinPolicy(policy: ConsortiumPolicy, due: BusinessDate): BusinessDate | undefined {
  const { to } = policy.inForce;
  return to !== undefined && due > to ? undefined : due;
}
