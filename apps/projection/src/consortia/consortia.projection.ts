import { consortiumDecider } from '@ledger/domain/consortium/consortium.decider';
import { CONSORTIUM_EVENT_TYPES, ConsortiumEvent } from '@ledger/domain/consortium/consortium.events';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { streamKindOf } from '@ledger/domain/ledger-streams';
import { divisionOf } from '@ledger/domain/shared/credit-code';
import { CounterRow, covers, documentProjection, domainEventOf, Jurisdiction, ReadStore } from '@ledger/platform';

const CONSORTIUM_EVENTS: ReadonlySet<string> = new Set(CONSORTIUM_EVENT_TYPES);

/** The next date something is due: a public notice's end, or the next evaluation of an active consortium. */
export function nextDueOf(state: ConsortiumState): string | null {
  if (state.status === 'public-notice' && state.notice) return state.notice.endsOn;
  if (state.status === 'active' && state.nextEvaluationDueOn) return state.nextEvaluationDueOn;
  return null;
}

/**
 * Every consortium's state: the domain's own fold (so the detail, the list and the as-of answer are the same fold),
 * with the columns lists filter and sort on, and the counts by policy and status (per division of the lead's
 * registration too, for jurisdictions; per key chain where the filing named one) that the dashboard reads.
 */
export const CONSORTIA = documentProjection<ConsortiumState>({
  name: 'consortia',
  version: 2,
  columns: {
    policy: 'text',
    status: 'text',
    name: 'text',
    lead_credit_code: 'text',
    division: 'text',
    filed_on: 'text',
    next_due: 'text',
  },
  // The list's order (newest filing first, then id) under each of its filters; the dashboard's deadlines (next_due,
  // id) with the columns they show, so that they are read off the index alone.
  indexes: [
    ['filed_on desc', 'id'],
    ['policy', 'filed_on desc', 'id'],
    ['status', 'filed_on desc', 'id'],
    ['policy', 'status', 'filed_on desc', 'id'],
    ['next_due', 'id', 'status', 'policy', 'name'],
    ['lead_credit_code'],
  ],
  // The type first: every read model is asked about every event, and most events are not theirs.
  documentOf: (event) => {
    if (!CONSORTIUM_EVENTS.has(event.type)) return undefined;
    const stream = streamKindOf(event.streamId);
    return stream?.kind === 'consortium' ? stream.id : undefined;
  },
  initialState: () => consortiumDecider.initialState(),
  evolve: (state, event) => consortiumDecider.evolve(state, domainEventOf<ConsortiumEvent>(event)),
  exists: (state) => state.exists,
  columnsOf: (state) => ({
    policy: state.policy,
    status: state.status,
    name: state.name,
    lead_credit_code: state.lead.creditCode,
    division: divisionOf(state.lead.creditCode),
    filed_on: state.filedOn,
    next_due: nextDueOf(state),
  }),
  countersOf: (state) => [
    { counter: 'consortia', key: [state.policy, state.status], values: { count: 1 } },
    {
      counter: 'consortia-by-division',
      key: [state.policy, state.status, divisionOf(state.lead.creditCode)],
      values: { count: 1 },
    },
    ...(state.chain !== undefined
      ? [{ counter: 'consortia-by-chain', key: [state.policy, state.status, state.chain], values: { count: 1 } }]
      : []),
  ],
});

/**
 * How many consortia a list filtered by policy and/or status holds: the sum of the counter rows that match (a few
 * dozen: policies × statuses), not a count of the documents.
 */
export async function countConsortia(
  readStore: ReadStore,
  filter: { policy?: string; status?: string },
  jurisdiction?: Jurisdiction,
): Promise<number> {
  const rows = await consortiaCounters(readStore, jurisdiction);
  return rows
    .filter(({ key: [policy, status] }) => (filter.policy ?? policy) === policy && (filter.status ?? status) === status)
    .reduce((total, row) => total + (row.values.count ?? 0), 0);
}

/**
 * The `consortia` counter (by policy and status), or for a jurisdiction the by-division counts it covers, added up by
 * policy and status.
 */
export async function consortiaCounters(readStore: ReadStore, jurisdiction?: Jurisdiction): Promise<CounterRow[]> {
  if (!jurisdiction) return readStore.counters('consortia');
  const sums = new Map<string, CounterRow>();
  for (const { key, values } of await readStore.counters('consortia-by-division')) {
    const [policy, status, division] = key.map(String);
    if (!covers(jurisdiction, { policy, division })) continue;
    const id = JSON.stringify([policy, status]);
    const sum = sums.get(id) ?? { key: [policy, status], values: { count: 0 } };
    sum.values.count += values.count ?? 0;
    sums.set(id, sum);
  }
  return [...sums.values()];
}
