import { ChainLink, eventHash } from '../hash-chain';
import {
  AUDIT_PACKAGE_FORMAT,
  AUDIT_PACKAGE_KIND,
  AuditPackageHead,
  AuditPackageHeader,
  ChainPoint,
} from './audit-package.format';

export type AuditPackageVerification =
  | { ok: true; from: string; to: string; anchor: ChainPoint; head: ChainPoint; events: number }
  | {
      ok: false;
      /** Events verified before the failure. */
      events: number;
      /** The package's line (1-based) that does not verify. */
      line: number;
      /** The event that does not verify, when the line names one. */
      position?: number;
      eventId?: string;
      reason: string;
    };

/** Thrown inside, answered as `ok: false`. */
class PackageProblem extends Error {
  constructor(
    readonly reason: string,
    readonly event: { position?: number; eventId?: string } = {},
  ) {
    super(reason);
  }
}

const HASH = /^[0-9a-f]{64}$/;

/**
 * Checks an audit package line by line with nothing but the file: the header's anchor, every event's hash recomputed
 * from the one before it (so a changed byte, a removed, added or reordered event breaks the chain at that event), the
 * period, and the head line (so a cut-off end shows). Names the first line, and the event on it, that does not verify.
 */
export async function verifyAuditPackage(lines: AsyncIterable<string>): Promise<AuditPackageVerification> {
  let lineNumber = 0;
  let header: AuditPackageHeader | undefined;
  let previous: ChainPoint | undefined;
  let events = 0;
  let head: AuditPackageHead | undefined;
  try {
    for await (const text of lines) {
      lineNumber++;
      if (text.trim() === '' && lineNumber > 1) continue;
      if (head) throw new PackageProblem('a line follows the head line: the package was altered');
      const line = parseLine(text);
      if (!header) {
        header = headerOf(line);
        previous = header.anchor;
      } else if (line.kind === 'event') {
        previous = verifyEvent(line, previous!, header);
        events++;
      } else if (line.kind === 'head') {
        head = headOf(line, previous!, events);
      } else {
        throw new PackageProblem(`a line of kind ${JSON.stringify(line.kind)}: expected an event or the head`);
      }
    }
    if (!header) throw new PackageProblem('the file is empty: not an audit package');
    if (!head) throw new PackageProblem('the package ends without its head line: it was cut off or altered');
    const { from, to, anchor } = header;
    return { ok: true, from, to, anchor, head: { position: head.position, hash: head.hash }, events };
  } catch (error) {
    if (!(error instanceof PackageProblem)) throw error;
    return { ok: false, events, line: lineNumber, ...error.event, reason: error.reason };
  }
}

function parseLine(text: string): Record<string, unknown> {
  try {
    const line = JSON.parse(text) as unknown;
    if (typeof line === 'object' && line !== null && !Array.isArray(line)) return line as Record<string, unknown>;
  } catch {
    // named below, with the event the damaged line seems to hold
  }
  throw new PackageProblem('the line is not a JSON object: it was altered', eventNamedIn(text));
}

/** A damaged line's position and event id, where they can still be read. */
function eventNamedIn(text: string): { position?: number; eventId?: string } {
  const position = /"position":(\d+)/.exec(text)?.[1];
  const eventId = /"eventId":"([^"\\]*)"/.exec(text)?.[1];
  return { ...(position && { position: Number(position) }), ...(eventId && { eventId }) };
}

function headerOf(line: Record<string, unknown>): AuditPackageHeader {
  if (line.kind !== AUDIT_PACKAGE_KIND)
    throw new PackageProblem(`not an audit package: the first line's kind is not ${AUDIT_PACKAGE_KIND}`);
  if (line.format !== AUDIT_PACKAGE_FORMAT)
    throw new PackageProblem(`format ${String(line.format)} is not one this tool reads (${AUDIT_PACKAGE_FORMAT})`);
  const anchor = line.anchor as Partial<ChainPoint> | undefined;
  if (typeof line.from !== 'string' || typeof line.to !== 'string' || !isChainPoint(anchor)) {
    throw new PackageProblem('the header lacks its period (from, to) or its anchor (position, hash)');
  }
  return line as unknown as AuditPackageHeader;
}

const isChainPoint = (point: Partial<ChainPoint> | undefined): point is ChainPoint =>
  Number.isSafeInteger(point?.position) && typeof point?.hash === 'string' && HASH.test(point.hash);

const TEXT_FIELDS = ['streamId', 'eventId', 'type', 'dataJson', 'metadataJson', 'recordedAt', 'hash'] as const;
const NUMBER_FIELDS = ['position', 'streamRevision', 'schemaVersion'] as const;

function verifyEvent(line: Record<string, unknown>, previous: ChainPoint, header: AuditPackageHeader): ChainPoint {
  const named = {
    ...(Number.isSafeInteger(line.position) && { position: line.position as number }),
    ...(typeof line.eventId === 'string' && { eventId: line.eventId }),
  };
  const missing = [
    ...TEXT_FIELDS.filter((field) => typeof line[field] !== 'string'),
    ...NUMBER_FIELDS.filter((field) => !Number.isSafeInteger(line[field])),
  ];
  if (missing.length > 0) throw new PackageProblem(`the event lacks ${missing.join(', ')}`, named);
  const link = line as unknown as ChainLink;
  if (link.position <= previous.position) {
    throw new PackageProblem(`position ${link.position} follows position ${previous.position}: out of order`, named);
  }
  if (link.recordedAt < header.from || link.recordedAt > header.to) {
    throw new PackageProblem(`recorded at ${link.recordedAt}, outside the period ${header.from} – ${header.to}`, named);
  }
  if (eventHash(previous.hash, link) !== link.hash) {
    throw new PackageProblem(
      `the hash of position ${link.position} (${link.type} on ${link.streamId}) does not match its content and the ` +
        `hash before it (position ${previous.position}): the event was altered, or one before it removed`,
      named,
    );
  }
  return { position: link.position, hash: link.hash };
}

function headOf(line: Record<string, unknown>, last: ChainPoint, events: number): AuditPackageHead {
  const head = line as unknown as AuditPackageHead;
  if (head.position !== last.position || head.hash !== last.hash) {
    throw new PackageProblem(
      `the head names position ${String(head.position)}, hash ${String(head.hash)}; the events end at position ` +
        `${last.position}, hash ${last.hash}: events are missing at the end, or the head was altered`,
    );
  }
  if (head.events !== events)
    throw new PackageProblem(`the head counts ${String(head.events)} events; the package holds ${events}`);
  return head;
}
