/**
 * Consistency boundaries of the subsidy ledger. Every cap is checked against one of these streams, loaded and
 * appended with its expected revision in the same atomic write as the subsidy's own stream:
 *
 *   funding-{creditCode}-{fiscalYear}   a recipient's year (liaoning.mengzhu-annual-cap; the funding query)
 *   project-{projectId}                 one project's cumulative limits (liaoning.jiebang, luzhou.transformation)
 *   platform-{platformId}               luzhou.platform-cap
 *   consortium-funding-{consortiumId}   Tianjin's once-only grants and evaluation awards
 *   unit-{creditCode}                   a unit's integrity record (tianjin.fraud: dishonest units get no grant)
 *
 * A grant mirrors itself into the funding boundaries as `FundingCommitted`; a cancellation (or the cancelled rest
 * of a termination) as `FundingReleased`. A clawback releases nothing: clawed-back money still counts against caps.
 */
import { BusinessDate } from '../shared/dates';
import { DomainEvent } from '../shared/event';
import { Fen } from '../shared/money';
import { RuleRef } from '../shared/rule';
import type { CapRecord, FundingCategoryId, RecipientRole } from '../policies/funding/funding-policy';
import { ConsortiumPolicyId } from '../shared/policy-ids';

export const subsidyStreamId = (subsidyId: string) => `subsidy-${subsidyId}`;
export const recipientYearStreamId = (creditCode: string, fiscalYear: number) => `funding-${creditCode}-${fiscalYear}`;
export const projectStreamId = (projectId: string) => `project-${projectId}`;
export const platformStreamId = (platformId: string) => `platform-${platformId}`;
export const allianceFundingStreamId = (consortiumId: string) => `consortium-funding-${consortiumId}`;
export const unitStreamId = (creditCode: string) => `unit-${creditCode}`;

// ---- events on the funding boundaries ----

export type FundingCommitted = DomainEvent<
  'FundingCommitted',
  RuleRef & {
    /** The boundary stream this event belongs to. */
    boundary: string;
    subsidyId: string;
    consortiumId: string;
    policy: ConsortiumPolicyId;
    category: FundingCategoryId;
    recipient: string;
    recipientRole: RecipientRole;
    fiscalYear: number;
    amountFen: Fen;
    on: BusinessDate;
    projectId?: string;
    projectTotalInvestmentFen?: Fen;
    platformId?: string;
    evaluationPeriod?: string;
    /** The caps counted on this boundary, as they stood when the grant was checked. */
    caps: CapRecord[];
  }
>;

export type FundingReleased = DomainEvent<
  'FundingReleased',
  RuleRef & {
    boundary: string;
    subsidyId: string;
    amountFen: Fen;
    on: BusinessDate;
    reason: 'cancellation' | 'termination';
  }
>;

export type UnitRecordedDishonest = DomainEvent<
  'UnitRecordedDishonest',
  RuleRef & {
    creditCode: string;
    on: BusinessDate;
    subsidyId: string;
    consortiumId: string;
    /** Why this unit: it received the money, or it is the alliance's responsible unit (对外责任主体单位). */
    capacity: 'recipient' | 'responsible-unit';
  }
>;

export type FundingBoundaryEvent = FundingCommitted | FundingReleased;
export type BoundaryEvent = FundingBoundaryEvent | UnitRecordedDishonest;

// ---- folds ----

/** One subsidy's share of a boundary. */
export interface Commitment {
  subsidyId: string;
  consortiumId: string;
  policy: ConsortiumPolicyId;
  category: FundingCategoryId;
  recipient: string;
  recipientRole: RecipientRole;
  fiscalYear: number;
  evaluationPeriod?: string;
  grantedFen: Fen;
  releasedFen: Fen;
}

export interface FundingBoundaryState {
  commitments: Readonly<Record<string, Commitment>>;
  /** A project stream: fixed by its first grant (ledger.project-consistent). */
  project?: { consortiumId: string; category: FundingCategoryId; totalInvestmentFen?: Fen };
}

export const initialBoundaryState = (): FundingBoundaryState => ({ commitments: {} });

export function evolveBoundary(state: FundingBoundaryState, event: FundingBoundaryEvent): FundingBoundaryState {
  switch (event.type) {
    case 'FundingCommitted': {
      const d = event.data;
      const previous = state.commitments[d.subsidyId];
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
      return { ...state, commitments: { ...state.commitments, [d.subsidyId]: commitment }, project };
    }
    case 'FundingReleased': {
      const previous = state.commitments[event.data.subsidyId];
      if (!previous) return state;
      const released = { ...previous, releasedFen: previous.releasedFen + event.data.amountFen };
      return { ...state, commitments: { ...state.commitments, [event.data.subsidyId]: released } };
    }
    default:
      return state;
  }
}

/** What a commitment counts against caps: granted − cancelled. */
export const netCommittedFen = (c: Commitment): Fen => c.grantedFen - c.releasedFen;

/** Cap usage on a boundary, optionally for some commitments only. */
export function usedFen(state: FundingBoundaryState, which: (c: Commitment) => boolean = () => true): Fen {
  return Object.values(state.commitments)
    .filter(which)
    .reduce((sum, c) => sum + netCommittedFen(c), 0);
}

/** Commitments that still hold money (not fully cancelled): what "once" counts. */
export const liveCommitments = (state: FundingBoundaryState, which: (c: Commitment) => boolean): Commitment[] =>
  Object.values(state.commitments).filter((c) => which(c) && netCommittedFen(c) > 0);

export interface UnitIntegrityState {
  dishonest?: RuleRef & { on: BusinessDate; subsidyId: string; consortiumId: string };
}

export const initialUnitState = (): UnitIntegrityState => ({});

export function evolveUnit(state: UnitIntegrityState, event: UnitRecordedDishonest): UnitIntegrityState {
  if (event.type !== 'UnitRecordedDishonest' || state.dishonest) return state;
  const { on, subsidyId, consortiumId, rule, citation } = event.data;
  return { dishonest: { on, subsidyId, consortiumId, rule, citation } };
}
