import 'reflect-metadata';
import { describeEventStore, ledgerConfigOrExit, serveLedgerApp } from '@ledger/platform';
import { CommandAppModule } from './command.module';

/** The command side alone (`npm run start:command`); projection processes follow the same log. */
const config = ledgerConfigOrExit(process.env, 3000);
serveLedgerApp(
  CommandAppModule.forRoot(config),
  config,
  {
    title: 'consortium-ledger — commands',
    description:
      'Programme officers and finance offices record decisions here. See /docs of the projection process for queries.',
  },
  (url) => `consortium-ledger commands on ${url} (events in ${describeEventStore(config.eventStore)})`,
);
