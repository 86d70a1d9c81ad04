/** What the main thread and the SQLite writer thread send each other; errors travel as plain objects. */
import { AppendResult, DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.port';
import type { RequestOutcome } from '../group-commit.queue';
import type { EncodedBatch } from './sqlite.batch-encoding';

export interface WriterThreadOptions {
  file: string;
  busyTimeoutMs: number;
}

export type WriteRequest = { kind: 'write'; id: number; batch: EncodedBatch; now: string };

/** `checkpoint`: copy what no reader still needs from the WAL into the database file (PASSIVE); answered no outcomes. */
export type WriterRequest = WriteRequest | { kind: 'checkpoint'; id: number } | { kind: 'close' };

export type WriterReply =
  | { id: number; outcomes: Array<{ ok: true; value: AppendResult } | { ok: false; error: SerializedError }> }
  | { id: number; failure: SerializedError };

export type SerializedError =
  | {
      name: 'WrongExpectedRevisionError';
      streamId: string;
      expected: WrongExpectedRevisionError['expected'];
      actual: number;
    }
  | { name: 'DuplicateEventIdError'; eventId: string }
  | { name: string; message: string; code?: string };

export function serializedError(error: unknown): SerializedError {
  if (error instanceof WrongExpectedRevisionError) {
    const { streamId, expected, actual } = error;
    return { name: 'WrongExpectedRevisionError', streamId, expected, actual };
  }
  if (error instanceof DuplicateEventIdError) return { name: 'DuplicateEventIdError', eventId: error.eventId };
  const { name, message, code } = error as Error & { code?: string };
  return { name: name ?? 'Error', message: String(message ?? error), ...(typeof code === 'string' && { code }) };
}

export function serializedOutcome(outcome: RequestOutcome<AppendResult>) {
  return outcome.ok ? outcome : { ok: false as const, error: serializedError(outcome.error) };
}

/** The error as the main thread raises it: the store's own error types keep their class. */
export function revivedError(error: SerializedError): Error {
  if (error.name === 'WrongExpectedRevisionError' && 'streamId' in error) {
    return new WrongExpectedRevisionError(error.streamId, error.expected, error.actual);
  }
  if (error.name === 'DuplicateEventIdError' && 'eventId' in error) return new DuplicateEventIdError(error.eventId);
  const revived = new Error('message' in error ? error.message : error.name) as Error & { code?: string };
  revived.name = error.name;
  if ('code' in error && error.code !== undefined) revived.code = error.code;
  return revived;
}
