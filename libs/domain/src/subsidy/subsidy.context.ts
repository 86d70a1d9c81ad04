import { ConsortiumState } from '../consortium/consortium.state';
import { LeadRegistryState } from '../lead-registry/lead-registry.state';
import { BusinessDate } from '../shared/dates';
import { Fen } from '../shared/money';
import { GrantTerms } from '../policies/funding/grant-terms';

/** Maker-checker (ledger.dual-control), when configured: LEDGER_DUAL_CONTROL_AMOUNT and LEDGER_PENDING_DAYS. */
export interface DualControlSetting {
  thresholdFen: Fen;
  pendingDays: number;
}

/** A grant at or above the threshold in force waits for a second signature. */
export const isPendingGrant = (
  terms: Pick<GrantTerms, 'amountFen'>,
  setting: DualControlSetting | undefined,
): boolean => setting !== undefined && Number.isSafeInteger(terms.amountFen) && terms.amountFen >= setting.thresholdFen;

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
  /** Who decides: a pending grant's maker may not approve it. */
  actor?: string;
  /** Maker-checker in force (absent: off, every grant is granted at once). */
  dualControl?: DualControlSetting;
}
