import { ConsortiumPolicy } from '../policies/policy';
import { BusinessDate } from '../shared/dates';
import { LeadClaim } from './lead-registry';

/**
 * What a consortium decision is taken on besides the consortium's own events.
 * - `today`: the clock (used for a member removal without a date).
 * - `policy`: `consortiumPolicy(command.data.policy)` for a filing, `consortiumPolicy(state.policy)` otherwise.
 * - `leadClaim`: for a filing under a policy with `leadClaim` (nmg, luzhou), the claim folded from
 *   `leadRegistryStreamId(policy, lead.creditCode)` with `evolveLeadClaim` (null when the stream is empty).
 */
export interface ConsortiumContext {
  today: BusinessDate;
  policy: ConsortiumPolicy;
  leadClaim?: LeadClaim | null;
}
