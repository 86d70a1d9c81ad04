/**
 * Every stream of the ledger by kind, and the one parser of stream ids: read models and tools ask `streamKindOf`
 * instead of testing prefixes themselves (`consortium-` is also the start of `consortium-funding-`).
 */
import { CONSORTIUM_STREAM_PREFIX } from './consortium/consortium.streams';
import { LEAD_REGISTRY_STREAM_PREFIX } from './lead-registry/lead-registry.streams';
import { RECONCILIATION_STREAM_PREFIX } from './reconciliation/reconciliation.streams';
import { SUBSIDY_STREAM_PREFIXES } from './subsidy/subsidy.streams';
import { REGIONAL_AVERAGE_STREAM_PREFIX, ZONE_STREAM_PREFIX } from './zone/zone.streams';

export type StreamKind =
  | 'consortium'
  | 'lead-registry'
  | 'zone'
  | 'regional-average'
  | 'reconciliation'
  | keyof typeof SUBSIDY_STREAM_PREFIXES;

const PREFIXES: ReadonlyArray<[StreamKind, string]> = (
  [
    ['consortium', CONSORTIUM_STREAM_PREFIX],
    ['lead-registry', LEAD_REGISTRY_STREAM_PREFIX],
    ['zone', ZONE_STREAM_PREFIX],
    ['regional-average', REGIONAL_AVERAGE_STREAM_PREFIX],
    ['reconciliation', RECONCILIATION_STREAM_PREFIX],
    ...(Object.entries(SUBSIDY_STREAM_PREFIXES) as Array<[StreamKind, string]>),
  ] as Array<[StreamKind, string]>
).sort(([, a], [, b]) => b.length - a.length); // the longest prefix that fits wins

export interface ParsedStreamId {
  kind: StreamKind;
  /** What follows the kind's prefix: the entity's id (a consortium's, a subsidy's, a zone's, a project's …). */
  id: string;
}

/**
 * The streams parsed last, a few thousand: every read model asks for each event's stream (a rebuild: six times an
 * event, a million events), and an id parsed once is answered from here (frozen: shared by every caller).
 */
const recent = new Map<string, Readonly<ParsedStreamId> | null>();
const RECENT_STREAMS = 10_000;

export function streamKindOf(streamId: string): Readonly<ParsedStreamId> | undefined {
  const known = recent.get(streamId);
  if (known !== undefined) return known ?? undefined;
  const parsed = parseStreamId(streamId);
  if (recent.size >= RECENT_STREAMS) recent.clear();
  recent.set(streamId, parsed ? Object.freeze(parsed) : null);
  return parsed;
}

function parseStreamId(streamId: string): ParsedStreamId | undefined {
  for (const [kind, prefix] of PREFIXES) {
    if (streamId.startsWith(prefix) && streamId.length > prefix.length)
      return { kind, id: streamId.slice(prefix.length) };
  }
  return undefined;
}
