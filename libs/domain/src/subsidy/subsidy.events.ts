/**
 * Events of the subsidy ledger. A subsidy's own stream (`subsidy-{id}`) holds its grant and every movement after it;
 * the grant mirrors itself into each funding boundary it is counted on (`FundingCommitted`), a cancellation releases
 * it there (`FundingReleased`), and a Tianjin fraud clawback writes the units answerable (`UnitRecordedDishonest`).
 * Each names the rule and citation behind it. The grant records every rule it passed (`checks`) and every cap it was
 * checked against (`caps`), so the audit trail explains the decision without recomputing it: facts and figures, with
 * the clauses and interpretations rendered from the catalogue when a view is built (funding-texts.ts).
 */
import { BusinessDate } from '../shared/dates';
import { DomainEvent } from '../shared/event';
import { Fen } from '../shared/money';
import { ConsortiumPolicyId } from '../shared/policy-ids';
import { RuleRef } from '../shared/rule';
import { RecordedCheck } from '../policies/funding/funding-texts';
import { CapRecord } from '../policies/funding/funding-policy';
import { ClawbackReason } from './subsidy.commands';
import { GrantTerms, RecipientRole } from '../policies/funding/grant-terms';

/** The maker-checker terms a pending grant was recorded under (ledger.dual-control). */
export interface DualControl {
  /** LEDGER_DUAL_CONTROL_AMOUNT when the grant was decided. */
  thresholdFen: Fen;
  /** The finance user who granted it: not the one who may approve it. */
  maker: string;
  /** Left unsigned after this day, the ledger releases it (grantedOn + LEDGER_PENDING_DAYS). */
  expiresOn: BusinessDate;
}

/** What a grant decision established besides its terms, recorded with them. */
export interface GrantAsDecided {
  policy: ConsortiumPolicyId;
  recipientRole: RecipientRole;
  /**
   * The consortia under the grant's policy the recipient led when granted (liaoning.mengzhu-status). Absent on grants
   * decided before the registry of 盟主 (catalogue 2025-11-01): there the lead of the grant's own consortium alone.
   */
  recipientLeads?: string[];
  /** tianjin.evaluation-award: the evaluation the award is for. */
  evaluationPeriod?: string;
}

/**
 * Version 3 records each check and cap by its rule, its variant and the facts its sentence names besides the grant's
 * terms (grant-sentences.ts renders the sentence); version 2 (catalogue 2026-12-01) recorded the sentence (`detail`)
 * without the clause and interpretation texts, version 1 those too. Older words are shown as recorded.
 */
export type SubsidyGranted = DomainEvent<
  'SubsidyGranted',
  RuleRef &
    GrantTerms &
    GrantAsDecided & {
      /** The consortium's lead when granted: Tianjin's 对外责任主体单位, answerable under tianjin.fraud. */
      responsibleUnit: string;
      checks: RecordedCheck[];
      /** ledger.dual-control: at or above the threshold in force, the grant waits for a second signature. */
      dualControl?: DualControl;
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

/**
 * A grant as counted on one funding boundary (schema version 2; version 1 named `grantedOn` `on`, see
 * subsidy.upcasters.ts).
 */
/**
 * The grant as its boundary counts it. Version 3 (catalogue 2026-12-01) records what the boundary's fold reads (the
 * project's terms on the project's stream only); versions 1 and 2 mirrored the whole grant with its caps (version 1
 * named `grantedOn` `on`).
 */
export type FundingCommitted = DomainEvent<
  'FundingCommitted',
  RuleRef &
    Pick<
      GrantTerms,
      'subsidyId' | 'consortiumId' | 'recipient' | 'category' | 'amountFen' | 'fiscalYear' | 'grantedOn'
    > &
    Pick<GrantTerms, 'projectId' | 'projectTotalInvestmentFen'> &
    Pick<GrantAsDecided, 'policy' | 'recipientRole' | 'evaluationPeriod'> & {
      /** The boundary stream this event belongs to. */
      boundary: string;
    }
>;

export type FundingReleased = DomainEvent<
  'FundingReleased',
  RuleRef & {
    boundary: string;
    subsidyId: string;
    amountFen: Fen;
    on: BusinessDate;
    reason: 'cancellation' | 'termination' | 'fraud' | 'declined' | 'expired';
  }
>;

export type UnitRecordedDishonest = DomainEvent<
  'UnitRecordedDishonest',
  RuleRef & {
    creditCode: string;
    on: BusinessDate;
    subsidyId: string;
    consortiumId: string;
    /** Why this unit: it received the money, or it is the alliance's responsible unit (对外责任主体单位). */
    capacity: 'recipient' | 'responsible-unit';
  }
>;

/** The project's authority let the project go on after its consortium ended: disbursements may resume. */
export type SubsidyContinued = DomainEvent<
  'SubsidyContinued',
  RuleRef & {
    subsidyId: string;
    on: BusinessDate;
    authority: string;
    reference: string;
    /** How the consortium had ended, and when. */
    consortiumEnded: { status: string; on: BusinessDate };
  }
>;

/** A pending grant signed by a second finance user: it may now be paid. */
export type GrantApproved = DomainEvent<
  'GrantApproved',
  RuleRef & { subsidyId: string; on: BusinessDate; checker: string; note?: string }
>;

/** A pending grant refused by a second finance user: its headroom is released (FundingReleased, reason 'declined'). */
export type GrantDeclined = DomainEvent<
  'GrantDeclined',
  RuleRef & { subsidyId: string; on: BusinessDate; checker: string; amountFen: Fen; note?: string }
>;

/** A pending grant left unsigned past `expiresOn`: released by the ledger (actor `system`). */
export type GrantExpired = DomainEvent<
  'GrantExpired',
  RuleRef & { subsidyId: string; on: BusinessDate; expiresOn: BusinessDate; amountFen: Fen }
>;

/** The list of pending grants (stream dual-control-pending): one opened with each pending grant, closed with it. */
export type PendingGrantOpened = DomainEvent<
  'PendingGrantOpened',
  RuleRef & { subsidyId: string; expiresOn: BusinessDate; maker: string; amountFen: Fen }
>;
export type PendingGrantClosed = DomainEvent<
  'PendingGrantClosed',
  RuleRef & { subsidyId: string; on: BusinessDate; outcome: 'approved' | 'declined' | 'expired' }
>;
export type PendingGrantEvent = PendingGrantOpened | PendingGrantClosed;

export type SubsidyEvent =
  | SubsidyGranted
  | SubsidyDisbursed
  | SubsidyCancelled
  | SubsidyClawedBack
  | SubsidyRefunded
  | SubsidyTerminated
  | SubsidyContinued
  | GrantApproved
  | GrantDeclined
  | GrantExpired;

export type FundingBoundaryEvent = FundingCommitted | FundingReleased;
export type BoundaryEvent = FundingBoundaryEvent | UnitRecordedDishonest | PendingGrantEvent;

/** Every event a subsidy decision emits: its own and those mirrored into the boundary streams. */
export type SubsidyLedgerEvent = SubsidyEvent | BoundaryEvent;

export const SUBSIDY_EVENT_TYPES: ReadonlyArray<SubsidyEvent['type']> = [
  'SubsidyGranted',
  'SubsidyDisbursed',
  'SubsidyCancelled',
  'SubsidyClawedBack',
  'SubsidyRefunded',
  'SubsidyTerminated',
  'SubsidyContinued',
  'GrantApproved',
  'GrantDeclined',
  'GrantExpired',
];

/** A set: asked of every event of a rebuild by the subsidies read model, and of each event the command side folds. */
const SUBSIDY_EVENT_TYPE_SET: ReadonlySet<string> = new Set(SUBSIDY_EVENT_TYPES);

export const isSubsidyEvent = (event: { type: string }): event is SubsidyEvent =>
  SUBSIDY_EVENT_TYPE_SET.has(event.type);
