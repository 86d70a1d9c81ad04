import 'reflect-metadata';
import { describeStores, ledgerConfigOrExit, serveLedgerApp } from '@ledger/platform';
import { LedgerModule } from './ledger.module';

/** `npm start`: commands and queries on one port; the stores LEDGER_STORE and LEDGER_READ_STORE name (SQLite by default). */
const config = ledgerConfigOrExit(process.env, 3000);
serveLedgerApp(
  LedgerModule.forRoot(config),
  config,
  {
    title: 'consortium-ledger',
    description: 'An event-sourced ledger for innovation-consortium programmes: commands, queries, audit trails.',
  },
  (url) => `consortium-ledger on ${url} — OpenAPI at /docs, ${describeStores(config)}`,
);
