import { BusinessDate } from '../shared/dates';
import { Fen } from '../shared/money';
import { RuleRef } from '../shared/rule';
import type { CapRecord, FundingCategoryId, RecipientRole } from '../policies/funding/funding-policy';
import {
  evolveBoundary,
  evolveUnit,
  FundingBoundaryState,
  initialBoundaryState,
  initialUnitState,
  UnitIntegrityState,
} from './funding-boundaries';
import { SubsidyEvent, SubsidyLedgerEvent } from './subsidy.events';
import { ConsortiumPolicyId } from '../shared/policy-ids';

export type SubsidyStatus = 'granted' | 'terminated';

/** A subsidy, the fold of its own stream. */
export interface SubsidyState {
  exists: boolean;
  id: string;
  status: SubsidyStatus;
  consortiumId: string;
  policy: ConsortiumPolicyId;
  category: FundingCategoryId;
  recipient: string;
  recipientRole: RecipientRole;
  responsibleUnit: string;
  fiscalYear: number;
  grantedOn: BusinessDate;
  /**
   * The latest business date recorded for the subsidy: its grant's, then each movement's (paidOn, on, receivedOn).
   * ledger.movement-dates refuses a movement dated before it: dates never go backwards within a subsidy.
   */
  lastOn: BusinessDate;
  projectId?: string;
  platformId?: string;
  boundaries: string[];
  caps: CapRecord[];
  grantedFen: Fen;
  disbursedFen: Fen;
  cancelledFen: Fen;
  clawedBackFen: Fen;
  refundedFen: Fen;
  terminated?: RuleRef & { on: BusinessDate; reason: string };
}

export const initialSubsidyState = (id = ''): SubsidyState => ({
  exists: false,
  id,
  status: 'granted',
  consortiumId: '',
  policy: 'nmg-2024-consortium',
  category: 'nmg.project',
  recipient: '',
  recipientRole: 'member',
  responsibleUnit: '',
  fiscalYear: 0,
  grantedOn: '',
  lastOn: '',
  boundaries: [],
  caps: [],
  grantedFen: 0,
  disbursedFen: 0,
  cancelledFen: 0,
  clawedBackFen: 0,
  refundedFen: 0,
});

/** Granted and neither cancelled nor paid yet. */
export const undisbursedFen = (s: SubsidyState): Fen => s.grantedFen - s.cancelledFen - s.disbursedFen;
/** Paid and not yet clawed back. */
export const recoverableFen = (s: SubsidyState): Fen => s.disbursedFen - s.clawedBackFen;
/** Clawed back and not yet returned. */
export const refundDueFen = (s: SubsidyState): Fen => s.clawedBackFen - s.refundedFen;

/** The business date a movement of the subsidy's own stream is dated on. */
export function movementDateOf(event: Exclude<SubsidyEvent, { type: 'SubsidyGranted' }>): BusinessDate {
  return event.type === 'SubsidyDisbursed'
    ? event.data.paidOn
    : event.type === 'SubsidyRefunded'
      ? event.data.receivedOn
      : event.data.on;
}

/**
 * `lastOn` only moves forward, even over movements recorded out of date order before ledger.movement-dates existed.
 * A state a read model stored before `lastOn` existed lacks it: the grant's date stands in.
 */
const later = (a: BusinessDate, b: BusinessDate): BusinessDate => (a > b ? a : b);
const moved = (state: SubsidyState, on: BusinessDate): BusinessDate => later(state.lastOn || state.grantedOn, on);

export function evolveSubsidy(state: SubsidyState, event: SubsidyEvent): SubsidyState {
  switch (event.type) {
    case 'SubsidyGranted': {
      const d = event.data;
      return {
        ...state,
        exists: true,
        id: d.subsidyId,
        status: 'granted',
        consortiumId: d.consortiumId,
        policy: d.policy,
        category: d.category,
        recipient: d.recipient,
        recipientRole: d.recipientRole,
        responsibleUnit: d.responsibleUnit,
        fiscalYear: d.fiscalYear,
        grantedOn: d.grantedOn,
        lastOn: d.grantedOn,
        projectId: d.projectId,
        platformId: d.platformId,
        boundaries: d.boundaries,
        caps: d.caps,
        grantedFen: state.grantedFen + d.amountFen,
      };
    }
    case 'SubsidyDisbursed':
      return {
        ...state,
        disbursedFen: state.disbursedFen + event.data.amountFen,
        lastOn: moved(state, movementDateOf(event)),
      };
    case 'SubsidyCancelled':
      return {
        ...state,
        cancelledFen: state.cancelledFen + event.data.amountFen,
        lastOn: moved(state, movementDateOf(event)),
      };
    case 'SubsidyClawedBack':
      return {
        ...state,
        clawedBackFen: state.clawedBackFen + event.data.amountFen,
        lastOn: moved(state, movementDateOf(event)),
      };
    case 'SubsidyRefunded':
      return {
        ...state,
        refundedFen: state.refundedFen + event.data.amountFen,
        lastOn: moved(state, movementDateOf(event)),
      };
    case 'SubsidyTerminated': {
      const { on, reason, rule, citation } = event.data;
      return { ...state, status: 'terminated', terminated: { on, reason, rule, citation }, lastOn: moved(state, on) };
    }
    default:
      return state;
  }
}

/**
 * What a subsidy decision reads: the streams the command handler loaded (see `fundingStreamsFor`), each folded
 * by its own evolve and keyed by id. Folding events of several streams into it in any interleaving gives the same
 * state, as long as each stream's own events keep their order.
 */
export interface SubsidyLedgerState {
  subsidies: Readonly<Record<string, SubsidyState>>;
  /** Funding boundaries by stream id: funding-…, project-…, platform-…, consortium-funding-… */
  boundaries: Readonly<Record<string, FundingBoundaryState>>;
  /** Integrity records by credit code (stream unit-{creditCode}). */
  units: Readonly<Record<string, UnitIntegrityState>>;
}

export const initialLedgerState = (): SubsidyLedgerState => ({ subsidies: {}, boundaries: {}, units: {} });

export function evolveLedger(state: SubsidyLedgerState, event: SubsidyLedgerEvent): SubsidyLedgerState {
  switch (event.type) {
    case 'FundingCommitted':
    case 'FundingReleased': {
      const key = event.data.boundary;
      const boundary = evolveBoundary(state.boundaries[key] ?? initialBoundaryState(), event);
      return { ...state, boundaries: { ...state.boundaries, [key]: boundary } };
    }
    case 'UnitRecordedDishonest': {
      const key = event.data.creditCode;
      return { ...state, units: { ...state.units, [key]: evolveUnit(state.units[key] ?? initialUnitState(), event) } };
    }
    case 'SubsidyGranted':
    case 'SubsidyDisbursed':
    case 'SubsidyCancelled':
    case 'SubsidyClawedBack':
    case 'SubsidyRefunded':
    case 'SubsidyTerminated': {
      const key = event.data.subsidyId;
      const subsidy = evolveSubsidy(state.subsidies[key] ?? initialSubsidyState(key), event);
      return { ...state, subsidies: { ...state.subsidies, [key]: subsidy } };
    }
    default:
      return state;
  }
}
