import { Words } from '../../shared/sentence';
/**
 * Funding policies: for each subsidy category, the rules a grant must pass and the caps it is checked against.
 * A category is data (its parameters, each with clause and dates) plus small functions over `GrantFacts` (the
 * grant's terms and the state of the consistency boundaries it touches). The subsidy decider knows no category by name.
 */
import { BusinessDate } from '../../shared/dates';
import { Fen } from '../../shared/money';
import { ConsortiumPolicyId } from '../../shared/policy-ids';
import { Grade } from '../../shared/procedure';
import { LoadedBoundary } from './funding-boundary';
import { Unit } from '../../shared/unit';
import { PolicyParam, RuleCheck, RuleRef } from '../../shared/rule';
import { FundingCategoryId, GrantField, GrantTerms, RecipientRole } from './grant-terms';
import { RecordedWords } from './grant-sentences';

/** Boundaries a category commits its grants to, besides the recipient's fiscal year (which every grant commits to). */
export type ScopeKind = 'project' | 'platform' | 'alliance';

/**
 * What a grant's caps count: its terms, the recipient's role, the evaluation an award is for, and the boundaries as
 * loaded. Everything here is recorded on the grant, so a read model can rebuild the same facts for the caps "now".
 */
export interface CapFacts {
  terms: GrantTerms;
  policy: ConsortiumPolicyId;
  recipientRole: RecipientRole;
  /**
   * The active consortia under the grant's policy that the recipient leads (the grant's own when it is the lead, and
   * any other the registry of leads records): liaoning.mengzhu-annual-cap binds a 盟主 in every role.
   */
  recipientLeads: ReadonlyArray<string>;
  /** tianjin.evaluation-award: the evaluation the award is for. */
  evaluationPeriod?: string;
  recipientYear: LoadedBoundary;
  project?: LoadedBoundary;
  platform?: LoadedBoundary;
  alliance?: LoadedBoundary;
}

/** What a grant's rules read besides: the consortium's latest evaluation on the grant's date. */
export interface GrantFacts extends CapFacts {
  /** The recipient as the consortium lists it (its kind, for rules on who may receive). */
  recipientUnit: Unit;
  latestEvaluation?: { period: string; on: BusinessDate; grade: Grade; cycle?: number };
}

/**
 * One cap as it stands before the grant. `scope` says what it counts: a boundary stream id, 'grant' (a limit on
 * a single grant's amount) or 'alliance' (liaoning.alliance-no-cap). `limitFen: null` records that the policy sets
 * no cap here, so the audit trail says so explicitly; `usedFen: null` when nothing is counted.
 */
export interface CapEvaluation extends RuleRef {
  scope: string;
  limitFen: Fen | null;
  usedFen: Fen | null;
  detail: Words;
  interpretation?: string;
}

/**
 * A cap as recorded on the grant event: the figures it was checked against, so nobody has to recompute them, and the
 * facts its sentence names besides (grant-sentences.ts renders the sentence). Its clause and interpretation are the
 * catalogue's words (funding-texts.ts). Grants recorded before SubsidyGranted version 3 carry the sentence (`detail`),
 * before version 2 the clause and interpretation too.
 */
export interface CapRecord extends RecordedWords {
  rule: string;
  scope: string;
  limitFen: Fen | null;
  usedBeforeFen: Fen | null;
  headroomAfterFen: Fen | null;
  detail?: Words;
  citation?: string;
  interpretation?: string;
}

export interface FundingCategory {
  id: FundingCategoryId;
  policy: ConsortiumPolicyId;
  /** The rule the grant is made under, recorded on its events. */
  grantRule: RuleRef;
  description: string;
  requires: ReadonlyArray<GrantField>;
  /** Optional fields the category keeps when given (others are dropped: a platformId on operating funds means nothing). */
  accepts?: ReadonlyArray<GrantField>;
  scopes: ReadonlyArray<ScopeKind>;
  /** Every number the category's rules read, for display (each with its clause and dates). */
  params: Readonly<Record<string, PolicyParam<unknown>>>;
  /** Rules that are not amounts against a limit: who may receive it, once-only, the evaluation it rewards. */
  rules(facts: GrantFacts): RuleCheck[];
  caps(facts: CapFacts): CapEvaluation[];
  /** An award for the latest evaluation (tianjin.evaluation-award): its period is recorded on the grant. */
  rewardsEvaluation?: boolean;
}

export interface FundingPolicy {
  policy: ConsortiumPolicyId;
  /** Grants dated outside it are `policy-not-in-force`. */
  inForce: { from: BusinessDate; to?: BusinessDate; interpretation?: string } & RuleRef;
  categories: ReadonlyArray<FundingCategory>;
  /** Every parameter of the policy's funding rules, for display (the categories' and the policy-wide ones). */
  params: Readonly<Record<string, PolicyParam<unknown>>>;
  /** Caps across the policy's categories (liaoning.mengzhu-annual-cap, liaoning.alliance-no-cap). */
  policyCaps(facts: CapFacts): CapEvaluation[];
  /** The rule a termination is decided under. */
  termination: RuleRef;
  /**
   * The rule that stops payments on a project once its consortium has ended (dissolved, delisted, withdrawn) until the
   * project's authority decides it continues: nmg.project-change (六(三)), ledger.project-change elsewhere.
   */
  projectChange: RuleRef;
}

export const isInForceOn = (inForce: FundingPolicy['inForce'], on: BusinessDate): boolean =>
  inForce.from <= on && (inForce.to === undefined || on <= inForce.to);
