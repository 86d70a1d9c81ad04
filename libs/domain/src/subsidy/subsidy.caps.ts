/** The facts a subsidy's caps are computed on, as decided (a grant) or as recorded (the funding view's caps now). */
import { FundingBoundaryState, LoadedBoundary } from '../policies/funding/funding-boundary';
import { fundingCategory } from '../policies/funding/funding-catalog';
import { CapFacts, FundingCategory } from '../policies/funding/funding-policy';
import { grantBoundaryIds } from './subsidy.routing';
import { SubsidyState } from './subsidy.state';

type Terms = Pick<CapFacts, 'terms' | 'policy' | 'recipientRole' | 'recipientLeads' | 'evaluationPeriod'>;

/** The terms with the boundaries they are counted on, each loaded by `boundary`. */
export function capFacts(
  decided: Terms,
  category: FundingCategory | undefined,
  boundary: (streamId: string) => FundingBoundaryState,
): CapFacts {
  const ids = grantBoundaryIds(decided.terms, category);
  const load = (streamId: string): LoadedBoundary => ({ streamId, state: boundary(streamId) });
  // Keys set on a copy, not spread into a literal (docs/ARCHITECTURE.md, "Objects on the command path").
  const facts: CapFacts = Object.assign({}, decided, { recipientYear: load(ids.recipientYear) });
  if (ids.project) facts.project = load(ids.project);
  if (ids.platform) facts.platform = load(ids.platform);
  if (ids.alliance) facts.alliance = load(ids.alliance);
  return facts;
}

/**
 * A recorded subsidy's facts for a further grant of nothing: what its caps count now, as the next grant's check would.
 * `leadsNow`: the consortia the recipient leads now, by the registry of leads — alone, as the check reads it: a unit
 * whose alliance has ended, or taken another 盟主, is no 盟主 however many it led when this grant was made (a union
 * with those kept the 盟主's cap on a former 盟主's views, overspent, where the check applied none). Undefined where the
 * registry holds nothing of the unit (a ledger from before registries, until backfilled): then as recorded.
 */
export function recordedCapFacts(
  subsidy: SubsidyState,
  boundary: (streamId: string) => FundingBoundaryState,
  leadsNow?: ReadonlyArray<string>,
): CapFacts {
  const { subsidyId, consortiumId, recipient, category, fiscalYear, grantedOn, projectId, platformId } = subsidy;
  const terms = {
    subsidyId,
    consortiumId,
    recipient,
    category,
    fiscalYear,
    grantedOn,
    projectId,
    platformId,
    amountFen: 0,
  };
  const { policy, recipientRole, evaluationPeriod } = subsidy;
  const recipientLeads = leadsNow ?? subsidy.recipientLeads ?? (recipientRole === 'lead' ? [consortiumId] : []);
  return capFacts(
    { terms, policy, recipientRole, recipientLeads, evaluationPeriod },
    fundingCategory(category),
    boundary,
  );
}
