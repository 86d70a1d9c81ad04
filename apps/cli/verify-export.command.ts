import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { verifyAuditPackage } from '@ledger/event-store/audit-package/audit-package.verifier';
import { say, Sentence } from '@ledger/domain/shared/sentence';
import { Language } from '@ledger/presentation/sentences/render-words';
import { inCliLanguage } from './cli-language';
import { anchorAndHead } from './export.command';
import { UsageError } from './usage-error';

/**
 * Checks an audit package with nothing but the file (no database, no configuration): 0 when every event verifies from
 * the anchor to the head, 1 naming the first line and event that does not.
 */
export async function verifyExport(file: string, options: { json?: boolean; lang?: Language }): Promise<number> {
  if (!existsSync(file)) throw new UsageError(`no file ${file}`);
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const result = await verifyAuditPackage(lines);
  if (options.json) {
    console.log(JSON.stringify(result));
  } else if (result.ok) {
    const inLanguage = (sentence: Sentence) => inCliLanguage(sentence, options.lang);
    console.log(
      [
        inLanguage(say`audit package verifies: ${result.events} events recorded ${result.from} – ${result.to}`),
        anchorAndHead(result, options.lang),
        inLanguage(
          say`Compare the anchor and the head with hashes you hold from the ledger (an earlier package, its verify).`,
        ),
      ].join('\n'),
    );
  } else {
    // The reason is the verifier's account of the line (a hash, a field): printed as it is.
    const where =
      result.position === undefined
        ? say`audit package does NOT verify at line ${result.line}: ${result.reason} (${result.events} events verified before it)`
        : say`audit package does NOT verify at line ${result.line}: event at position ${result.position}${result.eventId ? ` (${result.eventId})` : ''}: ${result.reason} (${result.events} events verified before it)`;
    console.error(inCliLanguage(where, options.lang));
  }
  return result.ok ? 0 : 1;
}
