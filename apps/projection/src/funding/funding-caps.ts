import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { Fen } from '@ledger/domain/shared/money';
import { yuanOrNull } from '@ledger/presentation/money.view';
import { CapEvaluation, GrantFacts } from '@ledger/domain/policies/funding/funding-policy';
import { fundingCategory, fundingPolicy } from '@ledger/domain/policies/funding/funding-catalog';
import { FundingBoundaryState } from '@ledger/domain/subsidy/funding-boundaries';
import { grantBoundaryIds } from '@ledger/domain/subsidy/funding-streams';
import { SubsidyState } from '@ledger/domain/subsidy/subsidy.state';

/** A granted subsidy as the funding view needs it: its state, and the evaluation an award was for. */
export interface GrantOnRecord {
  state: SubsidyState;
  evaluationPeriod?: string;
}

/**
 * The caps a grant was checked against, as they stand now: the domain's own cap functions (`category.caps`,
 * `policy.policyCaps`) evaluated for a grant of nothing with the grant's own facts, over the boundary folds as they
 * are now. So `used` counts every later grant and cancellation exactly as the next grant's check would, and no cap
 * arithmetic is repeated here. Caps on a single grant's amount (scope `grant`) and statements without a boundary
 * (liaoning.alliance-no-cap) are not running totals and are left out; the grant's own record keeps them.
 */
export function capsNow(grant: GrantOnRecord, boundary: (streamId: string) => FundingBoundaryState): CapEvaluation[] {
  const s = grant.state;
  const category = fundingCategory(s.category);
  if (!category) return [];
  const ids = grantBoundaryIds(s, category);
  const load = (streamId: string | undefined) =>
    streamId === undefined ? undefined : { streamId, state: boundary(streamId) };
  const facts: GrantFacts = {
    request: {
      subsidyId: s.id,
      consortiumId: s.consortiumId,
      recipient: s.recipient,
      category: category.id,
      amountFen: 0,
      fiscalYear: s.fiscalYear,
      grantedOn: s.grantedOn,
      projectId: s.projectId,
      platformId: s.platformId,
    },
    consortium: consortiumAsGranted(grant),
    recipientRole: s.recipientRole,
    recipientYear: load(ids.recipientYear)!,
    project: load(ids.project),
    platform: load(ids.platform),
    alliance: load(ids.alliance),
  };
  const caps = [...category.caps(facts), ...fundingPolicy(s.policy).policyCaps(facts)];
  return caps.filter((cap) => s.boundaries.includes(cap.scope));
}

/**
 * The consortium as the cap functions read it: its id and policy, its responsible unit, and for an evaluation award
 * the evaluation the award was for (recorded on the grant). Nothing else of the consortium is read by a cap.
 */
function consortiumAsGranted(grant: GrantOnRecord): ConsortiumState {
  const s = grant.state;
  const evaluations = grant.evaluationPeriod
    ? [{ period: grant.evaluationPeriod, on: s.grantedOn, grade: 'excellent' as const }]
    : [];
  return {
    id: s.consortiumId,
    policy: s.policy,
    lead: { creditCode: s.responsibleUnit },
    members: [],
    evaluations,
  } as unknown as ConsortiumState;
}

/** Every cap of these grants, once each (several grants on one boundary share its caps), in the grants' order. */
export function distinctCaps(caps: CapEvaluation[]): CapEvaluation[] {
  const seen = new Set<string>();
  return caps.filter((cap) => {
    const key = `${cap.rule}\u0000${cap.scope}\u0000${cap.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function capNowView(cap: CapEvaluation) {
  const headroomFen: Fen | null = cap.limitFen === null ? null : cap.limitFen - (cap.usedFen ?? 0);
  return {
    rule: cap.rule,
    citation: cap.citation,
    scope: cap.scope,
    limit: yuanOrNull(cap.limitFen),
    used: yuanOrNull(cap.usedFen),
    headroom: yuanOrNull(headroomFen),
    detail: cap.detail,
    ...(cap.interpretation && { interpretation: cap.interpretation }),
  };
}
