/** Subsidy commands (role finance). Money in fen: the HTTP edge turns "3000000.00" into 300000000. */
import { BusinessDate } from '../shared/dates';
import { DomainCommand } from '../shared/event';
import { Fen } from '../shared/money';
import { GrantTerms } from '../policies/funding/grant-terms';

export type GrantSubsidy = DomainCommand<'GrantSubsidy', GrantTerms>;

export type DisburseSubsidy = DomainCommand<
  'DisburseSubsidy',
  { subsidyId: string; amountFen: Fen; paidOn: BusinessDate; voucher: string }
>;

export type CancelSubsidy = DomainCommand<
  'CancelSubsidy',
  { subsidyId: string; amountFen: Fen; on: BusinessDate; reason: string }
>;

export const CLAWBACK_REASONS = ['misuse', 'fraud', 'termination', 'other'] as const;
export type ClawbackReason = (typeof CLAWBACK_REASONS)[number];

export type ClawBackSubsidy = DomainCommand<
  'ClawBackSubsidy',
  { subsidyId: string; amountFen: Fen; on: BusinessDate; reason: ClawbackReason }
>;

export type RecordSubsidyRefund = DomainCommand<
  'RecordSubsidyRefund',
  { subsidyId: string; amountFen: Fen; receivedOn: BusinessDate; voucher: string }
>;

export type TerminateSubsidy = DomainCommand<
  'TerminateSubsidy',
  { subsidyId: string; on: BusinessDate; reason: string }
>;

/**
 * After the consortium ended (nmg 六(三): 变更事项…须向项目主管部门提出申请), the project's managing authority decided that
 * the project goes on: disbursements may resume. `reference` is the authority's document number.
 */
export type ContinueSubsidy = DomainCommand<
  'ContinueSubsidy',
  { subsidyId: string; on: BusinessDate; authority: string; reference: string }
>;

/** ledger.dual-control: a second finance user (not the grant's maker) approves a pending grant, or declines it. */
export type ApproveGrant = DomainCommand<'ApproveGrant', { subsidyId: string; on: BusinessDate; note?: string }>;
export type DeclineGrant = DomainCommand<'DeclineGrant', { subsidyId: string; on: BusinessDate; note?: string }>;
/** ledger.dual-control: a pending grant left unsigned past its expiry is released by the ledger itself. */
export type ExpireGrant = DomainCommand<'ExpireGrant', { subsidyId: string; on: BusinessDate }>;

export type SubsidyCommand =
  | GrantSubsidy
  | DisburseSubsidy
  | CancelSubsidy
  | ClawBackSubsidy
  | RecordSubsidyRefund
  | TerminateSubsidy
  | ContinueSubsidy
  | ApproveGrant
  | DeclineGrant
  | ExpireGrant;
