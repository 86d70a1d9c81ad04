import type { Database } from 'better-sqlite3';

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * WAL lets readers (a projection process) work while one writer commits; synchronous=FULL fsyncs the WAL on every
 * commit, so an acknowledged append survives a power cut; busy_timeout makes a second writer process wait for the
 * write lock instead of failing at once.
 */
export function applyDurablePragmas(db: Database, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): void {
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
}

export interface SqlitePragmaValues {
  journalMode: string;
  /** 0 OFF · 1 NORMAL · 2 FULL · 3 EXTRA */
  synchronous: number;
  busyTimeoutMs: number;
}

export function readPragmas(db: Database): SqlitePragmaValues {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
  };
}
