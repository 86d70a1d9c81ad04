import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { createLedgerApp, LedgerConfig, ledgerConfigFromEnv } from '@ledger/platform';
import { LedgerModule } from '../../apps/ledger.module';
import { HttpClient } from './http-client';
import { TOKEN_LIST, TOKENS } from './test-tokens';

export { ACTORS, TOKENS } from './test-tokens';

/** A business date after every date the stories of the e2e tests record (no fact may be dated after today). */
export const STORY_TODAY = '2030-12-31';

/** Whatever answers the ledger's HTTP API: an app in this process, or a ledger process (ledger-process.ts). */
export interface LedgerClient {
  http: HttpClient;
}

export interface RunningLedger extends LedgerClient {
  app: INestApplication;
  config: LedgerConfig;
  url: string;
  close(): Promise<void>;
}

/** The whole ledger (commands + projections) on a real port, over a fresh SQLite data directory. */
/** `today` pins the ledger's business date (YYYY-MM-DD) for tests whose story runs in the future. */
/** `env` adds or overrides variables (e.g. LEDGER_DUAL_CONTROL_AMOUNT). */
/** `acceptLanguage` goes on every request of `http` (`en`: specs that state the ledger's English sentences). */
/** `log` receives the ledger's log at info (JSON lines); without it, tests print nothing of the ledger's. */
export async function startLedger(
  options: {
    dataDir?: string;
    today?: string;
    env?: Record<string, string>;
    log?: DestinationStream;
    acceptLanguage?: string;
  } = {},
): Promise<RunningLedger> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const config = ledgerConfigFromEnv(
    {
      LEDGER_DATA_DIR: dataDir,
      LEDGER_ADMIN_TOKEN: TOKENS.admin,
      LEDGER_TOKENS: TOKEN_LIST,
      LEDGER_FOLLOW_POLL_MS: '20',
      LEDGER_TODAY: options.today,
      ...options.env,
    },
    0,
  );
  const app = await createLedgerApp(LedgerModule.forRoot(config), {
    title: 'test',
    description: 'test',
    // Tests print nothing of their own; LOG_LEVEL=debug npx jest … shows the ledger's log when one needs it.
    ...(options.log
      ? { logLevel: 'info' as const, logDestination: options.log }
      : { logger: process.env.LOG_LEVEL ? undefined : false }),
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    config,
    url,
    http: new HttpClient(url, options.acceptLanguage ? { 'accept-language': options.acceptLanguage } : {}),
    close: async () => {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
