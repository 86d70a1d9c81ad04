import { join, resolve } from 'node:path';

/** Where the ledger keeps its files and how it listens; read once from the environment. */
export interface LedgerConfig {
  port: number;
  /** HOST: the address to listen on; every interface when absent. */
  host?: string;
  dataDir: string;
  eventsFile: string;
  projectionsFile: string;
  idempotencyFile: string;
  adminTokenFile: string;
  /** LEDGER_ADMIN_TOKEN */
  adminToken?: string;
  /** LEDGER_TOKENS: `token:actor:role+role,…` */
  tokens?: string;
  /** Poll interval of a projection process following another process's writes. */
  followPollMs: number;
  /** Business "today" for commands and queries (deadlines, lateness): China Standard Time, or LEDGER_TODAY when pinned. */
  today: () => string;
}

export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');

export function ledgerConfigFromEnv(env: NodeJS.ProcessEnv = process.env, defaultPort = 3000): LedgerConfig {
  const dataDir = resolve(env.LEDGER_DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? defaultPort),
    host: env.HOST || undefined,
    dataDir,
    eventsFile: join(dataDir, 'events.sqlite'),
    projectionsFile: join(dataDir, 'projections.sqlite'),
    idempotencyFile: join(dataDir, 'idempotency.sqlite'),
    adminTokenFile: join(dataDir, 'admin-token'),
    adminToken: env.LEDGER_ADMIN_TOKEN || undefined,
    tokens: env.LEDGER_TOKENS || undefined,
    followPollMs: Number(env.LEDGER_FOLLOW_POLL_MS ?? 100),
    today: env.LEDGER_TODAY ? pinnedToday(env.LEDGER_TODAY) : () => chinaDate(new Date()),
  };
}

/** LEDGER_TODAY=2027-12-31 fixes the business date (demos, tests); the ledger's timestamps still run on the wall clock. */
function pinnedToday(date: string): () => string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`LEDGER_TODAY must be YYYY-MM-DD, not ${date}`);
  return () => date;
}

/** The date in China Standard Time (UTC+8), where the programmes run. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
