import { aMetadata } from '../contract/contract-fixtures';
import { ExpectedRevision } from '../event-store.port';
import { prepareAppend } from '../prepared-append';
import { batchPremises, premiseParameters } from './postgres.batch-premises';
import { EMPTY_LOG_TAIL, LogTail, planBatch, PreparedRequest } from './postgres.batch-plan';

const TAIL = { position: 7, hash: 'b'.repeat(64), recordedAt: '2025-03-01T08:00:00.000Z' };

function request(...appends: [streamId: string, expected: ExpectedRevision, eventIds: string[]][]): PreparedRequest {
  return prepareAppend(
    appends.map(([streamId, expectedRevision, ids]) => ({
      streamId,
      expectedRevision,
      events: ids.map((eventId) => ({ eventId, type: 't', data: {}, metadata: aMetadata() })),
    })),
  );
}

describe('batchPremises: the state a batch is planned against without reading the log', () => {
  it('assumes the known tail, no event id recorded, and each stream at the revision its first request expects', () => {
    const batch = [request(['a', 3, ['e1']], ['b', 'no-stream', ['e2']]), request(['a', 4, ['e3']], ['c', 0, []])];

    expect(batchPremises(batch, TAIL)).toEqual({
      tail: TAIL,
      recorded: new Map(),
      revisions: new Map([
        ['a', 3],
        ['b', -1],
        ['c', 0],
      ]),
    });
  });

  it.each<ExpectedRevision>(['any', 'stream-exists'])(
    'names no premise for a stream first expected at %s: the batch is planned from a read',
    (expected) => {
      expect(batchPremises([request(['a', 0, ['e1']]), request(['b', expected, ['e2']])], TAIL)).toBeUndefined();
    },
  );

  it('a later request may expect any revision of a stream an earlier one named', () => {
    expect(batchPremises([request(['a', 'no-stream', ['e1']]), request(['a', 'any', ['e2']])], TAIL)).toBeDefined();
  });

  it('hands PostgreSQL the tail (NULLs for an empty log), the written streams planned at a revision, the checked ones, the refused requests’ event ids', () => {
    // a: written, planned at 3; b: written, new (the unique index checks it); c: only checked, at 0; d: checked, new;
    // the last request is refused (a is at 5 by then): were e5 recorded, it would be a retry, answered as a repeat
    const batch = [
      request(['a', 3, ['e1', 'e2']]),
      request(['b', 'no-stream', ['e3']], ['c', 0, []], ['d', 'no-stream', []]),
      request(['a', 3, ['e5']]),
    ];
    const premisesOf = (tail: LogTail) => {
      const premises = batchPremises(batch, tail)!;
      return premiseParameters(batch, premises, planBatch(batch, premises, TAIL.recordedAt));
    };

    expect(premisesOf(TAIL)).toEqual([7, TAIL.hash, ['a'], [3], ['c', 'd'], [0, -1], ['e5']]);
    expect(premisesOf(EMPTY_LOG_TAIL).slice(0, 2)).toEqual([null, null]);
  });
});
