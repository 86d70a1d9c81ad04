/**
 * The tamper-evident hash chain, shared by every adapter so that a log written by one can be verified by any.
 *
 * hash(n) = sha256hex(canonical text of [hash(n-1), position, streamId, streamRevision, eventId, type, schemaVersion,
 * data JSON text, metadata JSON text, recordedAt]); the first event links to GENESIS_HASH. The data and metadata are
 * hashed as the exact JSON text the store keeps, never re-serialised, so verification needs no JSON canonicalisation.
 */
import { hash } from 'crypto';
import type { ChainVerification, LogPosition, VerifiedHead } from './event-store.port';

export const GENESIS_HASH = '0'.repeat(64);

/** An event's content as the store keeps it: what the hash covers. */
export interface ChainedEventContent {
  position: LogPosition;
  streamId: string;
  streamRevision: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
  recordedAt: string;
}

export interface ChainLink extends ChainedEventContent {
  hash: string;
}

/** A JSON array: every field is delimited and escaped, so no two different contents share a text. */
export function canonicalEventText(previousHash: string, event: ChainedEventContent): string {
  return JSON.stringify([
    previousHash,
    event.position,
    event.streamId,
    event.streamRevision,
    event.eventId,
    event.type,
    event.schemaVersion,
    event.dataJson,
    event.metadataJson,
    event.recordedAt,
  ]);
}

export function eventHash(previousHash: string, event: ChainedEventContent): string {
  // One-shot: no Hash object per event (the writer hashes every event it appends).
  return hash('sha256', canonicalEventText(previousHash, event), 'hex');
}

/** Reads up to `limit` links with position > `afterPosition`, in position order. */
export type ChainPageReader = (afterPosition: LogPosition, limit: number) => Promise<ChainLink[]>;

/**
 * Walks the whole log page by page, from before its first position: a row put at position 0 or below, which a
 * stream's reads would return, is walked too. A row whose content changed, whose hash was replaced, or whose
 * predecessor was deleted (a gap in positions, and a broken link) is reported as the first broken position. An intact
 * log's answer names its head, the last event walked (events removed from the end break no link: only that head,
 * compared with one kept elsewhere, shows them).
 */
export async function verifyHashChain(readPage: ChainPageReader, pageSize = 1000): Promise<ChainVerification> {
  let previousHash = GENESIS_HASH;
  let previousPosition = 0;
  let checked = 0;
  let head: VerifiedHead | undefined;
  for (let after = Number.MIN_SAFE_INTEGER; ; after = previousPosition) {
    const page = await readPage(after, pageSize);
    if (page.length === 0) return { ok: true, checked, ...(head && { head }) };
    for (const link of page) {
      const broken = brokenLinkReason(link, previousHash, previousPosition);
      if (broken) return { ok: false, checked, firstBrokenPosition: link.position, reason: broken };
      previousHash = link.hash;
      previousPosition = link.position;
      head = { position: link.position, hash: link.hash, recordedAt: link.recordedAt };
      checked++;
    }
  }
}

function brokenLinkReason(link: ChainLink, previousHash: string, previousPosition: LogPosition): string | undefined {
  if (link.position < 1) return `position ${link.position} is before the log's first position, 1`;
  if (link.position !== previousPosition + 1) {
    return `position ${link.position} follows position ${previousPosition}: events are missing`;
  }
  if (eventHash(previousHash, link) !== link.hash) {
    return `hash of position ${link.position} does not match its content and its predecessor's hash`;
  }
  return undefined;
}
