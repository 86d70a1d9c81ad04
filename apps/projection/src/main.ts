import 'reflect-metadata';
import {
  allInterfaces,
  closeOnSignals,
  createLedgerApp,
  describeBus,
  exitOnStartFailure,
  describeStores,
  ledgerConfigOrExit,
  printableUrl,
} from '@ledger/platform';
import { ProjectionAppModule } from './projection.module';

/**
 * The projection side alone (`npm run start:projection`): follows the log the command processes write, or with
 * LEDGER_BUS=kafka consumes it from the log topic the relay publishes.
 */
async function main(): Promise<void> {
  const config = ledgerConfigOrExit(process.env, 3001);
  const app = await createLedgerApp(ProjectionAppModule.forRoot(config), {
    title: 'consortium-ledger — queries',
    description: 'Read models projected from the event log: status, funding headroom, reconciliation, audit trails.',
    logLevel: config.logLevel,
  });
  closeOnSignals(app);
  await app.listen(config.port, config.host ?? allInterfaces());
  const url = await printableUrl(app);
  const bus = config.bus.kind === 'kafka' ? `; ${describeBus(config.bus)}` : '';
  console.log(`consortium-ledger queries on ${url} (${describeStores(config)}${bus})`);
}

main().catch(exitOnStartFailure);
