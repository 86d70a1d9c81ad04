import type { EventStore, RecordedEvent } from '../event-store.port';
import { ChainLink, eventHash, GENESIS_HASH } from '../hash-chain';
import {
  AUDIT_PACKAGE_FORMAT,
  AUDIT_PACKAGE_KIND,
  AuditPackageEvent,
  AuditPackageHead,
  AuditPackageHeader,
  ChainPoint,
  HASH_RULE,
} from './audit-package.format';

const PAGE_SIZE = 1000;

/** Where the package's lines go, one JSON text each (the writer adds no line end). */
export type LineSink = (line: string) => Promise<void>;

export interface AuditPackageSummary {
  anchor: ChainPoint;
  head: ChainPoint;
  events: number;
}

/** The log refused to be exported: its chain is broken inside the period (`verify` names where). */
export class LogDoesNotVerifyError extends Error {
  constructor(readonly position: number) {
    super(`the log does not verify at position ${position}: its hash does not match its content (run verify)`);
    this.name = 'LogDoesNotVerifyError';
  }
}

/**
 * An event as the hash covers it. Stores hand data and metadata back parsed; every adapter stored them as
 * `JSON.stringify` of the appended object, and JSON.stringify(JSON.parse(text)) is that text again — which the
 * recomputed hash proves for each exported event.
 */
const linkOf = (event: RecordedEvent): ChainLink => ({
  position: event.position,
  streamId: event.streamId,
  streamRevision: event.streamRevision,
  eventId: event.eventId,
  type: event.type,
  schemaVersion: event.schemaVersion,
  dataJson: JSON.stringify(event.data),
  metadataJson: JSON.stringify(event.metadata),
  recordedAt: event.recordedAt,
  hash: event.hash,
});

/**
 * Writes the package of the events recorded from `from` to `to` (inclusive, ISO 8601 UTC; recordedAt never decreases
 * along the log). Reads the log through the port, page by page, so any store and any size will do; recomputes every
 * exported hash from the anchor and refuses a log that does not verify, so that what it writes verifies.
 */
export async function writeAuditPackage(
  store: EventStore,
  period: { from: string; to: string },
  write: LineSink,
  exportedAt: string = new Date().toISOString(),
): Promise<AuditPackageSummary> {
  let anchor: ChainPoint = { position: 0, hash: GENESIS_HASH };
  let head: ChainPoint | undefined;
  let events = 0;
  for (let after = 0; ;) {
    const page = await store.readAll({ after, maxCount: PAGE_SIZE });
    if (page.length === 0) break;
    after = page[page.length - 1].position;
    for (const event of page) {
      if (event.recordedAt < period.from) {
        anchor = { position: event.position, hash: event.hash };
        continue;
      }
      if (event.recordedAt > period.to) return finish();
      if (!head) await writeLine<AuditPackageHeader>(header(anchor));
      const link = linkOf(event);
      if (eventHash(head?.hash ?? anchor.hash, link) !== link.hash) throw new LogDoesNotVerifyError(link.position);
      await writeLine<AuditPackageEvent>({ kind: 'event', ...link });
      head = { position: link.position, hash: link.hash };
      events++;
    }
  }
  return finish();

  async function finish(): Promise<AuditPackageSummary> {
    if (!head) await writeLine<AuditPackageHeader>(header(anchor));
    const last = head ?? anchor;
    await writeLine<AuditPackageHead>({ kind: 'head', ...last, at: period.to, events });
    return { anchor, head: last, events };
  }

  function header(anchorPoint: ChainPoint): AuditPackageHeader {
    const { from, to } = period;
    return {
      kind: AUDIT_PACKAGE_KIND,
      format: AUDIT_PACKAGE_FORMAT,
      from,
      to,
      anchor: anchorPoint,
      exportedAt,
      hashRule: HASH_RULE,
    };
  }

  function writeLine<Line>(line: Line): Promise<void> {
    return write(JSON.stringify(line));
  }
}
