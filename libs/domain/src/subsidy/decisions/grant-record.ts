import { say } from '../../shared/sentence';
import { CapEvaluation, CapFacts, CapRecord, FundingCategory } from '../../policies/funding/funding-policy';
import { ConsortiumState } from '../../consortium/consortium.state';
import { FundingCommitted, GrantAsDecided, SubsidyGranted, SubsidyLedgerEvent } from '../subsidy.events';
import { Rejection, RejectionCode, reject } from '../../shared/decision';
import { RuleCheck, RuleRef } from '../../shared/rule';
import { RecordedCheck } from '../../policies/funding/funding-texts';
import { GrantSaid, recordedCapWords, recordedCheckWords } from '../../policies/funding/grant-sentences';
import { GrantTerms } from '../../policies/funding/grant-terms';
import { projectStreamId } from '../subsidy.streams';
import { amountText } from '../../policies/funding/amount-text';
import { boundaryStreamList, grantBoundaryIds } from '../subsidy.routing';
import { exceeds } from '../../policies/funding/funding-caps';

/** How a grant decision is written down: the caps as they stood (on the event) or the cap that refused it. */

/** Facts only: the clause and the interpretation are the catalogue's words (funding-texts.ts). */
export const recordOf =
  (amountFen: number) =>
  (cap: CapEvaluation): CapRecord => ({
    rule: cap.rule,
    scope: cap.scope,
    limitFen: cap.limitFen,
    usedBeforeFen: cap.usedFen,
    headroomAfterFen: cap.limitFen === null ? null : cap.limitFen - (cap.usedFen ?? 0) - amountFen,
    detail: cap.detail,
  });

/** A passed check as the decision says it: the rule and its sentence; the clause is the catalogue's. */
const saidCheck = ({ rule, ok, detail }: RuleCheck): RecordedCheck => ({ rule, ok, detail });

/** A check as the grant records it: its sentence as facts (grant-sentences.ts), or whole where no form says it. */
function checkAsFacts(check: RecordedCheck, grant: GrantSaid): RecordedCheck {
  const { rule, ok, detail } = check;
  const words = detail === undefined ? undefined : recordedCheckWords(check, detail, grant);
  return words ? { rule, ok, ...words } : check;
}

/** A cap as the grant records it: its figures and its sentence as facts, or whole where no form says it. */
function capAsFacts(cap: CapRecord, grant: GrantSaid): CapRecord {
  const { detail, ...figures } = cap;
  const words = detail === undefined ? undefined : recordedCapWords(cap, detail, grant);
  return words ? Object.assign(figures, words) : cap;
}

/**
 * The grant's events as recorded (SubsidyGranted version 3): each check's and cap's sentence as the facts it names
 * besides the grant's terms. The views render them back (funding-texts.ts wordedCheck, wordedCap) as decided.
 */
export function recordedAsFacts(event: SubsidyLedgerEvent): SubsidyLedgerEvent {
  if (event.type !== 'SubsidyGranted') return event;
  const grant = event.data;
  const checks = grant.checks.map((check) => checkAsFacts(check, grant));
  return { ...event, data: { ...grant, checks, caps: grant.caps.map((cap) => capAsFacts(cap, grant)) } };
}

export function capExceeded(cap: CapEvaluation, all: CapEvaluation[], requestedFen: number): Rejection {
  const limit = cap.limitFen!;
  const used = cap.usedFen ?? 0;
  const headroom = Math.max(0, limit - used);
  return reject(
    'cap-exceeded',
    say`${cap.rule} (${cap.citation}): ${amountText(requestedFen)} requested, ${amountText(headroom)} of the limit ${amountText(limit)} remains (${amountText(used)} used); ${cap.detail}`,
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
  reject(code, say`${failed.rule} (${failed.citation}): ${failed.detail}`, {
    rule: failed.rule,
    citation: failed.citation,
    details: [failed],
  });

/**
 * A boundary's share of the grant, as its fold reads it (evolveBoundary): the project's terms only on the project's
 * stream. Written out key by key, as the grant's data below: on Node 20 a key added after a spread costs a new hidden
 * class each time (docs/ARCHITECTURE.md, "Objects on the command path").
 */
function committedOn(boundary: string, rule: RuleRef, terms: GrantTerms, decided: GrantAsDecided): FundingCommitted {
  const { subsidyId, consortiumId, recipient, category, amountFen, fiscalYear, grantedOn, projectId } = terms;
  // Keys in the order the event has always had them; policy and recipientRole follow the project's terms.
  const data = {
    rule: rule.rule,
    citation: rule.citation,
    boundary,
    subsidyId,
    consortiumId,
    recipient,
    category,
    amountFen,
    fiscalYear,
    grantedOn,
  } as FundingCommitted['data'];
  if (projectId !== undefined && boundary === projectStreamId(projectId)) {
    data.projectId = projectId;
    data.projectTotalInvestmentFen = terms.projectTotalInvestmentFen;
  }
  data.policy = decided.policy;
  data.recipientRole = decided.recipientRole;
  if (decided.evaluationPeriod !== undefined) data.evaluationPeriod = decided.evaluationPeriod;
  return { type: 'FundingCommitted', data };
}

export function grantEvents(
  facts: CapFacts,
  category: FundingCategory,
  consortium: ConsortiumState,
  checks: RuleCheck[],
  caps: CapRecord[],
): SubsidyLedgerEvent[] {
  const { terms, policy, recipientRole, recipientLeads, evaluationPeriod } = facts;
  const decided: GrantAsDecided = { policy, recipientRole, recipientLeads: [...recipientLeads] };
  if (evaluationPeriod !== undefined) decided.evaluationPeriod = evaluationPeriod;
  const boundaries = boundaryStreamList(grantBoundaryIds(terms, category));
  const { rule, citation } = category.grantRule;
  const granted: SubsidyGranted = {
    type: 'SubsidyGranted',
    data: Object.assign({ rule, citation }, terms, decided, {
      // The consortium's lead when the grant is recorded, even for a grant dated before a lead change: the unit that
      // answers for it from now on, and where the subsidy is scoped (its consortium's region now), as its commands are.
      responsibleUnit: consortium.lead.creditCode,
      checks: checks.map(saidCheck),
      caps,
      boundaries,
    }),
  };
  return [granted, ...boundaries.map((boundary) => committedOn(boundary, category.grantRule, terms, decided))];
}
