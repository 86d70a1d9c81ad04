/**
 * Consortium events: plain `{ type, data }` values in the past tense. Every event names, at the top of its data, the
 * rule (`rule`, `citation`) that made the step legitimate, so the audit trail shows which clause decided it; events
 * taken on several rules also carry the verdicts (eligibility, checks). Which rule each event names is listed in
 * consortium.decider.ts. Events recorded before a type carried `rule`/`citation` lack them; evolve never reads them
 * except on the events that end a consortium.
 */
import { BusinessDate } from '../shared/dates';
import { DomainEvent } from '../shared/event';
import { Words } from '../shared/sentence';
import { RuleCheck, RuleRef } from '../shared/rule';
import { ConsortiumPolicyId } from '../shared/policy-ids';
import { Governance, Unit } from '../shared/unit';
import { Grade, ReviewStage } from '../shared/procedure';

export type ConsortiumFiled = DomainEvent<
  'ConsortiumFiled',
  {
    consortiumId: string;
    policy: ConsortiumPolicyId;
    name: string;
    filedOn: BusinessDate;
    lead: Unit;
    members: Unit[];
    agreementSigned: boolean;
    integrityCommitment: boolean;
    governance: Governance;
    /** The key industrial chain (产业链) named at filing (nmg.chain-coverage); absent when none was named. */
    chain?: string;
    /** Every eligibility rule's verdict; an ineligible filing is recorded, and approval will refuse it. */
    eligibility: RuleCheck[];
    eligible: boolean;
  } & RuleRef
>;

export type ReviewRecorded = DomainEvent<
  'ReviewRecorded',
  {
    consortiumId: string;
    stage: ReviewStage;
    outcome: 'pass' | 'fail';
    on: BusinessDate;
    notes?: string;
  } & RuleRef
>;

export type PublicNoticeStarted = DomainEvent<
  'PublicNoticeStarted',
  {
    consortiumId: string;
    startsOn: BusinessDate;
    endsOn: BusinessDate;
    unit: 'working-days' | 'calendar-days';
    days: number;
    interpretation?: string;
  } & RuleRef
>;

export type ObjectionRecorded = DomainEvent<
  'ObjectionRecorded',
  { consortiumId: string; n: number; on: BusinessDate; text: string } & RuleRef
>;

export type ObjectionResolved = DomainEvent<
  'ObjectionResolved',
  {
    consortiumId: string;
    n: number;
    on: BusinessDate;
    outcome: 'upheld' | 'dismissed';
  } & RuleRef
>;

export type ConsortiumApproved = DomainEvent<
  'ConsortiumApproved',
  {
    consortiumId: string;
    on: BusinessDate;
    /** Every check the approval passed: eligibility, review steps, public notice, objections. */
    checks: RuleCheck[];
    /** The cycle it belongs to (catalogue 2026-12-01 on; earlier evaluations were not placed in cycles). */
    cycle?: { number: number; due: BusinessDate; opens: BusinessDate };
    nextEvaluationDueOn?: BusinessDate;
  } & RuleRef
>;

export type ConsortiumRejected = DomainEvent<
  'ConsortiumRejected',
  { consortiumId: string; on: BusinessDate; reason: string } & RuleRef
>;

export type ConsortiumWithdrawn = DomainEvent<
  'ConsortiumWithdrawn',
  { consortiumId: string; on: BusinessDate; reason?: string } & RuleRef
>;

export type MemberAdded = DomainEvent<
  'MemberAdded',
  {
    consortiumId: string;
    on: BusinessDate;
    member: Unit;
    /** Eligibility re-assessed on the members after the change. */
    eligibility: RuleCheck[];
  } & RuleRef
>;

export type MemberRemoved = DomainEvent<
  'MemberRemoved',
  {
    consortiumId: string;
    on: BusinessDate;
    creditCode: string;
    eligibility: RuleCheck[];
  } & RuleRef
>;

export type LeadChanged = DomainEvent<
  'LeadChanged',
  {
    consortiumId: string;
    on: BusinessDate;
    previousLead: Unit;
    newLead: Unit;
    /** The new lead's verdicts on the policy's lead rules (empty where the change dissolves the consortium). */
    leadChecks: RuleCheck[];
    eligibility: RuleCheck[];
  } & RuleRef
>;

export type ConsortiumRenamed = DomainEvent<
  'ConsortiumRenamed',
  {
    consortiumId: string;
    on: BusinessDate;
    previousName: string;
    name: string;
  } & RuleRef
>;

export type EvaluationRecorded = DomainEvent<
  'EvaluationRecorded',
  {
    consortiumId: string;
    period: string;
    on: BusinessDate;
    grade: Grade;
    scores?: Record<string, number>;
    /** e.g. whether it came when due (luzhou.evaluation-cycle), whether it covers every aspect (liaoning.evaluation). */
    checks: RuleCheck[];
    /** The cycle it belongs to (catalogue 2026-12-01 on; earlier evaluations were not placed in cycles). */
    cycle?: { number: number; due: BusinessDate; opens: BusinessDate };
    nextEvaluationDueOn?: BusinessDate;
  } & RuleRef
>;

export type ConsortiumDissolved = DomainEvent<
  'ConsortiumDissolved',
  {
    consortiumId: string;
    on: BusinessDate;
    reason: string; // 'lead-change' | 'rename' | the officer's reason
  } & RuleRef
>;

export type ConsortiumDelisted = DomainEvent<
  'ConsortiumDelisted',
  {
    consortiumId: string;
    on: BusinessDate;
    /** The ledger's own reason, as a sentence (delistings recorded before sentences hold its English text). */
    reason: Words;
    /** The periods of the consecutive unqualified evaluations. */
    periods: string[];
  } & RuleRef
>;

export type AnnualReportRecorded = DomainEvent<
  'AnnualReportRecorded',
  {
    consortiumId: string;
    year: number;
    submittedOn: BusinessDate;
    summary: boolean;
    plan: boolean;
    dueOn: BusinessDate;
    check: RuleCheck;
  } & RuleRef
>;

/**
 * A 原则上 rule set aside for this consortium (ledger.waivers). `rule`/`citation` name the waived rule and its clause;
 * `lead` is the unit a waiver of a rule about the lead was granted for (it holds while that unit leads).
 */
export type RuleWaived = DomainEvent<
  'RuleWaived',
  {
    consortiumId: string;
    on: BusinessDate;
    reason: string;
    reference: string;
    actor: string;
    lead?: string;
  } & RuleRef
>;

export type ConsortiumEvent =
  | ConsortiumFiled
  | ReviewRecorded
  | PublicNoticeStarted
  | ObjectionRecorded
  | ObjectionResolved
  | ConsortiumApproved
  | ConsortiumRejected
  | ConsortiumWithdrawn
  | MemberAdded
  | MemberRemoved
  | LeadChanged
  | ConsortiumRenamed
  | EvaluationRecorded
  | ConsortiumDissolved
  | ConsortiumDelisted
  | AnnualReportRecorded
  | RuleWaived;

export type ConsortiumEventType = ConsortiumEvent['type'];

export const CONSORTIUM_EVENT_TYPES: ReadonlyArray<ConsortiumEventType> = [
  'ConsortiumFiled',
  'ReviewRecorded',
  'PublicNoticeStarted',
  'ObjectionRecorded',
  'ObjectionResolved',
  'ConsortiumApproved',
  'ConsortiumRejected',
  'ConsortiumWithdrawn',
  'MemberAdded',
  'MemberRemoved',
  'LeadChanged',
  'ConsortiumRenamed',
  'EvaluationRecorded',
  'ConsortiumDissolved',
  'ConsortiumDelisted',
  'AnnualReportRecorded',
  'RuleWaived',
];
