import 'reflect-metadata';
import {
  allInterfaces,
  closeOnSignals,
  createLedgerApp,
  exitOnStartFailure,
  describeEventStore,
  ledgerConfigOrExit,
  printableUrl,
} from '@ledger/platform';
import { CommandAppModule } from './command.module';

/** The command side alone (`npm run start:command`); projection processes follow the same log. */
async function main(): Promise<void> {
  const config = ledgerConfigOrExit(process.env, 3000);
  const app = await createLedgerApp(CommandAppModule.forRoot(config), {
    title: 'consortium-ledger — commands',
    description:
      'Programme officers and finance offices record decisions here. See /docs of the projection process for queries.',
    logLevel: config.logLevel,
  });
  closeOnSignals(app);
  await app.listen(config.port, config.host ?? allInterfaces());
  const url = await printableUrl(app);
  console.log(`consortium-ledger commands on ${url} (events in ${describeEventStore(config.eventStore)})`);
}

main().catch(exitOnStartFailure);
