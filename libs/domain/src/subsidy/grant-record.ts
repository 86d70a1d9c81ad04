/** How a grant decision is written down: the caps as they stood (on the event) or the cap that refused it. */
import { Rejection, RejectionCode, reject } from '../shared/decision';
import { RuleCheck } from '../shared/rule';
import { FundingCommitted } from './funding-boundaries';
import { boundaryStreamList, grantBoundaryIds } from './funding-streams';
import { SubsidyGranted, SubsidyLedgerEvent } from './subsidy.events';
import { amountText } from '../policies/funding/amount-text';
import { CapEvaluation, CapRecord, FundingCategory, GrantFacts } from '../policies/funding/funding-policy';

export const exceeds = (cap: CapEvaluation, amountFen: number): boolean =>
  cap.limitFen !== null && (cap.usedFen ?? 0) + amountFen > cap.limitFen;

export const recordOf =
  (amountFen: number) =>
  (cap: CapEvaluation): CapRecord => ({
    rule: cap.rule,
    citation: cap.citation,
    scope: cap.scope,
    limitFen: cap.limitFen,
    usedBeforeFen: cap.usedFen,
    headroomAfterFen: cap.limitFen === null ? null : cap.limitFen - (cap.usedFen ?? 0) - amountFen,
    detail: cap.detail,
    ...(cap.interpretation ? { interpretation: cap.interpretation } : {}),
  });

export function capExceeded(cap: CapEvaluation, all: CapEvaluation[], requestedFen: number): Rejection {
  const limit = cap.limitFen!;
  const used = cap.usedFen ?? 0;
  const headroom = Math.max(0, limit - used);
  return reject(
    'cap-exceeded',
    `${cap.rule} (${cap.citation}): ${amountText(requestedFen)} requested, ${amountText(headroom)} of the limit ` +
      `${amountText(limit)} remains (${amountText(used)} used); ${cap.detail}`,
    {
      rule: cap.rule,
      citation: cap.citation,
      cap: { limit, used, requested: requestedFen, headroom },
      details: all.map((c) => ({
        rule: c.rule,
        citation: c.citation,
        scope: c.scope,
        ok: !exceeds(c, requestedFen),
        limitFen: c.limitFen,
        usedFen: c.usedFen,
        headroomFen: c.limitFen === null ? null : Math.max(0, c.limitFen - (c.usedFen ?? 0)),
        detail: c.detail,
      })),
    },
  );
}

export const refuse = (code: RejectionCode, failed: RuleCheck): Rejection =>
  reject(code, `${failed.rule} (${failed.citation}): ${failed.detail}`, {
    rule: failed.rule,
    citation: failed.citation,
    details: [failed],
  });

export function grantEvents(
  facts: GrantFacts,
  category: FundingCategory,
  checks: RuleCheck[],
  caps: CapRecord[],
): SubsidyLedgerEvent[] {
  const { request, consortium, recipientRole } = facts;
  const boundaries = boundaryStreamList(grantBoundaryIds(request, category));
  const evaluationPeriod = category.evaluationPeriod?.(facts);
  const optional = {
    ...(request.projectId !== undefined ? { projectId: request.projectId } : {}),
    ...(request.projectTotalInvestmentFen !== undefined
      ? { projectTotalInvestmentFen: request.projectTotalInvestmentFen }
      : {}),
    ...(request.platformId !== undefined ? { platformId: request.platformId } : {}),
    ...(evaluationPeriod !== undefined ? { evaluationPeriod } : {}),
  };
  const granted: SubsidyGranted = {
    type: 'SubsidyGranted',
    data: {
      ...category.grantRule,
      subsidyId: request.subsidyId,
      consortiumId: consortium.id,
      policy: consortium.policy,
      category: category.id,
      recipient: request.recipient,
      recipientRole,
      responsibleUnit: consortium.lead.creditCode,
      amountFen: request.amountFen,
      fiscalYear: request.fiscalYear,
      grantedOn: request.grantedOn,
      ...optional,
      checks,
      caps,
      boundaries,
    },
  };
  const committed = boundaries.map((boundary): FundingCommitted => ({
    type: 'FundingCommitted',
    data: {
      ...category.grantRule,
      boundary,
      subsidyId: request.subsidyId,
      consortiumId: consortium.id,
      policy: consortium.policy,
      category: category.id,
      recipient: request.recipient,
      recipientRole,
      fiscalYear: request.fiscalYear,
      amountFen: request.amountFen,
      on: request.grantedOn,
      ...optional,
      caps: caps.filter((cap) => cap.scope === boundary),
    },
  }));
  return [granted, ...committed];
}
