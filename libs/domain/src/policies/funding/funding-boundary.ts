/**
 * What the funding rules count: the state of a funding boundary stream (a recipient's year, a project, a platform, an
 * alliance's once-only grants) and of a unit's integrity record. The subsidy module folds its events into these
 * states (`subsidy.state.ts`); the categories' rules and caps read them here.
 */
import { BusinessDate } from '../../shared/dates';
import { Fen } from '../../shared/money';
import { RuleRef } from '../../shared/rule';
import { ConsortiumPolicyId } from '../../shared/policy-ids';
import { FundingCategoryId, GrantTerms, RecipientRole } from './grant-terms';

/** One subsidy's share of a boundary. */
export interface Commitment extends Pick<GrantTerms, 'subsidyId' | 'consortiumId' | 'recipient' | 'fiscalYear'> {
  policy: ConsortiumPolicyId;
  category: FundingCategoryId;
  recipientRole: RecipientRole;
  evaluationPeriod?: string;
  grantedFen: Fen;
  releasedFen: Fen;
}

export interface FundingBoundaryState {
  /**
   * One a subsidy, in the order of their first grant. A list, not an object keyed by subsidy id: every grant adds a
   * key no object had before, and on Node 20 copying such an object with the new key makes a new hidden class each
   * time (~10 µs at 20 keys, against ~0.3 µs to copy the list; docs/ARCHITECTURE.md, "Objects on the command path").
   */
  commitments: readonly Commitment[];
  /** A project stream: fixed by its first grant (ledger.project-consistent). */
  project?: { consortiumId: string; category: FundingCategoryId; totalInvestmentFen?: Fen };
}

export const initialBoundaryState = (): FundingBoundaryState => ({ commitments: [] });

/** A subsidy's commitment on a boundary, if it has one. */
export function commitmentOf(state: FundingBoundaryState, subsidyId: string): Commitment | undefined {
  for (const commitment of state.commitments) if (commitment.subsidyId === subsidyId) return commitment;
  return undefined;
}

/** The commitments with this one in its subsidy's place (added last when new). */
export function withCommitment(commitments: readonly Commitment[], commitment: Commitment): readonly Commitment[] {
  const copy = commitments.slice();
  const at = copy.findIndex((c) => c.subsidyId === commitment.subsidyId);
  if (at < 0) copy.push(commitment);
  else copy[at] = commitment;
  return copy;
}

/** A boundary stream as loaded by the command handler (or a read model): its id and the fold of its events. */
export interface LoadedBoundary {
  streamId: string;
  state: FundingBoundaryState;
}

/** What a commitment counts against caps: granted − cancelled. */
export const netCommittedFen = (c: Commitment): Fen => c.grantedFen - c.releasedFen;

/** Cap usage on a boundary, optionally for some commitments only. */
export function usedFen(state: FundingBoundaryState, which: (c: Commitment) => boolean = () => true): Fen {
  let used = 0;
  for (const commitment of state.commitments) if (which(commitment)) used += netCommittedFen(commitment);
  return used;
}

/** Commitments that still hold money (not fully cancelled): what "once" counts. */
export const liveCommitments = (state: FundingBoundaryState, which: (c: Commitment) => boolean): Commitment[] =>
  state.commitments.filter((c) => which(c) && netCommittedFen(c) > 0);

/** A unit's integrity record (stream `unit-{creditCode}`): tianjin.fraud records it as dishonest. */
export interface UnitIntegrityState {
  dishonest?: RuleRef & { on: BusinessDate; subsidyId: string; consortiumId: string };
}

export const initialUnitState = (): UnitIntegrityState => ({});
