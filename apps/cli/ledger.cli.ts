import 'reflect-metadata';
import { Command, CommanderError, Option } from 'commander';
import { LedgerConfigError } from '@ledger/platform';
import { Language } from '@ledger/presentation/sentences/render-words';
import { LedgerDataOptions } from './ledger-data';
import { rebuild } from './rebuild.command';
import { verify } from './verify.command';
import { backfillLeadRegistriesCommand } from './backfill-lead-registries.command';
import { exportAuditPackage, ExportOptions } from './export.command';
import { replay, ReplayOptions } from './replay.command';
import { langOption } from './cli-language';
import { UsageError } from './usage-error';
import { verifyExport } from './verify-export.command';

/** Exit codes: 0 done, 1 the command failed (a broken chain, no event log), 2 the command line or configuration was wrong. */
const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

type Action = (options: LedgerDataOptions) => Promise<number>;

const dataDirOption = () =>
  new Option('--data-dir <dir>', "the ledger's data directory").env('LEDGER_DATA_DIR').default('./data');

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
      .addOption(dataDirOption())
      .option('--json', 'print one JSON object on stdout, for scripts')
      .addOption(langOption())
      .action((options: LedgerDataOptions) => run(action, options));

  ledgerCommand(
    'verify',
    'check the hash chain of the event log',
    'Names the first broken link and exits 1 when a recorded event was altered or\n' +
      'removed. When the chain is intact, prints its head: the position, hash and\n' +
      'recordedAt of the last event. Events removed from the end of the log break no\n' +
      'link: a log cut short still verifies, and that is found only by comparing its\n' +
      "head with one held elsewhere (an earlier audit package's head, the head kept\n" +
      'beside a backup).\n' +
      'With --json: { ok, checked, head?: { position, hash, recordedAt },\n' +
      '  firstBrokenPosition?, reason? }',
    verify,
  );
  ledgerCommand(
    'rebuild',
    'drop every read model and rebuild it from the event log',
    'Shows its progress on stderr (events/s, time left).\n' +
      'With --json: { events, readModels, position, seconds, eventsPerSecond, peakRssMB, cpuSeconds }',
    rebuild,
  );
  ledgerCommand(
    'backfill-lead-registries',
    'claim in the registry of leads what a log from an earlier version lacks',
    "Liaoning's 盟主 status (liaoning.mengzhu-status, catalogue 2026-12-01) is claimed at approval: alliances approved\n" +
      'before hold no claim. Run once after upgrading; running it again claims nothing more.\n' +
      'With --json: { claimed: [{ consortiumId, registry, position }] }',
    backfillLeadRegistriesCommand,
  );
  ledgerCommand(
    'export',
    'write the offline audit package of a period: its events with their hashes, the anchor and the head',
    'JSON lines: a header with the anchor (position and hash of the last event\n' +
      'before --from), every event recorded from --from to --to as its hash covers it,\n' +
      'and the head (position and hash of the last event at --to). Timestamps with\n' +
      'their zone, or dates (--from: the start of that day, --to: its end, UTC+8); by\n' +
      'default the whole log. A --to later than now is now: the package names the\n' +
      'moment it was taken (--json adds requestedTo). Written to <out>.partial and\n' +
      'renamed to --out once whole. A log that does not verify inside the period is\n' +
      'refused naming the position: exit 1, nothing written to --out (run verify).\n' +
      'Check a package anywhere with verify-export.\n' +
      'With --json: { ok, out, from, to, requestedTo?, anchor, head, events }, or\n' +
      '  { ok: false, out, from, to, requestedTo?, firstBrokenPosition, reason }',
    (options) => exportAuditPackage(options as ExportOptions),
  )
    .requiredOption('--out <file>', 'the package to write (JSON lines)')
    .option('--from <timestamp>', 'the first moment of the period')
    .option('--to <timestamp>', 'the last moment of the period');
  program
    .command('replay')
    .summary('step through a consortium, subsidy or zone: every event and what it changed, one a line')
    .description(
      "The stream is consortium-<id>, subsidy-<id> or zone-<id> (a history entry's streamId). Each line: the step,\n" +
        'the log position, recordedAt, the event, its actor, rule, citation and correlation id, and what it changed in\n' +
        'the view GET /v1/{collection}/{id} shows. With --json: each step as GET …/replay gives it, one a line.',
    )
    .argument('<stream>', 'the stream to replay, e.g. consortium-<id>')
    .addOption(dataDirOption())
    .option('--json', 'print each step as one JSON object, for scripts')
    .option('--step', 'wait for Enter before each next step (q quits)')
    .addOption(langOption())
    .action((stream: string, options: ReplayOptions) => run(() => replay(stream, options), options));
  program
    .command('verify-export')
    .summary('check an audit package with nothing but the file: no database, no configuration')
    .description(
      'Recomputes every hash of the package from its anchor and compares the last with its head; names the first\n' +
        'line and event that does not verify and exits 1. With --json: { ok, events, from, to, anchor, head } or\n' +
        '{ ok: false, events, line, position?, eventId?, reason }',
    )
    .argument('<file>', 'the package (written by export)')
    .option('--json', 'print one JSON object on stdout, for scripts')
    .addOption(langOption())
    .action((file: string, options: { json?: boolean; lang?: Language }) =>
      run(() => verifyExport(file, options), options),
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
    if (error instanceof LedgerConfigError || error instanceof UsageError) return EXIT.usage;
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
