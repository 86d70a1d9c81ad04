import { FundingBoundaryState } from '@ledger/domain/policies/funding/funding-boundary';
import { catalogueReading } from '@ledger/presentation/sentences/catalogue-reading';
import { capsFor } from '@ledger/domain/policies/funding/funding-caps';
import { CapEvaluation } from '@ledger/domain/policies/funding/funding-policy';
import { Fen } from '@ledger/domain/shared/money';
import { recordedCapFacts } from '@ledger/domain/subsidy/subsidy.caps';
import { SubsidyState } from '@ledger/domain/subsidy/subsidy.state';
import { yuanOrNull } from '@ledger/presentation/money.view';

/**
 * The caps a grant was checked against, as they stand now: the domain's own `capsFor`, for a grant of nothing with the
 * facts recorded on the grant, over the boundary folds as they are now, and with what the recipient leads now (the
 * registry of leads; `recordedCapFacts`). So `used` counts every later grant and
 * cancellation exactly as the next grant's check would, and no cap arithmetic is repeated here. Caps on a single
 * grant's amount (scope `grant`) and statements without a boundary (liaoning.alliance-no-cap) are not running totals
 * and are left out; the grant's own record keeps them.
 */
export function capsNow(
  subsidy: SubsidyState,
  boundary: (streamId: string) => FundingBoundaryState,
  leadsNow: ReadonlyArray<string> | undefined,
): CapEvaluation[] {
  return capsFor(recordedCapFacts(subsidy, boundary, leadsNow)).filter((cap) => subsidy.boundaries.includes(cap.scope));
}

/** Every cap of these grants, once each (several grants on one boundary share its caps), in the grants' order. */
export function distinctCaps(caps: CapEvaluation[]): CapEvaluation[] {
  const seen = new Set<string>();
  return caps.filter((cap) => {
    const key = `${cap.rule}\u0000${cap.scope}\u0000${JSON.stringify(cap.detail)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A cap as it stands now, as the next grant's check counts it: its headroom is never below nothing (a unit that
 * received more before the cap bound it — before it became a 盟主 in the year — has none left, not a negative one).
 */
export function capNowView(cap: CapEvaluation) {
  const headroomFen: Fen | null = cap.limitFen === null ? null : Math.max(0, cap.limitFen - (cap.usedFen ?? 0));
  return {
    rule: cap.rule,
    citation: cap.citation,
    scope: cap.scope,
    limit: yuanOrNull(cap.limitFen),
    used: yuanOrNull(cap.usedFen),
    headroom: yuanOrNull(headroomFen),
    detail: cap.detail,
    ...(cap.interpretation && { interpretation: catalogueReading(cap.interpretation) }),
  };
}
