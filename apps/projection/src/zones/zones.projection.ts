import { streamKindOf } from '@ledger/domain/ledger-streams';
import { zoneDecider } from '@ledger/domain/zone/zone.decider';
import { ZONE_EVENT_TYPES, ZoneEvent } from '@ledger/domain/zone/zone.events';
import { ZoneState } from '@ledger/domain/zone/zone.state';
import { earliestOutstandingDue } from '@ledger/domain/zone/zone-schedule';
import { covers, documentProjection, domainEventOf, Jurisdiction, ReadStore } from '@ledger/platform';

const ZONE_EVENTS: ReadonlySet<string> = new Set(ZONE_EVENT_TYPES);

/** Every demonstration zone's state (the domain's own fold), with the columns lists filter and sort on. */
export const ZONES = documentProjection<ZoneState>({
  name: 'zones',
  version: 2,
  columns: { policy: 'text', name: 'text', status: 'text', approved_on: 'text', next_due: 'text' },
  indexes: [
    ['status', 'approved_on', 'id'],
    ['approved_on', 'id'],
    ['next_due', 'id'],
  ],
  documentOf: (event) => {
    if (!ZONE_EVENTS.has(event.type)) return undefined;
    const stream = streamKindOf(event.streamId);
    return stream?.kind === 'zone' ? stream.id : undefined;
  },
  initialState: () => zoneDecider.initialState(),
  evolve: (state, event) => zoneDecider.evolve(state, domainEventOf<ZoneEvent>(event)),
  exists: (state) => state.exists,
  columnsOf: (state) => ({
    policy: state.policy,
    name: state.name,
    status: state.status,
    approved_on: state.approvedOn,
    next_due: earliestOutstandingDue(state) ?? null,
  }),
  countersOf: (state) => [{ counter: 'zones', key: [state.policy, state.status], values: { count: 1 } }],
});

/** Every zone (optionally of one status), oldest approval first. Zones are few: a programme lists tens of them. */
export async function readZones(readStore: ReadStore, status?: string): Promise<ZoneState[]> {
  const page = await readStore.findDocuments<ZoneState>(ZONES.name, {
    where: { status },
    orderBy: [['approved_on', 'asc']],
    limit: 100_000,
  });
  return page.documents.map((d) => d.state);
}

/** How many zones (of one status, within a jurisdiction's policies): the sum of the counter rows that match. */
export async function countZones(readStore: ReadStore, status?: string, jurisdiction?: Jurisdiction): Promise<number> {
  const rows = await readStore.counters('zones');
  return rows
    .filter(({ key: [, keyStatus] }) => status === undefined || status === keyStatus)
    .filter(({ key: [policy] }) => covers(jurisdiction, { policy: String(policy) }))
    .reduce((total, row) => total + (row.values.count ?? 0), 0);
}
