import { createWriteStream, renameSync, rmSync, WriteStream } from 'node:fs';
import { once } from 'node:events';
import { AuditPackageSummary, LineSink, LogDoesNotVerifyError, writeAuditPackage } from '@ledger/event-store';
import { describeEventStore, openEventStore } from '@ledger/platform';
import { passedTimestamp, timestampOf } from '../projection/src/shared/as-of';
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

/**
 * Writes the offline audit package of a period to --out; 0 when written, 1 when the log does not verify inside the
 * period (refused naming the position, nothing written to --out). A period ends now at the latest: a --to later than
 * now (a date's end of day, later today) is taken as the moment of the export, which the package's `to`, its head's
 * `at` and its `exportedAt` then name — a head is never given for a moment whose events may still be recorded.
 */
export async function exportAuditPackage(options: ExportOptions): Promise<number> {
  const now = new Date().toISOString();
  const from = periodBound('--from', options.from) ?? new Date(0).toISOString();
  const askedTo = periodBound('--to', options.to);
  const to = passedTimestamp(askedTo ?? now, now);
  if (askedTo !== undefined && askedTo < from) throw new UsageError(`--to (${askedTo}) is before --from (${from})`);
  if (to < from) throw new UsageError(`--from (${from}) is later than now (${to}): nothing is recorded after it yet`);
  const later = askedTo !== undefined && askedTo !== to ? { requestedTo: askedTo } : {};
  const config = await existingLedger(options);
  const store = await openEventStore(config.eventStore);
  try {
    let summary: AuditPackageSummary;
    try {
      summary = await writePackageFile(options.out, (write) => writeAuditPackage(store, { from, to }, write, now));
    } catch (error) {
      if (!(error instanceof LogDoesNotVerifyError)) throw error;
      const refusal = say`the log does not verify at position ${error.position}: its hash does not match its content (run verify); nothing was written to ${options.out}`;
      if (options.json) {
        console.log(
          JSON.stringify({
            ok: false,
            out: options.out,
            from,
            to,
            ...later,
            firstBrokenPosition: error.position,
            reason: inCliLanguage(refusal, 'en'), // --json is for machines: in English whatever the language, as verify's
          }),
        );
      } else {
        console.error(inCliLanguage(refusal, options.lang));
      }
      return 1;
    }
    const result = { ok: true, out: options.out, from, to, ...later, ...summary };
    const wrote = say`wrote ${summary.events} events (positions ${summary.anchor.position + 1}–${summary.head.position}) recorded ${from} – ${to} from ${describeEventStore(config.eventStore)} to ${options.out}`;
    const taken = say`--to ${askedTo} is later than now: the period ends at ${to}, when the package was taken`;
    console.log(
      options.json
        ? JSON.stringify(result)
        : [
            inCliLanguage(wrote, options.lang),
            ...(later.requestedTo ? [inCliLanguage(taken, options.lang)] : []),
            anchorAndHead(summary, options.lang),
          ].join('\n'),
    );
    return 0;
  } finally {
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

/**
 * The package is written beside --out as `<out>.partial` and renamed to --out once whole: half a package is no
 * package, so nothing at --out ever claims to be one (a file already there stays as it was), and an export stopped
 * midway (a broken chain, a full disk, a kill) leaves at most a file that says it is partial. Every write is waited
 * for (a large log goes at the disk's pace, not held in memory) and the file is closed before it is renamed or
 * removed: no write is left pending on a stream being torn down.
 */
async function writePackageFile<T>(out: string, write: (sink: LineSink) => Promise<T>): Promise<T> {
  const partial = `${out}.partial`;
  const file = createWriteStream(partial, { encoding: 'utf8' });
  // Every failure of the file reaches the export as a rejected write or close, never as an unhandled 'error' event.
  let failure: Error | undefined;
  file.on('error', (error) => (failure ??= error));
  try {
    await once(file, 'open');
    const written = await write((line) => writeLine(file, line, () => failure));
    file.end();
    await once(file, 'close');
    if (failure) throw failure;
    renameSync(partial, out);
    return written;
  } catch (error) {
    await closed(file);
    rmSync(partial, { force: true });
    throw error;
  }
}

/** One line, waiting while the file is behind; a failed file fails the write. */
async function writeLine(file: WriteStream, line: string, failure: () => Error | undefined): Promise<void> {
  const failed = failure();
  if (failed) throw failed;
  if (!file.write(`${line}\n`)) await once(file, 'drain');
}

/** The file's descriptor released, whatever state the stream is in. */
async function closed(file: WriteStream): Promise<void> {
  if (file.closed) return;
  const done = once(file, 'close').catch(() => undefined);
  file.destroy();
  await done;
}
