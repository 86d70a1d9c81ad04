import { say, Sentence } from '@ledger/domain/shared/sentence';
/**
 * A store that cannot write — the disk is full, a file would grow past the process's size limit, the data directory
 * is read-only or failing — is the server's trouble, not the request's, and it passes: 503 `unavailable`, with a
 * message that says so, instead of a 500 that says nothing. SQLite names it by its (extended) result code, Node's file
 * calls by errno, PostgreSQL by SQLSTATE (class 53: insufficient resources; 58030: io_error).
 */
const SQLITE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN)(_|$)/;
const ERRNO_CODES = new Set(['ENOSPC', 'EFBIG', 'EROFS', 'EDQUOT', 'EIO']);
const POSTGRES_CODES = new Set(['53100', '58030']);

/** The failure's code when `error` is a store that cannot write; otherwise undefined. */
export function storageFailureCode(error: unknown): string | undefined {
  // Not `instanceof Error`: a native module's errors may come from another realm (a worker, a test's sandbox).
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  return SQLITE_CODES.test(code) || ERRNO_CODES.has(code) || POSTGRES_CODES.has(code) ? code : undefined;
}

export function storageFailureMessage(code: string): Sentence {
  return say`the ledger's store cannot write (${code}: the disk is full, or the data directory is read-only or failing); the request was not completed: retry it, with the same Idempotency-Key, once the store can write again`;
}
