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
  commitments: Readonly<Record<string, Commitment>>;
  /** A project stream: fixed by its first grant (ledger.project-consistent). */
  project?: { consortiumId: string; category: FundingCategoryId; totalInvestmentFen?: Fen };
}

export const initialBoundaryState = (): FundingBoundaryState => ({ commitments: {} });

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
  for (const subsidyId in state.commitments) {
    const commitment = state.commitments[subsidyId];
    if (which(commitment)) used += netCommittedFen(commitment);
  }
  return used;
}

/** Commitments that still hold money (not fully cancelled): what "once" counts. */
export const liveCommitments = (state: FundingBoundaryState, which: (c: Commitment) => boolean): Commitment[] =>
  Object.values(state.commitments).filter((c) => which(c) && netCommittedFen(c) > 0);

/** A unit's integrity record (stream `unit-{creditCode}`): tianjin.fraud records it as dishonest. */
export interface UnitIntegrityState {
  dishonest?: RuleRef & { on: BusinessDate; subsidyId: string; consortiumId: string };
}

export const initialUnitState = (): UnitIntegrityState => ({});
