import { LeadRegistryState } from '../lead-registry/lead-registry.state';
import { ConsortiumPolicy } from '../policies/policy';
import { BusinessDate } from '../shared/dates';

/**
 * What a consortium decision is taken on besides the consortium's own events.
 * - `today`: the clock (used for a member removal without a date).
 * - `policy`: `consortiumPolicy(command.data.policy)` for a filing, `consortiumPolicy(state.policy)` otherwise.
 * - `leadRegistry`: for a filing under a policy with `leadClaim` (nmg, luzhou), the lead's registry stream
 *   (`filingRegistryStream`) folded with the lead registry's `evolve`.
 * - `actor`: who decides (recorded where a decision is personal: a waiver names who granted it).
 */
export interface ConsortiumContext {
  today: BusinessDate;
  policy: ConsortiumPolicy;
  leadRegistry?: LeadRegistryState;
  actor?: string;
}
