import 'reflect-metadata';
import { Command, CommanderError, Option } from 'commander';
import { LedgerConfigError } from '@ledger/platform';
import { LedgerDataOptions } from './ledger-data';
import { rebuild } from './rebuild.command';
import { verify } from './verify.command';

/** Exit codes: 0 done, 1 the command failed (a broken chain, no event log), 2 the command line or configuration was wrong. */
const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

type Action = (options: LedgerDataOptions) => Promise<number>;

/** `npm run ledger -- <command> [options]`: what an operator does to a ledger's data directory. */
function ledgerProgram(run: (action: Action, options: LedgerDataOptions) => Promise<void>): Command {
  const program = new Command('npm run ledger --')
    .description(
      "Operator commands on a ledger's event log and read models: where the apps keep them (LEDGER_STORE, " +
        'LEDGER_READ_STORE, DATABASE_URL, LEDGER_DATA_DIR or --data-dir).',
    )
    // Usage errors are exit 2 (see runCli), not commander's exit 1.
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');

  const ledgerCommand = (name: string, summary: string, description: string, action: Action) =>
    program
      .command(name)
      .summary(summary)
      .description(`${summary}.\n${description}`)
      .addOption(new Option('--data-dir <dir>', "the ledger's data directory").env('LEDGER_DATA_DIR').default('./data'))
      .option('--json', 'print one JSON object on stdout, for scripts')
      .action((options: LedgerDataOptions) => run(action, options));

  ledgerCommand(
    'verify',
    'check the hash chain of the event log',
    'Names the first broken link and exits 1 when a recorded event was altered or removed.\n' +
      'With --json: { ok, checked, firstBrokenPosition?, reason? }',
    verify,
  );
  ledgerCommand(
    'rebuild',
    'drop every read model and rebuild it from the event log',
    'Shows its progress on stderr (events/s, time left).\n' +
      'With --json: { events, readModels, position, seconds, eventsPerSecond, peakRssMB }',
    rebuild,
  );
  return program;
}

async function runCli(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = ledgerProgram(async (action, options) => {
    exitCode = await action(options);
  });
  try {
    // With no command, show the help as an error: the operator asked for nothing.
    if (argv.length === 0) program.help({ error: true });
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof LedgerConfigError) return EXIT.usage;
    return EXIT.failure;
  }
}

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(EXIT.failure);
  },
);
