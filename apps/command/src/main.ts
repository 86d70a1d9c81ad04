import 'reflect-metadata';
import { allInterfaces, closeOnSignals, createLedgerApp, ledgerConfigFromEnv, printableUrl } from '@ledger/platform';
import { CommandAppModule } from './command.module';

/** The command side alone (`npm run start:command`); a projection process follows the same SQLite file. */
async function main(): Promise<void> {
  const config = ledgerConfigFromEnv(process.env, 3000);
  const app = await createLedgerApp(CommandAppModule.forRoot(config), {
    title: 'consortium-ledger — commands',
    description:
      'Programme officers and finance offices record decisions here. See /docs of the projection process for queries.',
  });
  closeOnSignals(app);
  await app.listen(config.port, config.host ?? allInterfaces());
  const url = await printableUrl(app);
  console.log(`consortium-ledger commands on ${url} (data in ${config.dataDir})`);
}

void main();
