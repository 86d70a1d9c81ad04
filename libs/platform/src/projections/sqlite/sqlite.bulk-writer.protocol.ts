/** Messages between a rebuild's main thread and its SQLite writer thread (sqlite.bulk-writer.ts / .worker.ts). */
import { ColumnValue } from '../projection';

export type BulkRequest =
  | { id: number; op: 'run' | 'all'; sql: string; params: ColumnValue[] }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'rollbackTo'; savepoint: string }
  | { id: number; op: 'rollback' | 'close' };

export interface SerializedError {
  name: string;
  message: string;
  /** SQLITE_FULL, SQLITE_IOERR…: what tells a storage failure from a projection's (storage-failure.ts). */
  code?: string;
}

export type BulkReply = { id: number; rows?: unknown[] } | { id: number; error: SerializedError };

export function serializedError(error: unknown): SerializedError {
  const { name, message, code } = error as Error & { code?: unknown };
  return { name: name ?? 'Error', message: String(message ?? error), ...(typeof code === 'string' && { code }) };
}

export function revivedError({ name, message, code }: SerializedError): Error {
  const error = new Error(message) as Error & { code?: string };
  error.name = name;
  if (code !== undefined) error.code = code;
  return error;
}
