/** Consortium commands: plain `{ type, data }` values; data mirrors the API.md bodies, money already in fen. */
import { BusinessDate } from '../shared/dates';
import { DomainCommand } from '../shared/event';
import { ConsortiumPolicyId } from '../shared/policy-ids';
import { Governance, Unit } from '../shared/unit';
import { Grade, ReviewStage } from '../shared/procedure';

export type FileConsortium = DomainCommand<
  'FileConsortium',
  {
    consortiumId: string;
    policy: ConsortiumPolicyId;
    name: string;
    filedOn: BusinessDate;
    lead: Unit;
    members: Unit[]; // excludes the lead
    agreementSigned: boolean;
    integrityCommitment?: boolean; // absent: false
    governance?: Partial<Governance>; // absent bodies: false
    /** The key industrial chain (产业链) the consortium serves, where the programme counts its targets by chain. */
    chain?: string;
    /** 原则上 rules set aside for this consortium from its filing, each on its approving document. */
    waivers?: WaiverRequest[];
  }
>;

/** A waiver asked for: the rule (one whose clause says 原则上), why, and the approving document's number. */
export interface WaiverRequest {
  rule: string;
  reason: string;
  reference: string;
}

/** Sets aside a 原则上 rule checked at approval for one consortium (ledger.waivers). */
export type WaiveRule = DomainCommand<'WaiveRule', WaiverRequest & { consortiumId: string; on: BusinessDate }>;

export type RecordReview = DomainCommand<
  'RecordReview',
  {
    consortiumId: string;
    stage: ReviewStage;
    outcome: 'pass' | 'fail';
    on: BusinessDate;
    notes?: string;
  }
>;

export type StartPublicNotice = DomainCommand<'StartPublicNotice', { consortiumId: string; startsOn: BusinessDate }>;

export type RecordObjection = DomainCommand<
  'RecordObjection',
  { consortiumId: string; on: BusinessDate; text: string }
>;

export type ResolveObjection = DomainCommand<
  'ResolveObjection',
  {
    consortiumId: string;
    n: number; // the objection's number, 1-based
    on: BusinessDate;
    outcome: 'upheld' | 'dismissed';
  }
>;

export type ApproveConsortium = DomainCommand<'ApproveConsortium', { consortiumId: string; on: BusinessDate }>;

export type RejectConsortium = DomainCommand<
  'RejectConsortium',
  { consortiumId: string; on: BusinessDate; reason: string }
>;

export type WithdrawConsortium = DomainCommand<
  'WithdrawConsortium',
  { consortiumId: string; on: BusinessDate; reason?: string }
>;

export type AddMember = DomainCommand<'AddMember', { consortiumId: string; on: BusinessDate; member: Unit }>;

export type RemoveMember = DomainCommand<
  'RemoveMember',
  {
    consortiumId: string;
    creditCode: string;
    on?: BusinessDate; // absent: context.today
  }
>;

export type ChangeLead = DomainCommand<'ChangeLead', { consortiumId: string; on: BusinessDate; newLead: Unit }>;

export type RenameConsortium = DomainCommand<
  'RenameConsortium',
  { consortiumId: string; on: BusinessDate; name: string }
>;

export type RecordEvaluation = DomainCommand<
  'RecordEvaluation',
  {
    consortiumId: string;
    period: string; // e.g. '2025'
    on: BusinessDate;
    grade: Grade;
    scores?: Record<string, number>;
  }
>;

export type DissolveConsortium = DomainCommand<
  'DissolveConsortium',
  { consortiumId: string; on: BusinessDate; reason: string }
>;

/** Not in API.md v1: the annual summary and next year's plan (tianjin.annual-report). */
export type RecordAnnualReport = DomainCommand<
  'RecordAnnualReport',
  {
    consortiumId: string;
    year: number;
    submittedOn: BusinessDate;
    summary: boolean;
    plan: boolean;
  }
>;

export type ConsortiumCommand =
  | FileConsortium
  | RecordReview
  | StartPublicNotice
  | RecordObjection
  | ResolveObjection
  | ApproveConsortium
  | RejectConsortium
  | WithdrawConsortium
  | AddMember
  | RemoveMember
  | ChangeLead
  | RenameConsortium
  | RecordEvaluation
  | DissolveConsortium
  | RecordAnnualReport
  | WaiveRule;

export type ConsortiumCommandType = ConsortiumCommand['type'];
