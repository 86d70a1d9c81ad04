import { Fen, fenToYuan } from '@ledger/domain/shared/money';
import { catalogueReading } from './sentences/catalogue-reading';
import { yuanOrNull } from './money.view';
import { CapRecord } from '@ledger/domain/policies/funding/funding-policy';
import { RecordedCheck, wordedCap, wordedCheck } from '@ledger/domain/policies/funding/funding-texts';
import { GrantSaid } from '@ledger/domain/policies/funding/grant-sentences';
import { refundDueFen, SubsidyState, undisbursedFen } from '@ledger/domain/subsidy/subsidy.state';

/**
 * Subsidies as the API shows them: money as yuan strings ("3000000.00"), `null` where a policy sets no number.
 * Shared by the command answers and the queries, so a subsidy reads the same wherever it appears.
 */
/** The five movements of a subsidy, in fen. */
export interface MoneyFigures {
  grantedFen: Fen;
  cancelledFen: Fen;
  disbursedFen: Fen;
  clawedBackFen: Fen;
  refundedFen: Fen;
}

export const NO_MONEY: MoneyFigures = {
  grantedFen: 0,
  cancelledFen: 0,
  disbursedFen: 0,
  clawedBackFen: 0,
  refundedFen: 0,
};

/** undisbursed = granted − cancelled − disbursed; receivable = clawed back − refunded (the domain's own definitions). */
export function moneyView(f: MoneyFigures) {
  const asState = f as SubsidyState; // the two functions read only these five figures
  return {
    granted: fenToYuan(f.grantedFen),
    cancelled: fenToYuan(f.cancelledFen),
    disbursed: fenToYuan(f.disbursedFen),
    clawedBack: fenToYuan(f.clawedBackFen),
    refunded: fenToYuan(f.refundedFen),
    undisbursed: fenToYuan(undisbursedFen(asState)),
    receivable: fenToYuan(refundDueFen(asState)),
  };
}

export const addMoney = (a: MoneyFigures, b: MoneyFigures): MoneyFigures => ({
  grantedFen: a.grantedFen + b.grantedFen,
  cancelledFen: a.cancelledFen + b.cancelledFen,
  disbursedFen: a.disbursedFen + b.disbursedFen,
  clawedBackFen: a.clawedBackFen + b.clawedBackFen,
  refundedFen: a.refundedFen + b.refundedFen,
});

/**
 * A cap as recorded on the grant: the limit, what was used before the grant, and — as the grant answer shows it — what
 * is used and left once the grant is counted (`used` + `headroom` = `limit`).
 */
export function recordedCapView(recorded: CapRecord, grant: GrantSaid) {
  const cap = wordedCap(recorded, grant);
  const { amountFen } = grant;
  return {
    rule: cap.rule,
    citation: cap.citation,
    scope: cap.scope,
    limit: yuanOrNull(cap.limitFen),
    usedBefore: yuanOrNull(cap.usedBeforeFen),
    used: cap.usedBeforeFen === null ? null : fenToYuan(cap.usedBeforeFen + amountFen),
    headroom: yuanOrNull(cap.headroomAfterFen),
    detail: cap.detail,
    ...(cap.interpretation && { interpretation: catalogueReading(cap.interpretation) }),
  };
}

/** What a subsidy's recorded sentences read from its grant: the terms its state keeps, the amount as granted. */
export const grantSaidOf = (state: SubsidyState): GrantSaid => ({
  // What the sentences read, key by key: a copy of the whole state was the answer's dearest part.
  consortiumId: state.consortiumId,
  recipient: state.recipient,
  category: state.category,
  amountFen: state.grantedFen,
  fiscalYear: state.fiscalYear,
  grantedOn: state.grantedOn,
  projectId: state.projectId,
  platformId: state.platformId,
  projectTotalInvestmentFen: state.projectTotalInvestmentFen,
  rdSpendingFen: state.rdSpendingFen,
  policy: state.policy,
  recipientRole: state.recipientRole,
  recipientLeads: state.recipientLeads,
  evaluationPeriod: state.evaluationPeriod,
});

export function subsidyView(state: SubsidyState) {
  const grant = grantSaidOf(state);
  return {
    id: state.subsidyId,
    status: state.status,
    consortiumId: state.consortiumId,
    policy: state.policy,
    category: state.category,
    recipient: state.recipient,
    recipientRole: state.recipientRole,
    responsibleUnit: state.responsibleUnit,
    fiscalYear: state.fiscalYear,
    grantedOn: state.grantedOn,
    ...(state.projectId !== undefined && { projectId: state.projectId }),
    ...(state.platformId !== undefined && { platformId: state.platformId }),
    ...moneyView(state),
    caps: state.caps.map((cap) => recordedCapView(cap, grant)),
    boundaries: state.boundaries,
    ...(state.terminated && { terminated: state.terminated }),
    ...(state.continuation && { continuation: state.continuation }),
    ...(state.dualControl && {
      dualControl: {
        threshold: fenToYuan(state.dualControl.thresholdFen),
        maker: state.dualControl.maker,
        expiresOn: state.dualControl.expiresOn,
      },
    }),
    ...(state.signed && { signed: state.signed }),
  };
}

/**
 * A recorded event's data as a view shows it: a grant's checks and caps with their clauses and interpretations,
 * rendered from the catalogue where the grant recorded facts only (funding-texts.ts). Other events as recorded.
 */
export function eventDataWithWords(type: string, data: unknown): unknown {
  if (type !== 'SubsidyGranted' || typeof data !== 'object' || data === null) return data;
  const grant = data as GrantSaid & { checks?: RecordedCheck[]; caps?: CapRecord[] };
  return {
    ...grant,
    ...(grant.checks && { checks: grant.checks.map((check) => wordedCheck(check, grant)) }),
    ...(grant.caps && { caps: grant.caps.map((cap) => withReading(wordedCap(cap, grant))) }),
  };
}

/** A cap with its interpretation as words of the catalogue, said in the answer's language. */
const withReading = <T extends { interpretation?: string }>(cap: T) =>
  cap.interpretation ? { ...cap, interpretation: catalogueReading(cap.interpretation) } : cap;
