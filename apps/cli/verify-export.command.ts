import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { verifyAuditPackage } from '@ledger/event-store/audit-package/audit-package.verifier';
import { UsageError } from './usage-error';

/**
 * Checks an audit package with nothing but the file (no database, no configuration): 0 when every event verifies from
 * the anchor to the head, 1 naming the first line and event that does not.
 */
export async function verifyExport(file: string, options: { json?: boolean }): Promise<number> {
  if (!existsSync(file)) throw new UsageError(`no file ${file}`);
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const result = await verifyAuditPackage(lines);
  if (options.json) {
    console.log(JSON.stringify(result));
  } else if (result.ok) {
    console.log(
      `audit package verifies: ${result.events} events recorded ${result.from} – ${result.to}\n` +
        `anchor: position ${result.anchor.position}, hash ${result.anchor.hash}\n` +
        `head:   position ${result.head.position}, hash ${result.head.hash}\n` +
        'Compare the anchor and the head with hashes you hold from the ledger (an earlier package, its verify).',
    );
  } else {
    const event =
      result.position === undefined
        ? ''
        : ` event at position ${result.position}` + (result.eventId ? ` (${result.eventId})` : '') + ':';
    console.error(
      `audit package does NOT verify at line ${result.line}:${event} ${result.reason} (${result.events} events verified before it)`,
    );
  }
  return result.ok ? 0 : 1;
}
