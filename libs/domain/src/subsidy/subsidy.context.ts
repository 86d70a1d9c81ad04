import { ConsortiumState } from '../consortium/consortium.state';

/** What a subsidy decision reads besides the ledger's streams: for a grant, the consortium it names. */
export interface SubsidyContext {
  /** The consortium a grant names, folded from its own stream. Only grants read it. */
  consortium?: ConsortiumState;
}
