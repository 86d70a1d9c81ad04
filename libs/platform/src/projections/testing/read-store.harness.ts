/**
 * What an adapter's spec hands the read-store and projection-engine contracts for each test: an empty event log and
 * an empty read store, and how to open a second read store over the same storage (another process, as far as the
 * store can tell). Test code only: production never imports testing/.
 */
import { EventStore, RecordedEvent } from '@ledger/event-store';
import { documentProjection, Projection, rowProjection } from '../projection';
import { ReadStore } from '../read-store.port';

export interface ReadStoreHarness {
  eventStore: EventStore;
  readStore: ReadStore;
  /** Another read store over the same storage, closed by `cleanup`. */
  openAnother(): Promise<ReadStore>;
  cleanup(): Promise<void>;
}

export type MakeReadStoreHarness = () => Promise<ReadStoreHarness>;

/** Runs the harness around each test of a suite; `harness()` is the current test's. */
export function withHarness(make: MakeReadStoreHarness): () => ReadStoreHarness {
  let current: ReadStoreHarness | undefined;
  beforeEach(async () => {
    current = await make();
  });
  afterEach(async () => {
    const finished = current;
    current = undefined;
    await finished?.cleanup();
  });
  return () => {
    if (!current) throw new Error('no harness outside a test');
    return current;
  };
}

export interface Tally {
  stream: string;
  positions: number[];
  parity: 'even' | 'odd';
}

export function tallyEvolve(state: Tally, event: { position: number }): Tally {
  const positions = [...state.positions, event.position];
  return { ...state, positions, parity: positions.length % 2 === 0 ? 'even' : 'odd' };
}

/** Counts events per stream (a document per stream); can be told to fail on one position. */
export function tallyProjection(
  name: string,
  options: { failOn?: () => number | undefined; version?: number } = {},
): Projection {
  return documentProjection<Tally>({
    name,
    version: options.version ?? 1,
    columns: { parity: 'text', events: 'integer' },
    indexes: [['parity']],
    documentOf: (event) => event.streamId,
    initialState: (stream) => ({ stream, positions: [], parity: 'even' }),
    evolve: (state, event) => {
      if (options.failOn?.() === event.position) throw new Error(`projection bug at ${event.position}`);
      return tallyEvolve(state, event);
    },
    exists: () => true,
    columnsOf: (state) => ({ parity: state.parity, events: state.positions.length }),
    countersOf: (state) => [
      { counter: `${name}-by-parity`, key: [state.parity], values: { streams: 1, events: state.positions.length } },
    ],
  });
}

export interface Member {
  id: string;
  group: string;
  /** The positions of the member's own events. */
  positions: number[];
  /** The positions of its group's events that marked it. */
  marks: number[];
}

/**
 * A document per member (stream `member-{group}-{n}`, existing from its first event) and the events of its group's
 * own stream `group-{group}`, which every member of the group takes (`related`): each marks it, unless its data says
 * `same` (the member is left as it was). Counts members by group and number of marks.
 */
export function membersProjection(name: string): Projection {
  const isGroup = (streamId: string) => streamId.startsWith('group-');
  return documentProjection<Member>({
    name,
    version: 1,
    columns: { grp: 'text', marks: 'integer' },
    indexes: [['grp']],
    documentOf: (event) => (event.streamId.startsWith('member-') ? event.streamId : undefined),
    related: { column: 'grp', valueOf: (event) => (isGroup(event.streamId) ? event.streamId.slice(6) : undefined) },
    initialState: (id) => ({ id, group: id.split('-')[1], positions: [], marks: [] }),
    evolve: (state, event) => {
      if (!isGroup(event.streamId)) return { ...state, positions: [...state.positions, event.position] };
      return (event.data as { same?: boolean }).same ? state : { ...state, marks: [...state.marks, event.position] };
    },
    exists: (state) => state.positions.length > 0,
    columnsOf: (state) => ({ grp: state.group, marks: state.marks.length }),
    countersOf: (state) => [
      { counter: `${name}-by-marks`, key: [state.group, state.marks.length], values: { members: 1 } },
    ],
  });
}

/** A document per id with whatever columns a test writes (the contract writes documents directly). */
export const plainDocuments = (name: string): Projection =>
  documentProjection<unknown>({
    name,
    version: 1,
    columns: { label: 'text', amount: 'integer', day: 'text' },
    indexes: [['label'], ['amount', 'day']],
    documentOf: () => undefined,
    initialState: () => ({}),
    evolve: (state) => state,
    exists: () => true,
    columnsOf: () => ({}),
  });

/** A row per event, as the audit trail. */
export const plainRows = (name: string): Projection =>
  rowProjection({ name, version: 1, columns: { actor: 'text', amount: 'integer' }, rowOf: () => undefined });

export const anEvent = (i: number) => ({
  eventId: `e-${i}`,
  type: 'Ticked',
  data: { i },
  metadata: { actor: 't', correlationId: 'c', causationId: 'c', commandId: `c-${i}` },
});

/** A recorded event as the log would hand it, for applying batches without a log. */
export const recorded = (position: number, streamId: string): RecordedEvent => ({
  position,
  streamId,
  streamRevision: 0,
  eventId: `e${position}`,
  type: 'Ticked',
  schemaVersion: 1,
  data: {},
  metadata: { actor: 'a', correlationId: 'c', causationId: 'c', commandId: 'c' },
  recordedAt: '2026-01-01T00:00:00.000Z',
  hash: '',
});

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
