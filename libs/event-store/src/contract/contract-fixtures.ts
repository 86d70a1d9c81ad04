import { randomUUID } from 'crypto';
import {
  AppendResult,
  EventMetadata,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  LogPosition,
  StreamRevision,
  WrongExpectedRevisionError,
} from '../event-store.port';

/** What an adapter's spec hands the contract for each test: a store over an empty log, and how to dispose of it. */
export interface ContractHarness {
  store: EventStore;
  /** Closes the store (if still open) and opens a new one over the same data. */
  reopen?: () => Promise<EventStore>;
  /** Replaces the stored data JSON of one event behind the store's back, as an intruder with database access would. */
  tamper?: (position: LogPosition, newDataJson: string) => Promise<void>;
  /** Closes whichever store is open (it may already be closed) and removes the data. */
  cleanup: () => Promise<void>;
}

export type MakeContractHarness = () => Promise<ContractHarness>;

/** Capabilities the adapter cannot offer are reported as skipped tests, never as tests that pass without checking. */
export interface ContractCapabilities {
  reopen: boolean;
  tamper: boolean;
  /**
   * Positions are 1, 2, 3… in commit order, without gaps (the SQL stores). When false (KurrentDB: `$all` commit
   * positions), positions only increase along the log: the tests whose point is the numbering are skipped, and the
   * others compare positions with those the log itself shows.
   */
  densePositions: boolean;
  /**
   * An event id is unique across every stream: recording it in a second stream is a DuplicateEventIdError. When false
   * (KurrentDB, whose event-id idempotence is per stream), that test is skipped.
   */
  eventIdsUniqueAcrossStreams: boolean;
  /** The store lists its stream ids (`streamIds`). KurrentDB does not: its command side reads every stream. */
  streamIds: boolean;
}

export const ALL_CAPABILITIES: ContractCapabilities = {
  reopen: true,
  tamper: true,
  densePositions: true,
  eventIdsUniqueAcrossStreams: true,
  streamIds: true,
};

export interface ContractContext {
  harness(): ContractHarness;
  capabilities: ContractCapabilities;
}

export const CONCURRENCY_TIMEOUT_MS = 120_000;

/**
 * The position of the log's n-th event (1-based; 0 is the empty log's head). With dense positions that is n itself, so
 * the SQL stores are held to the exact number; otherwise it is the position the log shows for its n-th event.
 */
export async function logPosition(context: ContractContext, ordinal: number): Promise<LogPosition> {
  if (ordinal === 0 || context.capabilities.densePositions) return ordinal;
  const log = await context.harness().store.readAll();
  const event = log[ordinal - 1];
  if (!event) throw new Error(`the log has ${log.length} events, so no event number ${ordinal}`);
  return event.position;
}

/** The positions of the log's events number `from` to `to` (1-based, inclusive). */
export async function logPositions(context: ContractContext, from: number, to: number): Promise<LogPosition[]> {
  if (context.capabilities.densePositions) return range(from, to);
  const log = await context.harness().store.readAll();
  if (log.length < to) throw new Error(`the log has ${log.length} events, not ${to}`);
  return log.slice(from - 1, to).map((event) => event.position);
}

/** The positions are the whole log's, in order: 1..n when dense, else strictly increasing and the log's own. */
export async function expectWholeLog(context: ContractContext, positions: LogPosition[]): Promise<void> {
  expect(positions).toEqual(await logPositions(context, 1, positions.length));
  expect(await context.harness().store.headPosition()).toBe(positions.at(-1) ?? 0);
  expect(positions.every((position, index) => index === 0 || position > positions[index - 1])).toBe(true);
}

export function uniqueStream(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

export function aMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: 'user:contract-tester',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    commandId: randomUUID(),
    ...overrides,
  };
}

export function anEvent(data: object = {}, overrides: Partial<EventToAppend> = {}): EventToAppend {
  return { eventId: randomUUID(), type: 'contract.happened', data, metadata: aMetadata(), ...overrides };
}

export function someEvents(count: number, dataOf: (index: number) => object = (index) => ({ index })): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => anEvent(dataOf(index)));
}

export function range(from: number, toInclusive: number): number[] {
  return Array.from({ length: Math.max(0, toInclusive - from + 1) }, (_, index) => from + index);
}

/** The error the promise rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  const settled = await promise.then(
    (value) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (settled.resolved) throw new Error(`expected a rejection, got ${JSON.stringify(settled.value)}`);
  return settled.error;
}

export async function expectWrongExpectedRevision(
  promise: Promise<unknown>,
  streamId: string,
  expected: ExpectedRevision,
  actual: StreamRevision,
): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ streamId, expected, actual });
}

/** Appends with the stream's current revision, retrying (with the same event ids) when another writer got there first. */
export async function appendWithRetry(
  store: EventStore,
  streamId: string,
  events: EventToAppend[],
): Promise<AppendResult> {
  for (;;) {
    const revision = await store.streamRevision(streamId);
    try {
      return await store.appendToStream(streamId, revision, events);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function eventually(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(5);
  }
}

export class Deferred<T = void> {
  readonly promise: Promise<T>;
  resolve!: (value: T) => void;
  constructor() {
    this.promise = new Promise<T>((resolve) => (this.resolve = resolve));
  }
}
