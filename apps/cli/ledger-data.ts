import { existsSync } from 'node:fs';
import { PostgresEventStore } from '@ledger/event-store';
import { describeEventStore, LedgerConfig, ledgerConfigFromEnv } from '@ledger/platform';
import { Language } from '@ledger/presentation/sentences/render-words';

/** Options every command takes. */
export interface LedgerDataOptions {
  /** --data-dir: the ledger's data directory, over LEDGER_DATA_DIR. */
  dataDir?: string;
  /** --json: one JSON object on stdout, for scripts. */
  json?: boolean;
  /** --lang: the language of the words printed (not of --json, whose fields are the same in every language). */
  lang?: Language;
}

/**
 * The configuration (the environment, as the apps read it; --data-dir over LEDGER_DATA_DIR), whose event log must
 * exist: opening a missing one would create it. On KurrentDB (nothing to create) the CLI records no chain heads.
 */
export async function existingLedger(options: LedgerDataOptions): Promise<LedgerConfig> {
  const env = options.dataDir === undefined ? process.env : { ...process.env, LEDGER_DATA_DIR: options.dataDir };
  const config = ledgerConfigFromEnv(env);
  const store = config.eventStore;
  if (store.kind === 'sqlite' && !existsSync(store.file)) {
    throw new Error(`no event log at ${store.file} (give --data-dir or set LEDGER_DATA_DIR)`);
  }
  if (store.kind === 'kurrentdb') {
    // The CLI reads and checks the chain; recording chain heads is the apps' work (KURRENTDB_CHAIN_HEAD_EVERY).
    return { ...config, eventStore: { ...store, kurrentdb: { ...store.kurrentdb, chainHeadEvery: 0 } } };
  }
  if (
    store.kind === 'postgres' &&
    !(await PostgresEventStore.exists({ connectionString: store.database.url, schema: store.database.schema }))
  ) {
    throw new Error(`no event log in ${describeEventStore(store)} (check DATABASE_URL and DATABASE_SCHEMA)`);
  }
  return config;
}
