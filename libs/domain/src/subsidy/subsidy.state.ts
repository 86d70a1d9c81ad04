/**
 * The subsidy ledger's states and how events build them: a subsidy (the fold of its own stream), a funding boundary
 * (what its caps count) and a unit's integrity record. `evolve` folds any of their events into the ledger state a
 * decision reads, keyed by stream.
 */
import { BusinessDate } from '../shared/dates';
import { Fen } from '../shared/money';
import { RuleRef } from '../shared/rule';
import {
  commitmentOf,
  withCommitment,
  Commitment,
  FundingBoundaryState,
  initialBoundaryState,
  initialUnitState,
  UnitIntegrityState,
} from '../policies/funding/funding-boundary';
import { CapRecord } from '../policies/funding/funding-policy';
import {
  FundingBoundaryEvent,
  GrantAsDecided,
  isSubsidyEvent,
  SubsidyEvent,
  SubsidyLedgerEvent,
  UnitRecordedDishonest,
  DualControl,
  PendingGrantOpened,
} from './subsidy.events';
import { projectStreamId } from './subsidy.streams';
import { GrantTerms } from '../policies/funding/grant-terms';

/**
 * `pending`: at or above the dual-control threshold, waiting for a second signature (ledger.dual-control) — it holds
 * its headroom but takes no payment; `declined` and `expired` end it, its headroom released.
 */
export type SubsidyStatus = 'pending' | 'granted' | 'terminated' | 'declined' | 'expired';

/** A subsidy: its grant's terms (the amount as `grantedFen`, which cancellations do not change) and its movements. */
export interface SubsidyState extends Omit<GrantTerms, 'amountFen'>, GrantAsDecided {
  exists: boolean;
  status: SubsidyStatus;
  responsibleUnit: string;
  /**
   * The latest business date recorded for the subsidy: its grant's, then each movement's (paidOn, on, receivedOn).
   * ledger.movement-dates refuses a movement dated before it: dates never go backwards within a subsidy.
   */
  lastOn: BusinessDate;
  boundaries: string[];
  caps: CapRecord[];
  grantedFen: Fen;
  disbursedFen: Fen;
  cancelledFen: Fen;
  clawedBackFen: Fen;
  refundedFen: Fen;
  terminated?: RuleRef & { on: BusinessDate; reason: string };
  /** After its consortium ended, the project's authority let it go on (nmg.project-change / ledger.project-change). */
  continuation?: RuleRef & { on: BusinessDate; authority: string; reference: string };
  /** ledger.dual-control: the maker-checker terms, and the second signature once given (or the refusal, the expiry). */
  dualControl?: DualControl;
  signed?: { outcome: 'approved' | 'declined' | 'expired'; on: BusinessDate; checker?: string; note?: string };
}

export const initialSubsidyState = (subsidyId = ''): SubsidyState => ({
  exists: false,
  subsidyId,
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

/** `lastOn` only moves forward, even over movements recorded out of date order before ledger.movement-dates existed. */
const later = (a: BusinessDate, b: BusinessDate): BusinessDate => (a > b ? a : b);
const moved = (state: SubsidyState, on: BusinessDate): BusinessDate => later(state.lastOn || state.grantedOn, on);

export function evolveSubsidy(state: SubsidyState, event: SubsidyEvent): SubsidyState {
  switch (event.type) {
    case 'SubsidyGranted': {
      const { amountFen, rule: _rule, citation: _citation, checks: _checks, ...terms } = event.data;
      // Object.assign: the grant adds keys the initial state lacks (docs/ARCHITECTURE.md, "Objects on the command path").
      return Object.assign({}, state, terms, {
        exists: true,
        status: terms.dualControl ? ('pending' as const) : ('granted' as const),
        lastOn: terms.grantedOn,
        grantedFen: state.grantedFen + amountFen,
      });
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
    case 'SubsidyContinued': {
      const { on, authority, reference, rule, citation } = event.data;
      return { ...state, continuation: { on, authority, reference, rule, citation }, lastOn: moved(state, on) };
    }
    case 'GrantApproved': {
      const { on, checker, note } = event.data;
      const signed = { outcome: 'approved' as const, on, checker, ...(note !== undefined && { note }) };
      return { ...state, status: 'granted', signed, lastOn: moved(state, on) };
    }
    case 'GrantDeclined':
    case 'GrantExpired': {
      // The whole grant is released: it counts as cancelled, so every total (granted − cancelled) is right.
      const { on, amountFen } = event.data;
      const signed =
        event.type === 'GrantDeclined'
          ? {
              outcome: 'declined' as const,
              on,
              checker: event.data.checker,
              ...(event.data.note !== undefined && { note: event.data.note }),
            }
          : { outcome: 'expired' as const, on };
      const status = event.type === 'GrantDeclined' ? 'declined' : 'expired';
      return { ...state, status, signed, cancelledFen: state.cancelledFen + amountFen, lastOn: moved(state, on) };
    }
    default:
      return state;
  }
}

export function evolveBoundary(state: FundingBoundaryState, event: FundingBoundaryEvent): FundingBoundaryState {
  switch (event.type) {
    case 'FundingCommitted': {
      const d = event.data;
      const previous = commitmentOf(state, d.subsidyId);
      const commitment: Commitment = {
        subsidyId: d.subsidyId,
        consortiumId: d.consortiumId,
        policy: d.policy,
        category: d.category,
        recipient: d.recipient,
        recipientRole: d.recipientRole,
        fiscalYear: d.fiscalYear,
        evaluationPeriod: d.evaluationPeriod,
        grantedFen: (previous?.grantedFen ?? 0) + d.amountFen,
        releasedFen: previous?.releasedFen ?? 0,
      };
      const project =
        state.project ??
        (d.projectId !== undefined && d.boundary === projectStreamId(d.projectId)
          ? { consortiumId: d.consortiumId, category: d.category, totalInvestmentFen: d.projectTotalInvestmentFen }
          : undefined);
      // A boundary state holds these two keys only: written out, as a spread adding `project` would make a new hidden
      // class each time (docs/ARCHITECTURE.md, "Objects on the command path").
      return { commitments: withCommitment(state.commitments, commitment), project };
    }
    case 'FundingReleased': {
      const previous = commitmentOf(state, event.data.subsidyId);
      if (!previous) return state;
      const released = { ...previous, releasedFen: previous.releasedFen + event.data.amountFen };
      return { ...state, commitments: withCommitment(state.commitments, released) };
    }
    default:
      return state;
  }
}

export function evolveUnit(state: UnitIntegrityState, event: UnitRecordedDishonest): UnitIntegrityState {
  if (event.type !== 'UnitRecordedDishonest' || state.dishonest) return state;
  const { on, subsidyId, consortiumId, rule, citation } = event.data;
  return { dishonest: { on, subsidyId, consortiumId, rule, citation } };
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
  /** The grants waiting for a second signature, by subsidy id (stream dual-control-pending), when it was read. */
  pending: Readonly<Record<string, PendingGrantOpened['data']>>;
}

export const initialState = (): SubsidyLedgerState => ({ subsidies: {}, boundaries: {}, units: {}, pending: {} });

/**
 * The ledger state of two sets of streams, each folded on its own: every event changes only its own stream's key
 * (streamIdOf), so joining the folds equals folding all their events together. The command side keeps each stream's
 * fold and joins them for a decision instead of folding every stream again.
 */
export function joinStates(a: SubsidyLedgerState, b: SubsidyLedgerState): SubsidyLedgerState {
  return {
    subsidies: joined(a.subsidies, b.subsidies),
    boundaries: joined(a.boundaries, b.boundaries),
    units: joined(a.units, b.units),
    pending: joined(a.pending, b.pending),
  };
}

const isEmpty = (record: object): boolean => {
  for (const _ in record) return false;
  return true;
};
/**
 * The subsidy of that id, if the state holds it. An empty record answers without looking: a key no object has yet (a
 * new subsidy's id) sends V8 to its table of strings, ~1 µs a lookup, and a grant's state holds no subsidy.
 */
export const subsidyIn = (state: SubsidyLedgerState, subsidyId: string): SubsidyState | undefined =>
  isEmpty(state.subsidies) ? undefined : state.subsidies[subsidyId];

const joined = <T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>): Readonly<Record<string, T>> =>
  isEmpty(b) ? a : isEmpty(a) ? b : Object.assign({}, a, b);

/**
 * One subsidy after these events of its stream, the others ignored: the command's answer folds it alone, not the ledger
 * state around it, whose `subsidies` record would take a key no object had before (a new hidden class a grant: see
 * docs/ARCHITECTURE.md, "Objects on the command path").
 */
export function subsidyAfter(
  state: SubsidyState | undefined,
  subsidyId: string,
  events: readonly SubsidyLedgerEvent[],
): SubsidyState {
  let subsidy = state ?? initialSubsidyState(subsidyId);
  for (const event of events) {
    if (isSubsidyEvent(event) && event.data.subsidyId === subsidyId) subsidy = evolveSubsidy(subsidy, event);
  }
  return subsidy;
}

export function evolve(state: SubsidyLedgerState, event: SubsidyLedgerEvent): SubsidyLedgerState {
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
    case 'PendingGrantOpened':
      return { ...state, pending: { ...state.pending, [event.data.subsidyId]: event.data } };
    case 'PendingGrantClosed': {
      const { [event.data.subsidyId]: _closed, ...pending } = state.pending;
      return { ...state, pending };
    }
    case 'SubsidyGranted':
    case 'SubsidyDisbursed':
    case 'SubsidyCancelled':
    case 'SubsidyClawedBack':
    case 'SubsidyRefunded':
    case 'SubsidyTerminated':
    case 'SubsidyContinued':
    case 'GrantApproved':
    case 'GrantDeclined':
    case 'GrantExpired': {
      const key = event.data.subsidyId;
      const subsidy = evolveSubsidy(state.subsidies[key] ?? initialSubsidyState(key), event);
      return { ...state, subsidies: { ...state.subsidies, [key]: subsidy } };
    }
    default:
      return state;
  }
}
