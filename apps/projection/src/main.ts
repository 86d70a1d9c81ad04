import 'reflect-metadata';
import { describeBus, describeStores, ledgerConfigOrExit, serveLedgerApp } from '@ledger/platform';
import { ProjectionAppModule } from './projection.module';

/**
 * The projection side alone (`npm run start:projection`): follows the log the command processes write, or with
 * LEDGER_BUS=kafka consumes it from the log topic the relay publishes.
 */
const config = ledgerConfigOrExit(process.env, 3001);
serveLedgerApp(
  ProjectionAppModule.forRoot(config),
  config,
  {
    title: 'consortium-ledger — queries',
    description: 'Read models projected from the event log: status, funding headroom, reconciliation, audit trails.',
  },
  (url) => {
    const bus = config.bus.kind === 'kafka' ? `; ${describeBus(config.bus)}` : '';
    return `consortium-ledger queries on ${url} (${describeStores(config)}${bus})`;
  },
);
