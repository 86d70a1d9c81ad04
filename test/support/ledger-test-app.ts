import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedgerApp, LedgerConfig, ledgerConfigFromEnv } from '@ledger/platform';
import { LedgerModule } from '../../apps/ledger.module';
import { HttpClient } from './http-client';

/** Tokens every e2e test can use: one per role. */
export const TOKENS = {
  admin: 'tok-admin',
  officer: 'tok-officer',
  finance: 'tok-finance',
  supervisor: 'tok-supervisor',
  viewer: 'tok-viewer',
} as const;

export const ACTORS = {
  officer: 'officer.zhang',
  finance: 'finance.wang',
  supervisor: 'supervisor.li',
  viewer: 'viewer.chen',
} as const;

const TOKEN_LIST = [
  `${TOKENS.officer}:${ACTORS.officer}:officer`,
  `${TOKENS.finance}:${ACTORS.finance}:finance`,
  `${TOKENS.supervisor}:${ACTORS.supervisor}:supervisor`,
  `${TOKENS.viewer}:${ACTORS.viewer}:viewer`,
].join(',');

export interface RunningLedger {
  app: INestApplication;
  config: LedgerConfig;
  url: string;
  http: HttpClient;
  close(): Promise<void>;
}

/** The whole ledger (commands + projections) on a real port, over a fresh SQLite data directory. */
/** `today` pins the ledger's business date (YYYY-MM-DD) for tests whose story runs in the future. */
export async function startLedger(options: { dataDir?: string; today?: string } = {}): Promise<RunningLedger> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const config = ledgerConfigFromEnv(
    {
      LEDGER_DATA_DIR: dataDir,
      LEDGER_ADMIN_TOKEN: TOKENS.admin,
      LEDGER_TOKENS: TOKEN_LIST,
      LEDGER_FOLLOW_POLL_MS: '20',
      LEDGER_TODAY: options.today,
    },
    0,
  );
  const app = await createLedgerApp(LedgerModule.forRoot(config), {
    title: 'test',
    description: 'test',
    // Tests print nothing of their own; LOG_LEVEL=debug npx jest … shows the ledger's log when one needs it.
    logger: process.env.LOG_LEVEL ? undefined : false,
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    config,
    url,
    http: new HttpClient(url),
    close: async () => {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
