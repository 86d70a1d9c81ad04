import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedgerApp, ledgerConfigFromEnv, openApiDocumentOf } from '@ledger/platform';
import type { OpenAPIObject } from '@nestjs/swagger';
import { LedgerModule } from './ledger.module';

/** How the standalone ledger (`npm start`) describes itself: the title and description of its OpenAPI document. */
export const LEDGER_API = {
  title: 'consortium-ledger',
  description: 'An event-sourced ledger for innovation-consortium programmes: commands, queries, audit trails.',
};

/**
 * The OpenAPI document of the standalone ledger, as it serves it at /docs-json: the contract `npm run docs` writes to
 * docs/openapi.json. The app is created over a throw-away data directory and never listens.
 */
export async function ledgerOpenApiDocument(): Promise<OpenAPIObject> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-openapi-'));
  try {
    const config = ledgerConfigFromEnv({ LEDGER_DATA_DIR: dataDir, LEDGER_ADMIN_TOKEN: 'openapi-document' }, 0);
    const app = await createLedgerApp(LedgerModule.forRoot(config), { ...LEDGER_API, logger: false });
    try {
      return openApiDocumentOf(app);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
