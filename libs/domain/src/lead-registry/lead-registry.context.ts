import { LeadClaimTerm } from '../policies/policy';
import { PolicyParam } from '../shared/rule';

/** The rule spanning consortia that the registry keeps for its policy (nmg.one-per-lead, luzhou.annual-call). */
export interface LeadRegistryContext {
  term: PolicyParam<LeadClaimTerm>;
}
