import { ExpectedRevision, StreamRevision, WrongExpectedRevisionError } from './event-store.port';

export const NO_STREAM_REVISION: StreamRevision = -1;

/** What an append decided on a stream at `revision` expects of it: exactly that revision, or no stream. */
export function expectedRevisionOf(revision: StreamRevision): ExpectedRevision {
  return revision === NO_STREAM_REVISION ? 'no-stream' : revision;
}

/** Whether `expected` names exactly the stream at `revision` (not `any`, not `stream-exists`). */
export function expectsExactly(expected: ExpectedRevision, revision: StreamRevision): boolean {
  return expected === revision || expected === expectedRevisionOf(revision);
}

export function expectedRevisionHolds(expected: ExpectedRevision, actual: StreamRevision): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === NO_STREAM_REVISION;
    case 'stream-exists':
      return actual !== NO_STREAM_REVISION;
    default:
      return expected === actual;
  }
}

export function assertExpectedRevision(streamId: string, expected: ExpectedRevision, actual: StreamRevision): void {
  if (!expectedRevisionHolds(expected, actual)) throw new WrongExpectedRevisionError(streamId, expected, actual);
}
