import { streamKindOf } from '@ledger/domain/ledger-streams';
import { divisionOf } from '@ledger/domain/shared/credit-code';
import { RecordedCheck } from '@ledger/domain/policies/funding/funding-texts';
import { LeadChanged } from '@ledger/domain/consortium/consortium.events';
import { isSubsidyEvent, SubsidyEvent } from '@ledger/domain/subsidy/subsidy.events';
import { evolveSubsidy, initialSubsidyState, SubsidyState } from '@ledger/domain/subsidy/subsidy.state';
import { ProjectableEvent } from '@ledger/event-store';
import {
  covers,
  CounterContribution,
  CounterRow,
  documentProjection,
  domainEventOf,
  Jurisdiction,
  JurisdictionKeys,
  jurisdictionWhere,
  ReadStore,
  Where,
} from '@ledger/platform';
import { MoneyFigures } from '@ledger/presentation/subsidy.view';
import { findPage, ListPage } from '../shared/list-page';

/** A subsidy as its read model keeps it: its state, the rules its grant passed, and every movement after it. */
export interface SubsidyRecord {
  state: SubsidyState;
  grant?: { rule: string; citation: string; checks: RecordedCheck[] };
  movements: Array<Record<string, unknown> & { type: string; position: number; recordedAt: string }>;
  /**
   * The division of its consortium's lead, once a lead change moved the consortium to another one since the grant
   * (the subsidies projection's `related` events); absent, the lead's when it was granted, its responsible unit.
   */
  division?: string;
}

export const initialSubsidyRecord = (id: string): SubsidyRecord => ({ state: initialSubsidyState(id), movements: [] });

/** A subsidy's record after one more of its events (the domain's `evolveSubsidy`, plus the grant's checks and the movements). */
export function evolveSubsidyRecord(record: SubsidyRecord, recorded: ProjectableEvent): SubsidyRecord {
  const event = domainEventOf<SubsidyEvent>(recorded);
  const state = evolveSubsidy(record.state, event);
  if (event.type === 'SubsidyGranted') {
    const { rule, citation, checks } = event.data;
    return { state, grant: { rule, citation, checks }, movements: record.movements };
  }
  const { subsidyId: _id, ...data } = event.data;
  const movement = { type: event.type, ...data, position: recorded.position, recordedAt: recorded.recordedAt };
  return { ...record, state, movements: [...record.movements, movement] };
}

/**
 * Where a subsidy is (jurisdiction.ts): its consortium's region now, the division of the consortium's lead — the lead
 * it was granted under (its responsible unit) until a lead change moves the consortium, and its subsidies with it.
 */
export const subsidyDivisionOf = (record: SubsidyRecord): string =>
  record.division ?? divisionOf(record.state.responsibleUnit);

/** What a subsidy is scoped by (jurisdiction.ts): its policy and its consortium's region now. */
export const subsidyKeys = (record: SubsidyRecord): JurisdictionKeys => ({
  policy: record.state.policy,
  division: subsidyDivisionOf(record),
});

/**
 * A subsidy's document after one more event: one of its own stream (evolveSubsidyRecord), or its consortium's lead
 * change, which moves it to the new lead's region (the same record when the region stays: nothing changes).
 */
export function evolveSubsidyDocument(record: SubsidyRecord, recorded: ProjectableEvent): SubsidyRecord {
  if (recorded.type !== 'LeadChanged') return evolveSubsidyRecord(record, recorded);
  const { newLead } = domainEventOf<LeadChanged>(recorded).data;
  const division = divisionOf(newLead.creditCode);
  return division === subsidyDivisionOf(record) ? record : { ...record, division };
}

/** The consortium whose lead change an event is: its id, the value of the subsidies' `consortium_id`. */
function leadChangeOf(event: ProjectableEvent): string | undefined {
  if (event.type !== 'LeadChanged') return undefined;
  const stream = streamKindOf(event.streamId);
  return stream?.kind === 'consortium' ? stream.id : undefined;
}

/** The money a subsidy adds to a running total. */
const moneyOf = (s: SubsidyState) => ({
  subsidies: 1,
  grantedFen: s.grantedFen,
  cancelledFen: s.cancelledFen,
  disbursedFen: s.disbursedFen,
  clawedBackFen: s.clawedBackFen,
  refundedFen: s.refundedFen,
});

/**
 * Every subsidy (the domain's own fold), its grant's checks and its movements; and the running totals the dashboard,
 * the reconciliation and the funding view read: money by policy and fiscal year (per division of the consortium lead's
 * registration too, for jurisdictions) and by recipient and fiscal year. The division is the consortium's lead's now:
 * a lead change (an event of the consortium's stream) moves every subsidy of the consortium, its `division` column and
 * its money by division, to the new lead's region (`related`), live and in a rebuild alike.
 *
 * Version 3: the division follows lead changes (before, it stayed the responsible unit's; a start rebuilds it).
 */
export const SUBSIDIES = documentProjection<SubsidyRecord>({
  name: 'subsidies',
  version: 3,
  columns: {
    consortium_id: 'text',
    recipient: 'text',
    category: 'text',
    policy: 'text',
    fiscal_year: 'integer',
    status: 'text',
    granted_on: 'text',
    division: 'text',
  },
  // The list's order (oldest grant first, then id) under its usual filters: a recipient's year (the funding view),
  // a policy's year (the reconciliation), a consortium, a year, none.
  indexes: [
    ['recipient', 'fiscal_year', 'granted_on', 'id'],
    ['policy', 'fiscal_year', 'granted_on', 'id'],
    ['consortium_id', 'granted_on', 'id'],
    ['fiscal_year', 'granted_on', 'id'],
    ['granted_on', 'id'],
    // The grants waiting for a second signature (the dashboard's what-is-due): few, found without a scan.
    ['status', 'granted_on', 'id'],
  ],
  documentOf: (event) => {
    if (!isSubsidyEvent(event)) return undefined;
    const stream = streamKindOf(event.streamId);
    return stream?.kind === 'subsidy' ? stream.id : undefined;
  },
  related: { column: 'consortium_id', valueOf: leadChangeOf },
  initialState: initialSubsidyRecord,
  evolve: evolveSubsidyDocument,
  exists: (record) => record.state.exists,
  columnsOf: (record) => {
    const s = record.state;
    return {
      consortium_id: s.consortiumId,
      recipient: s.recipient,
      category: s.category,
      policy: s.policy,
      fiscal_year: s.fiscalYear,
      status: s.status,
      granted_on: s.grantedOn,
      division: subsidyDivisionOf(record),
    };
  },
  countersOf: (record): CounterContribution[] => {
    const s = record.state;
    return [
      { counter: 'money', key: [s.policy, s.fiscalYear], values: moneyOf(s) },
      { counter: 'money-by-division', key: [s.policy, s.fiscalYear, subsidyDivisionOf(record)], values: moneyOf(s) },
      { counter: 'funding-year', key: [s.recipient, s.fiscalYear], values: moneyOf(s) },
    ];
  },
});

export interface SubsidyFilter {
  consortiumId?: string;
  recipient?: string;
  policy?: string;
  category?: string;
  fiscalYear?: number;
  status?: string;
  /** Only the subsidies of this jurisdiction (jurisdiction.ts); absent: all. */
  jurisdiction?: Jurisdiction;
}

const whereOf = (filter: SubsidyFilter): Where => ({
  ...jurisdictionWhere(filter.jurisdiction),
  consortium_id: filter.consortiumId,
  recipient: filter.recipient,
  policy: filter.policy,
  category: filter.category,
  fiscal_year: filter.fiscalYear,
  status: filter.status,
});

/** Subsidies matching the filter, oldest grant first (a page of them, by cursor or offset); and how many match. */
export async function readSubsidies(
  readStore: ReadStore,
  filter: SubsidyFilter,
  page: ListPage,
): Promise<{ subsidies: SubsidyRecord[]; total: number; next?: string }> {
  const where = whereOf(filter);
  const [found, total] = await Promise.all([
    findPage<SubsidyRecord>(readStore, SUBSIDIES.name, { where, orderBy: [['granted_on', 'asc']] }, page),
    countSubsidies(readStore, filter),
  ]);
  return { subsidies: found.documents.map((d) => d.state), total, ...(found.next && { next: found.next }) };
}

/**
 * How many subsidies match: from the running totals when the filter is one they are kept by (nothing, a policy, a
 * fiscal year, both; a recipient's year), else counted on the index the filter uses.
 */
async function countSubsidies(readStore: ReadStore, filter: SubsidyFilter): Promise<number> {
  const given = (Object.keys(filter) as Array<keyof SubsidyFilter>).filter((k) => filter[k] !== undefined);
  if (given.every((k) => k === 'policy' || k === 'fiscalYear'))
    return (await readPolicyYearMoney(readStore, filter)).reduce((n, row) => n + row.subsidies, 0);
  if (given.length === 2 && filter.recipient !== undefined && filter.fiscalYear !== undefined)
    return (await readFundingYear(readStore, filter.recipient, filter.fiscalYear)).subsidies;
  return readStore.countDocuments(SUBSIDIES.name, whereOf(filter));
}

export const readSubsidy = async (readStore: ReadStore, id: string): Promise<SubsidyRecord | undefined> =>
  (await readStore.getDocument<SubsidyRecord>(SUBSIDIES.name, id))?.state;

export interface PolicyYearMoney extends MoneyFigures {
  policy: string;
  fiscalYear: number;
  subsidies: number;
}

const moneyOfCounter = (values: Record<string, number>): MoneyFigures & { subsidies: number } => ({
  subsidies: values.subsidies ?? 0,
  grantedFen: values.grantedFen ?? 0,
  cancelledFen: values.cancelledFen ?? 0,
  disbursedFen: values.disbursedFen ?? 0,
  clawedBackFen: values.clawedBackFen ?? 0,
  refundedFen: values.refundedFen ?? 0,
});

/** Money by policy and fiscal year (running totals), optionally of one policy or year; by policy, then year. */
export async function readPolicyYearMoney(
  readStore: ReadStore,
  filter: { policy?: string; fiscalYear?: number; jurisdiction?: Jurisdiction } = {},
): Promise<PolicyYearMoney[]> {
  const rows = filter.jurisdiction
    ? await jurisdictionMoney(readStore, filter.jurisdiction)
    : await readStore.counters('money');
  return rows
    .map(({ key: [policy, fiscalYear], values }) => ({
      policy: String(policy),
      fiscalYear: Number(fiscalYear),
      ...moneyOfCounter(values),
    }))
    .filter(
      (row) =>
        (filter.policy === undefined || row.policy === filter.policy) &&
        (filter.fiscalYear === undefined || row.fiscalYear === filter.fiscalYear),
    )
    .sort((a, b) => a.policy.localeCompare(b.policy) || a.fiscalYear - b.fiscalYear);
}

/** What a recipient received in a fiscal year (running totals); zeros when nothing. */
export async function readFundingYear(
  readStore: ReadStore,
  recipient: string,
  fiscalYear: number,
): Promise<MoneyFigures & { subsidies: number }> {
  const [row] = await readStore.counters('funding-year', [recipient, fiscalYear]);
  return moneyOfCounter(row?.values ?? {});
}

/**
 * The `money` counter's rows for a jurisdiction: the by-division totals it covers, added up by policy and fiscal year
 * (the same shape as `money`'s own rows).
 */
async function jurisdictionMoney(readStore: ReadStore, jurisdiction: Jurisdiction): Promise<CounterRow[]> {
  const sums = new Map<string, CounterRow>();
  for (const { key, values } of await readStore.counters('money-by-division')) {
    const [policy, fiscalYear, division] = key;
    if (!covers(jurisdiction, { policy: String(policy), division: String(division) })) continue;
    const id = JSON.stringify([policy, fiscalYear]);
    const sum = sums.get(id) ?? { key: [policy, fiscalYear], values: {} };
    for (const [field, value] of Object.entries(values)) sum.values[field] = (sum.values[field] ?? 0) + value;
    sums.set(id, sum);
  }
  return [...sums.values()];
}
