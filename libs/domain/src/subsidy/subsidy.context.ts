import { ConsortiumState } from '../consortium/consortium.state';
import { BusinessDate } from '../shared/dates';

/** What a subsidy decision reads besides the ledger's streams: the clock, and for a grant the consortium it names. */
export interface SubsidyContext {
  /** The ledger's business date: no fact is dated after it (ledger.no-future-facts). */
  today: BusinessDate;
  /** The consortium a grant names, folded from its own stream. Only grants read it. */
  consortium?: ConsortiumState;
}
