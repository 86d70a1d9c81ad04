import { BusinessDate } from '../shared/dates';
import { ConsortiumPolicyId } from '../shared/policy-ids';
import { Grade, ReviewStage } from '../shared/procedure';
import { Governance, Unit } from '../shared/unit';
import { Words } from '../shared/sentence';
import { RuleCheck, RuleRef } from '../shared/rule';
import { ConsortiumEvent } from './consortium.events';
import { consortiumPolicies } from '../policies/consortium-policies';
import { isConsortiumPolicyId } from '../shared/policy-ids';
import { nextDueWithinPolicy } from '../policies/policy';
import { Waiver, withWaivers } from './consortium.waivers';

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
  /** The evaluation cycle it was placed in, where the policy has cycles (recorded from catalogue 2026-12-01 on). */
  cycle?: number;
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
  /** The key industrial chain (产业链) named at filing (nmg.chain-coverage). */
  chain?: string;
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
  /** 原则上 rules set aside for this consortium (ledger.waivers), in the order recorded. */
  waivers: Waiver[];
  /** Set when the consortium ends: dissolved, delisted, rejected or withdrawn. */
  ended?: { on: BusinessDate; reason: Words } & Partial<RuleRef>;
  /**
   * The lead and members it had before each change of either (a member added or removed, a lead change), oldest
   * first: who the consortium was on an earlier date, which a grant dated then is judged on (`compositionOn`). Empty
   * until the first change; not part of the views.
   */
  formerCompositions: FormerComposition[];
}

/** Who led the consortium and who were its members (the lead excluded). */
export interface Composition {
  lead: Unit;
  members: ReadonlyArray<Unit>;
}

/** The consortium's lead and members from `from` until the day before `until`. */
export interface FormerComposition extends Composition {
  from: BusinessDate;
  until: BusinessDate;
}

/** The consortium as it stood at the end of `on` (a change dated `on` included); as it stands now after its last change. */
export function compositionOn(state: ConsortiumState, on: BusinessDate): Composition {
  return (state.formerCompositions ?? []).find((c) => c.from <= on && on < c.until) ?? state;
}

const NO_UNIT: Unit = { creditCode: '', name: '', kind: 'other' };

export function initialState(): ConsortiumState {
  return {
    exists: false,
    id: '',
    policy: 'nmg-2024-consortium',
    name: '',
    status: 'filed',
    filedOn: '',
    lead: NO_UNIT,
    members: [],
    agreementSigned: false,
    integrityCommitment: false,
    governance: { council: false, expertCommittee: false, secretariat: false, managementBody: false },
    eligibility: [],
    reviews: [],
    objections: [],
    evaluations: [],
    annualReports: [],
    waivers: [],
    lastOn: '',
    formerCompositions: [],
  };
}

const later = (a: string, b: string | undefined): string => (b !== undefined && b > a ? b : a);

export function evolve(state: ConsortiumState, event: ConsortiumEvent): ConsortiumState {
  if (typeof event !== 'object' || event === null || typeof event.data !== 'object' || event.data === null)
    return state;
  if (event.type === 'ConsortiumFiled') {
    const d = event.data;
    // Written out key by key, in the initial state's order (a spread of it adding `chain` would make a new hidden
    // class each time: docs/ARCHITECTURE.md, "Objects on the command path").
    const filed: ConsortiumState = {
      exists: true,
      id: d.consortiumId,
      policy: d.policy,
      name: d.name,
      status: 'filed',
      filedOn: d.filedOn,
      lead: d.lead,
      members: d.members,
      agreementSigned: d.agreementSigned,
      integrityCommitment: d.integrityCommitment,
      governance: d.governance,
      eligibility: d.eligibility,
      reviews: [],
      objections: [],
      evaluations: [],
      annualReports: [],
      waivers: [],
      lastOn: d.filedOn,
      formerCompositions: [],
    };
    if (d.chain !== undefined) filed.chain = d.chain;
    return filed;
  }
  if (!state.exists) return state;
  const lastOn = later(state.lastOn, dateOf(event));
  // Each event's state is one `Object.assign` of the state and what the event changes: a spread adding a key (notice,
  // approvedOn, nextEvaluationDueOn, ended) would make a new hidden class each time (docs/ARCHITECTURE.md, "Objects on
  // the command path"), and the same keys come out in the same order.
  switch (event.type) {
    case 'ReviewRecorded': {
      const { stage, outcome, on, notes } = event.data;
      return Object.assign({}, state, {
        lastOn,
        status: state.status === 'filed' ? ('under-review' as const) : state.status,
        reviews: [...state.reviews, { stage, outcome, on, ...(notes !== undefined ? { notes } : {}) }],
      });
    }
    case 'PublicNoticeStarted': {
      const { startsOn, endsOn, unit, days, rule, citation } = event.data;
      const workingDays = unit === 'working-days' ? days : 0;
      return Object.assign({}, state, {
        lastOn,
        status: 'public-notice' as const,
        notice: { startsOn, endsOn, workingDays, rule, citation, unit, days },
      });
    }
    case 'ObjectionRecorded': {
      const { n, on, text } = event.data;
      return Object.assign({}, state, { lastOn, objections: [...state.objections, { n, on, text }] });
    }
    case 'ObjectionResolved': {
      const { n, on, outcome } = event.data;
      return Object.assign({}, state, {
        lastOn,
        objections: state.objections.map((o) =>
          o.n === n ? Object.assign({}, o, { resolution: { on, outcome } }) : o,
        ),
      });
    }
    case 'ConsortiumApproved': {
      const nextEvaluationDueOn = dueWithinPolicy(state, event.data.nextEvaluationDueOn);
      const approved = Object.assign({}, state, { lastOn, status: 'active' as const, approvedOn: event.data.on });
      if (nextEvaluationDueOn) approved.nextEvaluationDueOn = nextEvaluationDueOn;
      return approved;
    }
    case 'ConsortiumRejected':
    case 'ConsortiumWithdrawn':
    case 'ConsortiumDissolved':
    case 'ConsortiumDelisted': {
      const status = (
        {
          ConsortiumRejected: 'rejected',
          ConsortiumWithdrawn: 'withdrawn',
          ConsortiumDissolved: 'dissolved',
          ConsortiumDelisted: 'delisted',
        } as const
      )[event.type];
      const { on, rule, citation } = event.data;
      const reason = event.data.reason ?? status;
      return Object.assign({}, state, { lastOn, status, ended: { on, reason, rule, citation } });
    }
    case 'MemberAdded':
      return Object.assign({}, state, {
        lastOn,
        members: [...state.members.filter((m) => m.creditCode !== event.data.member.creditCode), event.data.member],
        eligibility: event.data.eligibility,
        formerCompositions: withFormerComposition(state, dateOf(event) ?? lastOn),
      });
    case 'MemberRemoved':
      return Object.assign({}, state, {
        lastOn,
        members: state.members.filter((m) => m.creditCode !== event.data.creditCode),
        eligibility: event.data.eligibility,
        formerCompositions: withFormerComposition(state, dateOf(event) ?? lastOn),
      });
    case 'LeadChanged': {
      const { previousLead, newLead, eligibility } = event.data;
      return Object.assign({}, state, {
        lastOn,
        lead: newLead,
        members: membersAfterLeadChange(state.members, previousLead, newLead),
        eligibility,
        formerCompositions: withFormerComposition(state, dateOf(event) ?? lastOn),
      });
    }
    case 'ConsortiumRenamed':
      return Object.assign({}, state, { lastOn, name: event.data.name });
    case 'EvaluationRecorded': {
      const { period, on, grade, scores, cycle } = event.data;
      const nextEvaluationDueOn = dueWithinPolicy(state, event.data.nextEvaluationDueOn);
      const evaluation: Evaluation = {
        period,
        on,
        grade,
        ...(scores && { scores }),
        ...(cycle && { cycle: cycle.number }),
      };
      const evaluated = Object.assign({}, state, { lastOn, evaluations: [...state.evaluations, evaluation] });
      // The next due date is set anew, last among the keys as before: usually the last key already, whose delete V8
      // undoes without leaving the object's fast shape.
      delete evaluated.nextEvaluationDueOn;
      if (nextEvaluationDueOn) evaluated.nextEvaluationDueOn = nextEvaluationDueOn;
      return evaluated;
    }
    case 'AnnualReportRecorded': {
      const { year, submittedOn, summary, plan, dueOn } = event.data;
      return Object.assign({}, state, {
        lastOn,
        annualReports: [...state.annualReports, { year, submittedOn, summary, plan, dueOn }],
      });
    }
    case 'RuleWaived': {
      const { consortiumId: _id, ...waiver } = event.data;
      const waivers = [...state.waivers, waiver];
      return Object.assign({}, state, {
        lastOn,
        waivers,
        eligibility: withWaivers(state.eligibility, waivers, state.lead.creditCode),
      });
    }
    default:
      return state;
  }
}

/**
 * A recorded due date, unless it falls after the policy's end: approvals recorded before the ledger checked this
 * (Tianjin, 2020-12-31) carry one, and no evaluation could be recorded on it.
 */
function dueWithinPolicy(state: ConsortiumState, due: BusinessDate | undefined): BusinessDate | undefined {
  if (typeof due !== 'string' || !isConsortiumPolicyId(state.policy)) return due;
  return nextDueWithinPolicy(consortiumPolicies[state.policy], due);
}

/** The composition before a change dated `on` kept, from the previous change (or the filing) until `on`. */
function withFormerComposition(state: ConsortiumState, on: BusinessDate): FormerComposition[] {
  const former = state.formerCompositions ?? [];
  const from = former.length > 0 ? former[former.length - 1].until : state.filedOn;
  return [...former, { from, until: on, lead: state.lead, members: state.members }];
}

/** The new lead leaves the members; the former lead stays on as a member. */
export function membersAfterLeadChange(members: Unit[], previousLead: Unit, newLead: Unit): Unit[] {
  const others = members.filter((m) => m.creditCode !== newLead.creditCode && m.creditCode !== previousLead.creditCode);
  return [...others, previousLead];
}

function dateOf(event: ConsortiumEvent): string | undefined {
  const data = event.data as { on?: string; startsOn?: string; submittedOn?: string };
  return data.on ?? data.startsOn ?? data.submittedOn;
}
