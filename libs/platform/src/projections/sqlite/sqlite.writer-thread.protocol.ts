/** Messages between the main thread and a read-store writer thread (sqlite.writer-thread.ts / .worker.ts). */
import { ColumnValue } from '../projection';

/**
 * What the thread opens: the file, its page cache in KiB when not the writer pragmas' 64 MB, and the WAL's length in
 * pages at which its commits checkpoint, when not SQLite's 1,000.
 */
export interface WriterThreadData {
  file: string;
  cacheSizeKib?: number;
  autoCheckpointPages?: number;
}

export type WriterRequest =
  | { id: number; op: 'run' | 'all'; sql: string; params: ColumnValue[] }
  | { id: number; op: 'exec' | 'execLater'; sql: string }
  | { id: number; op: 'rollbackTo'; savepoint: string }
  | { id: number; op: 'rollback' | 'close' | 'checkpoint' };

export interface SerializedError {
  name: string;
  message: string;
  /** SQLITE_FULL, SQLITE_IOERR…: what tells a storage failure from a projection's (storage-failure.ts). */
  code?: string;
}

export type WriterReply = { id: number; rows?: unknown[] } | { id: number; error: SerializedError };

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
