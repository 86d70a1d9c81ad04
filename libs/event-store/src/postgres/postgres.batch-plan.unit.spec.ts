import { aMetadata } from '../contract/contract-fixtures';
import { AppendResult, DuplicateEventIdError, EventToAppend, WrongExpectedRevisionError } from '../event-store.port';
import type { RequestOutcome } from '../group-commit.queue';
import { eventHash, GENESIS_HASH } from '../hash-chain';
import { prepareAppend } from '../prepared-append';
import { LogState, planBatch, PreparedRequest, RecordedIdentity } from './postgres.batch-plan';

const AT = '2025-03-01T08:00:00.000Z';

function event(eventId: string, type = 'plan.happened'): EventToAppend {
  return {
    eventId,
    type,
    data: { eventId },
    metadata: aMetadata({ correlationId: 'c', causationId: 'c', commandId: 'c' }),
  };
}

function request(streamId: string, expectedRevision: PreparedRequest[number]['expectedRevision'], ids: string[]) {
  return prepareAppend([{ streamId, expectedRevision, events: ids.map((id) => event(id)) }]);
}

function state(overrides: Partial<LogState> = {}): LogState {
  return {
    tail: { position: 0, hash: GENESIS_HASH, recordedAt: '' },
    recorded: new Map(),
    revisions: new Map(),
    ...overrides,
  };
}

const value = (outcome: RequestOutcome<AppendResult>): AppendResult => {
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
};

const errorOf = (outcome: RequestOutcome<AppendResult>): unknown => {
  if (outcome.ok) throw new Error(`expected a failed request, got ${JSON.stringify(outcome.value)}`);
  return outcome.error;
};

describe('planBatch: a group-commit batch decided in memory', () => {
  it('numbers events on from the tail and chains their hashes from the tail’s hash', () => {
    const tail = { position: 41, hash: 'a'.repeat(64), recordedAt: '2025-01-01T00:00:00.000Z' };

    const plan = planBatch([request('s', 'any', ['e1', 'e2'])], state({ tail }), AT);

    expect(plan.events.map((e) => [e.position, e.streamRevision, e.eventId])).toEqual([
      [42, 0, 'e1'],
      [43, 1, 'e2'],
    ]);
    expect(plan.events[0].hash).toBe(eventHash(tail.hash, plan.events[0]));
    expect(plan.events[1].hash).toBe(eventHash(plan.events[0].hash, plan.events[1]));
    expect(plan.events.every((e) => e.recordedAt === AT)).toBe(true);
    expect(value(plan.outcomes[0])).toEqual({ lastPosition: 43, nextRevisions: { s: 1 }, idempotentRepeat: false });
  });

  it('a later request sees the streams and event ids of the requests accepted before it', () => {
    const plan = planBatch(
      [request('s', 'no-stream', ['e1']), request('s', 0, ['e2']), request('s', 'no-stream', ['e1'])],
      state(),
      AT,
    );

    expect(plan.outcomes.map(value)).toEqual([
      { lastPosition: 1, nextRevisions: { s: 0 }, idempotentRepeat: false },
      { lastPosition: 2, nextRevisions: { s: 1 }, idempotentRepeat: false },
      { lastPosition: 1, nextRevisions: { s: 1 }, idempotentRepeat: true }, // a repeat of the first
    ]);
    expect(plan.streamRevisions).toEqual(new Map([['s', 1]]));
  });

  it('a failing request leaves no trace: no position, no revision, no event id taken', () => {
    const existing = new Map([['taken', 4]]);
    const plan = planBatch(
      [
        prepareAppend([
          { streamId: 'fresh', expectedRevision: 'no-stream', events: [event('lost')] },
          { streamId: 'taken', expectedRevision: 3, events: [event('also-lost')] },
        ]),
        request('fresh', 'no-stream', ['kept']),
        request('other', 'any', ['lost']),
      ],
      state({ revisions: existing }),
      AT,
    );

    expect(errorOf(plan.outcomes[0])).toBeInstanceOf(WrongExpectedRevisionError);
    expect(value(plan.outcomes[1])).toEqual({ lastPosition: 1, nextRevisions: { fresh: 0 }, idempotentRepeat: false });
    expect(value(plan.outcomes[2])).toMatchObject({ lastPosition: 2, idempotentRepeat: false });
    expect(plan.events.map((e) => e.eventId)).toEqual(['kept', 'lost']);
  });

  it('event ids already recorded: all in the same stream and type is a repeat, otherwise DuplicateEventIdError', () => {
    const recorded = new Map<string, RecordedIdentity>([
      ['r1', { position: 7, streamId: 's', type: 'plan.happened' }],
      ['r2', { position: 8, streamId: 's', type: 'plan.happened' }],
    ]);
    const plan = planBatch(
      [
        request('s', 'no-stream', ['r1', 'r2']),
        request('s', 'any', ['r1', 'new']),
        request('elsewhere', 'any', ['r2']),
        prepareAppend([{ streamId: 's', expectedRevision: 'any', events: [event('r1', 'plan.other')] }]),
      ],
      state({ tail: { position: 8, hash: 'b'.repeat(64), recordedAt: AT }, recorded, revisions: new Map([['s', 1]]) }),
      AT,
    );

    expect(value(plan.outcomes[0])).toEqual({ lastPosition: 8, nextRevisions: { s: 1 }, idempotentRepeat: true });
    const duplicates = plan.outcomes.slice(1).map(errorOf);
    expect(duplicates.every((error) => error instanceof DuplicateEventIdError)).toBe(true);
    expect(duplicates.map((error) => (error as DuplicateEventIdError).eventId)).toEqual(['r1', 'r2', 'r1']);
    expect(plan.events).toEqual([]);
  });

  it('a check-only request answers the position at which its checks held', () => {
    const plan = planBatch(
      [request('a', 'no-stream', ['e1']), request('a', 0, []), request('b', 'stream-exists', [])],
      state({ tail: { position: 10, hash: 'c'.repeat(64), recordedAt: AT } }),
      AT,
    );

    expect(value(plan.outcomes[1])).toEqual({ lastPosition: 11, nextRevisions: { a: 0 }, idempotentRepeat: false });
    expect(errorOf(plan.outcomes[2])).toBeInstanceOf(WrongExpectedRevisionError);
    expect(plan.streamRevisions).toEqual(new Map([['a', 0]]));
  });
});
