import { join, resolve } from 'node:path';

/** Where the ledger keeps its files and how it listens; read once from the environment. */
export interface LedgerConfig {
  port: number;
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
  /** The ledger's clock: business "today" for commands and queries. Tests fix it; LEDGER_TODAY pins the date. */
  clock: () => Date;
}

export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');

export function ledgerConfigFromEnv(env: NodeJS.ProcessEnv = process.env, defaultPort = 3000): LedgerConfig {
  const dataDir = resolve(env.LEDGER_DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? defaultPort),
    dataDir,
    eventsFile: join(dataDir, 'events.sqlite'),
    projectionsFile: join(dataDir, 'projections.sqlite'),
    idempotencyFile: join(dataDir, 'idempotency.sqlite'),
    adminTokenFile: join(dataDir, 'admin-token'),
    adminToken: env.LEDGER_ADMIN_TOKEN || undefined,
    tokens: env.LEDGER_TOKENS || undefined,
    followPollMs: Number(env.LEDGER_FOLLOW_POLL_MS ?? 100),
    clock: env.LEDGER_TODAY ? pinnedDate(env.LEDGER_TODAY) : () => new Date(),
  };
}

/** A clock whose date is fixed (LEDGER_TODAY=2027-12-31) and whose time of day runs on. */
function pinnedDate(date: string): () => Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`LEDGER_TODAY must be YYYY-MM-DD, not ${date}`);
  return () => new Date(`${date}T${new Date().toISOString().slice(11)}`);
}

/** Business "today" in China Standard Time (UTC+8), where the programmes run. */
export function businessToday(clock: () => Date): string {
  return new Date(clock().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
