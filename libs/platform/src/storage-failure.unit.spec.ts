import Database from 'better-sqlite3';
import { ledgerErrorBody } from './http/ledger-error-body';
import { storageFailureCode } from './storage-failure';
import { inEnglish } from '@ledger/domain/policies/rules/in-english';

/** A real SQLite "disk full": the database may not grow past its pages (PRAGMA max_page_count), as on a full disk. */
function sqliteFull(): Error {
  const db = new Database(':memory:');
  try {
    db.exec('CREATE TABLE t (x BLOB)');
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    db.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(100_000));
  } catch (error) {
    return error as Error;
  } finally {
    db.close();
  }
  throw new Error('the insert did not fail');
}

describe('a store that cannot write', () => {
  it('SQLite’s SQLITE_FULL is 503 unavailable, saying the disk is full', () => {
    const error = sqliteFull();
    expect(storageFailureCode(error)).toBe('SQLITE_FULL');
    const [status, body] = ledgerErrorBody(error);
    expect(status).toBe(503);
    expect(inEnglish(body)).toEqual({
      error: 'unavailable',
      message: expect.stringContaining('SQLITE_FULL: the disk is full'),
    });
  });

  it.each(['SQLITE_IOERR_WRITE', 'SQLITE_IOERR', 'SQLITE_READONLY', 'ENOSPC', 'EFBIG', 'EROFS', '53100'])(
    '%s too',
    (code) => {
      expect(ledgerErrorBody(Object.assign(new Error('x'), { code }))[0]).toBe(503);
    },
  );

  it('other errors stay 500 internal, their codes and messages kept inside', () => {
    for (const code of [undefined, 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'ECONNRESET', 'SQLITE_FULLY']) {
      expect(inEnglish(ledgerErrorBody(Object.assign(new Error('no such table: rm_zones'), { code })))).toEqual([
        500,
        { error: 'internal', message: 'the ledger could not complete the request' },
      ]);
    }
  });
});
