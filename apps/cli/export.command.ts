import { createWriteStream, rmSync, WriteStream } from 'node:fs';
import { once } from 'node:events';
import { writeAuditPackage } from '@ledger/event-store';
import { describeEventStore, openEventStore } from '@ledger/platform';
import { timestampOf } from '../projection/src/shared/as-of';
import { say } from '@ledger/domain/shared/sentence';
import { inCliLanguage } from './cli-language';
import { existingLedger, LedgerDataOptions } from './ledger-data';
import { UsageError } from './usage-error';

export interface ExportOptions extends LedgerDataOptions {
  from?: string;
  to?: string;
  out: string;
}

/** A command-line moment: a timestamp with its zone, or a date (from its start, or to its end, in UTC+8). */
export function periodBound(option: '--from' | '--to', raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const timestamp = timestampOf(raw, option === '--from' ? 'start-of-day' : 'end-of-day');
  if (timestamp === undefined) {
    throw new UsageError(
      `${option} must be an ISO 8601 timestamp with a zone (2025-06-30T16:00:00Z) or a date (2025-06-30)`,
    );
  }
  return timestamp;
}

/** Writes the offline audit package of a period to --out; 0 when written, 1 when the log does not verify. */
export async function exportAuditPackage(options: ExportOptions): Promise<number> {
  const from = periodBound('--from', options.from) ?? new Date(0).toISOString();
  const to = periodBound('--to', options.to) ?? new Date().toISOString();
  if (to < from) throw new UsageError(`--to (${to}) is before --from (${from})`);
  const config = await existingLedger(options);
  const store = await openEventStore(config.eventStore);
  const out = createWriteStream(options.out, { encoding: 'utf8' });
  try {
    await once(out, 'open');
    const summary = await writeAuditPackage(store, { from, to }, (line) => writeLine(out, line)).catch(
      (error: unknown) => {
        // Half a package is no package: nothing is left behind for an auditor to mistake for one.
        out.destroy();
        rmSync(options.out, { force: true });
        throw error;
      },
    );
    out.end();
    await once(out, 'finish');
    const result = { out: options.out, from, to, ...summary };
    console.log(
      options.json
        ? JSON.stringify(result)
        : inCliLanguage(
            say`wrote ${summary.events} events (positions ${summary.anchor.position + 1}–${summary.head.position}) recorded ${from} – ${to} from ${describeEventStore(config.eventStore)} to ${options.out}`,
            options.lang,
          ) + `\n${anchorAndHead(summary, options.lang)}`,
    );
    return 0;
  } finally {
    out.destroy();
    await store.close();
  }
}

/** The anchor's and the head's positions and hashes, two lines (what an auditor compares with hashes they hold). */
export const anchorAndHead = (
  package_: { anchor: { position: number; hash: string }; head: { position: number; hash: string } },
  lang: ExportOptions['lang'],
): string =>
  inCliLanguage(say`anchor: position ${package_.anchor.position}, hash ${package_.anchor.hash}`, lang) +
  '\n' +
  inCliLanguage(say`head:   position ${package_.head.position}, hash ${package_.head.hash}`, lang);

/** One line, waiting while the file is behind (a large log is written at the disk's pace, not held in memory). */
async function writeLine(out: WriteStream, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}
