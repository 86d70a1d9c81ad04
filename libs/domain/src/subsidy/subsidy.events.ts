/**
 * Events of a subsidy's own stream (`subsidy-{id}`). Each names the rule and citation behind it. The grant records
 * every rule it passed (`checks`) and every cap it was checked against (`caps`), so the audit trail explains the
 * decision without recomputing it.
 */
import { BusinessDate } from '../shared/dates';
import { DomainEvent } from '../shared/event';
import { Fen } from '../shared/money';
import { RuleCheck, RuleRef } from '../shared/rule';
import type { CapRecord, FundingCategoryId, RecipientRole } from '../policies/funding/funding-policy';
import type { ClawbackReason } from './subsidy.commands';
import type { BoundaryEvent } from './funding-boundaries';
import { ConsortiumPolicyId } from '../shared/policy-ids';

export type SubsidyGranted = DomainEvent<
  'SubsidyGranted',
  RuleRef & {
    subsidyId: string;
    consortiumId: string;
    policy: ConsortiumPolicyId;
    category: FundingCategoryId;
    recipient: string;
    recipientRole: RecipientRole;
    /** The consortium's lead when granted: Tianjin's 对外责任主体单位, answerable under tianjin.fraud. */
    responsibleUnit: string;
    amountFen: Fen;
    fiscalYear: number;
    grantedOn: BusinessDate;
    projectId?: string;
    projectTotalInvestmentFen?: Fen;
    platformId?: string;
    evaluationPeriod?: string;
    checks: RuleCheck[];
    caps: CapRecord[];
    /** The funding boundary streams the grant is committed to; cancellations release it there. */
    boundaries: string[];
  }
>;

export type SubsidyDisbursed = DomainEvent<
  'SubsidyDisbursed',
  RuleRef & { subsidyId: string; amountFen: Fen; paidOn: BusinessDate; voucher: string }
>;

export type SubsidyCancelled = DomainEvent<
  'SubsidyCancelled',
  RuleRef & { subsidyId: string; amountFen: Fen; on: BusinessDate; reason: string }
>;

export type SubsidyClawedBack = DomainEvent<
  'SubsidyClawedBack',
  RuleRef & { subsidyId: string; amountFen: Fen; on: BusinessDate; reason: ClawbackReason }
>;

export type SubsidyRefunded = DomainEvent<
  'SubsidyRefunded',
  RuleRef & { subsidyId: string; amountFen: Fen; receivedOn: BusinessDate; voucher: string }
>;

/** Followed, in the same decision, by the cancellation of the undisbursed rest and the clawback of the disbursed. */
export type SubsidyTerminated = DomainEvent<
  'SubsidyTerminated',
  RuleRef & { subsidyId: string; on: BusinessDate; reason: string }
>;

export type SubsidyEvent =
  SubsidyGranted | SubsidyDisbursed | SubsidyCancelled | SubsidyClawedBack | SubsidyRefunded | SubsidyTerminated;

/** Every event a subsidy decision emits: its own and those mirrored into the boundary streams. */
export type SubsidyLedgerEvent = SubsidyEvent | BoundaryEvent;

export const SUBSIDY_EVENT_TYPES: ReadonlyArray<SubsidyEvent['type']> = [
  'SubsidyGranted',
  'SubsidyDisbursed',
  'SubsidyCancelled',
  'SubsidyClawedBack',
  'SubsidyRefunded',
  'SubsidyTerminated',
];

export const isSubsidyEvent = (event: { type: string }): event is SubsidyEvent =>
  (SUBSIDY_EVENT_TYPES as ReadonlyArray<string>).includes(event.type);
