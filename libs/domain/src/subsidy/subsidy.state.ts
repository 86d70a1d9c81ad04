import { ConsortiumPolicyId } from '../consortium/consortium.state';
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
        projectId: d.projectId,
        platformId: d.platformId,
        boundaries: d.boundaries,
        caps: d.caps,
        grantedFen: state.grantedFen + d.amountFen,
      };
    }
    case 'SubsidyDisbursed':
      return { ...state, disbursedFen: state.disbursedFen + event.data.amountFen };
    case 'SubsidyCancelled':
      return { ...state, cancelledFen: state.cancelledFen + event.data.amountFen };
    case 'SubsidyClawedBack':
      return { ...state, clawedBackFen: state.clawedBackFen + event.data.amountFen };
    case 'SubsidyRefunded':
      return { ...state, refundedFen: state.refundedFen + event.data.amountFen };
    case 'SubsidyTerminated': {
      const { on, reason, rule, citation } = event.data;
      return { ...state, status: 'terminated', terminated: { on, reason, rule, citation } };
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
