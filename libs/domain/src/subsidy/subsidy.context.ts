import { ConsortiumState } from '../consortium/consortium.state';
import { LeadRegistryState } from '../lead-registry/lead-registry.state';
import { BusinessDate } from '../shared/dates';

/** What a subsidy decision reads besides the ledger's streams: the clock, and for a grant the consortium it names. */
export interface SubsidyContext {
  /** The ledger's business date: no fact is dated after it (ledger.no-future-facts). */
  today: BusinessDate;
  /**
   * The consortium a grant names, or the consortium of the subsidy a disbursement or continuation concerns, folded from
   * its own stream; its revision is checked on append (a grant cannot race a membership change, a disbursement the
   * consortium's end).
   */
  consortium?: ConsortiumState;
  /**
   * For a grant under a policy that keeps a registry of leads (liaoning's 盟主): the recipient's registry stream
   * (`recipientRegistryStream`), folded; read and checked by the grant, so a concurrent approval cannot slip past a cap.
   */
  recipientRegistry?: LeadRegistryState;
}
