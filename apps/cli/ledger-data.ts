import { existsSync } from 'node:fs';
import { LedgerConfig, ledgerConfigFromEnv } from '@ledger/platform';

/** Options every command takes. */
export interface LedgerDataOptions {
  /** --data-dir: the ledger's data directory, over LEDGER_DATA_DIR. */
  dataDir?: string;
  /** --json: one JSON object on stdout, for scripts. */
  json?: boolean;
}

/** The ledger's files in the chosen data directory, whose event log must exist (opening a missing one creates it). */
export function existingLedger(options: LedgerDataOptions): LedgerConfig {
  const env = options.dataDir === undefined ? process.env : { ...process.env, LEDGER_DATA_DIR: options.dataDir };
  const config = ledgerConfigFromEnv(env);
  if (!existsSync(config.eventsFile)) {
    throw new Error(`no event log at ${config.eventsFile} (give --data-dir or set LEDGER_DATA_DIR)`);
  }
  return config;
}
