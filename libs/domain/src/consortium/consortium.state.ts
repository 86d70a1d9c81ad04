import { BusinessDate } from '../shared/dates';
import { ConsortiumPolicyId } from '../shared/policy-ids';
import { Grade, ReviewStage } from '../shared/procedure';
import { Governance, Unit } from '../shared/unit';
import { RuleCheck, RuleRef } from '../shared/rule';

export const CONSORTIUM_STATUSES = [
  'filed',
  'under-review',
  'public-notice',
  'active',
  'dissolved',
  'delisted',
  'rejected',
  'withdrawn',
] as const;
export type ConsortiumStatus = (typeof CONSORTIUM_STATUSES)[number];
export const ENDED_STATUSES: ReadonlyArray<ConsortiumStatus> = ['dissolved', 'delisted', 'rejected', 'withdrawn'];

export interface Review {
  stage: ReviewStage;
  outcome: 'pass' | 'fail';
  on: BusinessDate;
  notes?: string;
}

export interface Objection {
  n: number; // 1-based, in the order recorded
  on: BusinessDate;
  text: string;
  resolution?: { on: BusinessDate; outcome: 'upheld' | 'dismissed' };
}

export interface Evaluation {
  period: string;
  on: BusinessDate;
  grade: Grade;
  scores?: Record<string, number>;
}

export interface AnnualReport {
  year: number;
  submittedOn: BusinessDate;
  summary: boolean;
  plan: boolean;
  dueOn: BusinessDate;
}

/** The state every consortium decision is taken on; also the detail read model and the as-of answer. */
export interface ConsortiumState {
  exists: boolean;
  id: string;
  policy: ConsortiumPolicyId;
  name: string;
  status: ConsortiumStatus;
  filedOn: BusinessDate;
  lead: Unit;
  members: Unit[]; // excludes the lead
  agreementSigned: boolean;
  integrityCommitment: boolean;
  governance: Governance;
  /** Eligibility as last assessed (at filing, and again whenever members or lead change). */
  eligibility: RuleCheck[];
  reviews: Review[];
  notice?: {
    startsOn: BusinessDate;
    endsOn: BusinessDate;
    workingDays: number; // the notice's length when counted in working days (0 for calendar-day notices)
    rule: string;
    citation: string;
    unit: 'working-days' | 'calendar-days';
    days: number;
  };
  objections: Objection[];
  approvedOn?: BusinessDate;
  evaluations: Evaluation[];
  /** When the next evaluation is due, where the policy has an evaluation cycle. */
  nextEvaluationDueOn?: BusinessDate;
  annualReports: AnnualReport[];
  /** The latest business date recorded: later commands may not be dated before it. */
  lastOn: BusinessDate;
  /** Set when the consortium ends: dissolved, delisted, rejected or withdrawn. */
  ended?: { on: BusinessDate; reason: string } & Partial<RuleRef>;
}
