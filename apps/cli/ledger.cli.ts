import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { SqliteEventStore } from '@ledger/event-store';
import { ledgerConfigFromEnv, ProjectionEngine, SqliteReadStore } from '@ledger/platform';
import { PROJECTIONS } from '../projection/src/projections';
import { progressBar } from './progress-bar';

const USAGE = `usage: npm run ledger -- <command>
  verify    check the hash chain of the event log; reports the first broken link
  rebuild   drop every read model and rebuild it from the event log`;

/** The CLI reads an existing log; opening a missing file would create an empty one. */
function existingLedgerConfig() {
  const config = ledgerConfigFromEnv();
  if (!existsSync(config.eventsFile))
    throw new Error(`no event log at ${config.eventsFile} (set LEDGER_DATA_DIR to the ledger's data directory)`);
  return config;
}

async function verify(): Promise<number> {
  const config = existingLedgerConfig();
  const store = new SqliteEventStore({ file: config.eventsFile });
  try {
    const result = await store.verifyChain();
    if (result.ok) {
      console.log(`hash chain intact: ${result.checked} events verified in ${config.eventsFile}`);
      return 0;
    }
    console.error(
      `hash chain BROKEN at position ${result.firstBrokenPosition}: ${result.reason} (${result.checked} events checked before it)`,
    );
    return 1;
  } finally {
    await store.close();
  }
}

async function rebuild(): Promise<number> {
  const config = existingLedgerConfig();
  const store = new SqliteEventStore({ file: config.eventsFile });
  const readStore = new SqliteReadStore(config.projectionsFile);
  try {
    const engine = new ProjectionEngine(store, readStore, PROJECTIONS);
    const bar = progressBar(process.stderr, 'rebuilding read models');
    const replayed = await engine.rebuild(bar.update);
    bar.done();
    console.log(
      `rebuilt ${PROJECTIONS.length} read models from ${replayed} events (checkpoint ${engine.processedPosition()})`,
    );
    return 0;
  } finally {
    await readStore.close();
    await store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  switch (argv[0]) {
    case 'verify':
      return verify();
    case 'rebuild':
      return rebuild();
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
