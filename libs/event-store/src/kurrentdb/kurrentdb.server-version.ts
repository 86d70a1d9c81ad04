/**
 * The server versions this adapter runs on, decided at start-up from the version the server reports.
 *
 * Atomic appends to several streams need KurrentDB's multi-stream append (the v2 StreamsService.AppendSession,
 * client `multiStreamAppend`), which KurrentDB offers from 25.1 on. An older server is refused when the store opens:
 * the ledger never falls back to one non-atomic append per stream. From 26.1 on, KurrentDB also offers AppendRecords
 * (client `appendRecords`) with consistency checks on streams it does not write, which is how this adapter sends a
 * request's check-only entries there (see kurrentdb.append-plan.ts).
 *
 * The version is the one the server's ServerFeatures service reports (client `ServerFeatures.serverVersion`,
 * dist/Client/ServerFeatures.d.ts, "unknown" when the server has no such service).
 */
export interface ServerVersion {
  major: number;
  minor: number;
  /** As the server reported it, e.g. "25.1.0.1234". */
  text: string;
}

export const MINIMUM_SERVER_VERSION = { major: 25, minor: 1 } as const;
export const APPEND_RECORDS_SERVER_VERSION = { major: 26, minor: 1 } as const;

export class UnsupportedKurrentDbServerError extends Error {
  constructor(readonly reportedVersion: string) {
    super(
      `KurrentDB ${reportedVersion === 'unknown' ? 'of unknown version (it does not report one)' : reportedVersion} ` +
        `is not supported: the ledger needs KurrentDB ${MINIMUM_SERVER_VERSION.major}.${MINIMUM_SERVER_VERSION.minor} ` +
        'or later, whose multi-stream append writes several streams atomically. Upgrade the server; the ledger does ' +
        'not fall back to non-atomic appends.',
    );
    this.name = 'UnsupportedKurrentDbServerError';
  }
}

export function parseServerVersion(text: string): ServerVersion | undefined {
  const match = /^v?(\d+)\.(\d+)(?:[.\-+].*)?$/.exec(text.trim());
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), text };
}

/** The server's version when this adapter supports it; UnsupportedKurrentDbServerError when not. */
export function supportedServerVersion(reported: string): ServerVersion {
  const version = parseServerVersion(reported);
  if (!version || !atLeast(version, MINIMUM_SERVER_VERSION)) throw new UnsupportedKurrentDbServerError(reported);
  return version;
}

export function offersAppendRecords(version: ServerVersion): boolean {
  return atLeast(version, APPEND_RECORDS_SERVER_VERSION);
}

function atLeast(version: ServerVersion, minimum: { major: number; minor: number }): boolean {
  return version.major > minimum.major || (version.major === minimum.major && version.minor >= minimum.minor);
}
