/**
 * `npm run bench:ledger -- --consortia 100000 --data-dir <dir>`: writes a generated ledger (see generate-ledger.ts) into
 * an empty data directory and prints what it holds; `npm run ledger -- rebuild --data-dir <dir>` then projects it.
 */
import { Command } from 'commander';
import { generateLedger } from './generate-ledger';

const program = new Command('bench:ledger')
  .requiredOption('--data-dir <dir>', 'an empty directory for the ledger')
  .option('--consortia <n>', 'how many consortia', '100000')
  .option('--seed <n>', 'the story seed', '20250601')
  .action(async (options: { dataDir: string; consortia: string; seed: string }) => {
    let shown = 0;
    const ledger = await generateLedger({
      dataDir: options.dataDir,
      consortia: Number(options.consortia),
      seed: Number(options.seed),
      onProgress: (done, total) => {
        const percent = Math.floor((done / total) * 100);
        if (percent >= shown + 5) {
          shown = percent;
          process.stderr.write(`generated ${done}/${total} entities (${percent}%)\n`);
        }
      },
    });
    console.log(JSON.stringify(ledger));
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
