import 'reflect-metadata';
import { allInterfaces, closeOnSignals, createLedgerApp, ledgerConfigFromEnv, printableUrl } from '@ledger/platform';
import { LedgerModule } from './ledger.module';

/** `npm start`: the ledger on the embedded default (SQLite in LEDGER_DATA_DIR), commands and queries on one port. */
async function main(): Promise<void> {
  const config = ledgerConfigFromEnv(process.env, 3000);
  const app = await createLedgerApp(LedgerModule.forRoot(config), {
    title: 'consortium-ledger',
    description: 'An event-sourced ledger for innovation-consortium programmes: commands, queries, audit trails.',
  });
  closeOnSignals(app);
  await app.listen(config.port, config.host ?? allInterfaces());
  const url = await printableUrl(app);
  console.log(`consortium-ledger on ${url} — OpenAPI at /docs, data in ${config.dataDir}`);
}

void main();
