/**
 * The offline audit package: a slice of the hash-chained log as JSON lines, which an auditor checks on another machine
 * with nothing but the file (`npm run ledger -- verify-export`, or any sha256 tool following `HASH_RULE`).
 *
 *   line 1          the header: the period, and the anchor (position and hash of the last event before `from`)
 *   lines 2 … n+1   the period's events, each exactly as the hash covers it (data and metadata as the stored text)
 *   last line       the head: position and hash of the chain's last event at `to`, and how many events came before
 *
 * The events verify from the anchor: each hash is recomputed from the previous one and the event's content. That the
 * slice is the ledger's own (not a consistent forgery) is shown by comparing the anchor and the head with hashes the
 * auditor got independently: an earlier package's head, or `verify` on the ledger itself.
 */
import type { ChainLink } from '../hash-chain';

export const AUDIT_PACKAGE_KIND = 'ledger-audit-package';
export const AUDIT_PACKAGE_FORMAT = 1;

/** How each hash is made, in words for an auditor who checks it with other tools (the same rule as hash-chain.ts). */
export const HASH_RULE =
  'hash = lowercase hex sha256 of the UTF-8 text JSON.stringify([previousHash, position, streamId, streamRevision, ' +
  'eventId, type, schemaVersion, dataJson, metadataJson, recordedAt]); the first event of the log follows 64 zeros';

/** A point of the chain: an event's position and hash (position 0 and 64 zeros: before the first event). */
export interface ChainPoint {
  position: number;
  hash: string;
}

export interface AuditPackageHeader {
  kind: typeof AUDIT_PACKAGE_KIND;
  format: typeof AUDIT_PACKAGE_FORMAT;
  /** Events recorded at or after `from` and at or before `to` (ISO 8601 UTC). */
  from: string;
  to: string;
  /** The last event recorded before `from`: the hash the package's first event links to. */
  anchor: ChainPoint;
  exportedAt: string;
  hashRule: string;
}

export interface AuditPackageEvent extends ChainLink {
  kind: 'event';
}

export interface AuditPackageHead extends ChainPoint {
  kind: 'head';
  /** `to`, again: the head is the chain's last event recorded at or before it. */
  at: string;
  events: number;
}
