/**
 * The generated ledgers the read benches run on, kept between runs (generating 100,000 consortia takes minutes): one
 * data directory per size under the cache directory, written by `generate-ledger.ts` and described by `ledger.json`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GeneratedLedger, generateLedger } from './generate-ledger';

export async function benchLedger(
  cacheDir: string,
  consortia: number,
  log: (line: string) => void,
): Promise<GeneratedLedger> {
  const dataDir = join(cacheDir, `consortia-${consortia}`);
  const described = join(dataDir, 'ledger.json');
  if (existsSync(described)) return JSON.parse(readFileSync(described, 'utf8')) as GeneratedLedger;
  rmSync(dataDir, { recursive: true, force: true }); // a generation that did not finish
  mkdirSync(cacheDir, { recursive: true });
  log(`generating a ledger of ${consortia} consortia in ${dataDir} (kept for the next runs)`);
  let shown = 0;
  const ledger = await generateLedger({
    dataDir,
    consortia,
    onProgress: (done, total) => {
      const percent = Math.floor((done / total) * 100);
      if (percent >= shown + 10) log(`  ${(shown = percent)}%`);
    },
  });
  writeFileSync(described, JSON.stringify(ledger));
  return ledger;
}
