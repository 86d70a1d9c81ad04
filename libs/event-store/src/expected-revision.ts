import { ExpectedRevision, StreamRevision, WrongExpectedRevisionError } from './event-store.port';

export const NO_STREAM_REVISION: StreamRevision = -1;

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
