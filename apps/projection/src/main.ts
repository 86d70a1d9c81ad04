import 'reflect-metadata';
import { allInterfaces, closeOnSignals, createLedgerApp, ledgerConfigFromEnv, printableUrl } from '@ledger/platform';
import { ProjectionAppModule } from './projection.module';

/** The projection side alone (`npm run start:projection`): follows the log of the command process by polling. */
async function main(): Promise<void> {
  const config = ledgerConfigFromEnv(process.env, 3001);
  const app = await createLedgerApp(ProjectionAppModule.forRoot(config), {
    title: 'consortium-ledger — queries',
    description: 'Read models projected from the event log: status, funding headroom, reconciliation, audit trails.',
  });
  closeOnSignals(app);
  await app.listen(config.port, config.host ?? allInterfaces());
  const url = await printableUrl(app);
  console.log(`consortium-ledger queries on ${url} (following ${config.eventsFile})`);
}

void main();
