import 'reflect-metadata';
import {
  allInterfaces,
  closeOnSignals,
  createLedgerApp,
  exitOnStartFailure,
  describeStores,
  ledgerConfigOrExit,
  printableUrl,
} from '@ledger/platform';
import { LedgerModule } from './ledger.module';

/** `npm start`: commands and queries on one port; the stores LEDGER_STORE and LEDGER_READ_STORE name (SQLite by default). */
async function main(): Promise<void> {
  const config = ledgerConfigOrExit(process.env, 3000);
  const app = await createLedgerApp(LedgerModule.forRoot(config), {
    title: 'consortium-ledger',
    description: 'An event-sourced ledger for innovation-consortium programmes: commands, queries, audit trails.',
    logLevel: config.logLevel,
  });
  closeOnSignals(app);
  await app.listen(config.port, config.host ?? allInterfaces());
  const url = await printableUrl(app);
  console.log(`consortium-ledger on ${url} — OpenAPI at /docs, ${describeStores(config)}`);
}

main().catch(exitOnStartFailure);
