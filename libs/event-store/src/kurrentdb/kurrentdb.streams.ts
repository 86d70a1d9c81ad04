/**
 * Which KurrentDB streams make up the ledger's log, and how the port's stream ids are named there.
 *
 * Without a namespace the log is every stream whose name does not start with `$`: KurrentDB's system streams
 * (`$$…` metadata, `$ce-…`, `$stats-…`, …) all do, and so does the default chain stream `$ledger-chain`. With a
 * namespace `ns`, the ledger's streams are named `ns:<streamId>` and its chain stream `$ledger-chain-ns`, so several
 * ledgers (or test runs) can share one server. Either way the log is read with a server-side stream-name filter
 * (`streamNameFilter`, @kurrent/kurrentdb-client dist/utils/filter.d.ts), so system events and chain heads never
 * reach the ledger, and never count towards a `maxCount`.
 */
import { streamNameFilter } from '@kurrent/kurrentdb-client';
import type { Filter } from '@kurrent/kurrentdb-client';
import { InvalidAppendRequestError } from '../event-store.port';

export const DEFAULT_CHAIN_STREAM = '$ledger-chain';

export interface LedgerStreams {
  /** Prepended to every stream id ('' without a namespace). */
  prefix: string;
  /** Where the chain follower records the chain heads. */
  chainStream: string;
  /** The server-side filter that reads exactly the ledger's events from `$all`. */
  filter: Filter;
}

const NAMESPACE = /^[A-Za-z0-9_.-]+$/;

export function ledgerStreams(namespace?: string, chainStream?: string): LedgerStreams {
  if (namespace !== undefined && !NAMESPACE.test(namespace)) {
    throw new RangeError(`KurrentDB namespace "${namespace}" must be letters, digits, '_', '.' or '-'`);
  }
  const prefix = namespace === undefined ? '' : `${namespace}:`;
  const chain =
    chainStream ?? (namespace === undefined ? DEFAULT_CHAIN_STREAM : `${DEFAULT_CHAIN_STREAM}-${namespace}`);
  if (chain.length === 0) throw new RangeError('the chain stream needs a name');
  // A chain stream inside the log would chain its own heads (without a namespace the filter leaves it out).
  if (prefix !== '' && chain.startsWith(prefix)) {
    throw new RangeError(`chain stream ${chain} would be part of the ledger's log (${prefix}…)`);
  }
  return { prefix, chainStream: chain, filter: logFilter(prefix, chain) };
}

/**
 * Without a namespace: stream names not starting with `$` and not the chain stream. The regex is evaluated by the
 * server (.NET `Regex`); `^`, `(?!…)` and `\` escapes mean the same there as in JavaScript.
 */
function logFilter(prefix: string, chainStream: string): Filter {
  if (prefix !== '') return streamNameFilter({ prefixes: [prefix] });
  if (chainStream.startsWith('$')) return streamNameFilter({ regex: '^[^$]' });
  return streamNameFilter({ regex: `^(?!\\$|${escapeRegex(chainStream)}$)` });
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function toKurrentStream(streams: LedgerStreams, streamId: string): string {
  const name = `${streams.prefix}${streamId}`;
  if (name.startsWith('$')) {
    throw new InvalidAppendRequestError(
      `stream id ${streamId} starts with '$', which KurrentDB keeps for system streams`,
    );
  }
  if (name === streams.chainStream) throw new InvalidAppendRequestError(`stream id ${streamId} is the chain stream`);
  return name;
}

/** The port's stream id of a KurrentDB stream of the log. */
export function fromKurrentStream(streams: LedgerStreams, name: string): string {
  if (!name.startsWith(streams.prefix)) {
    throw new Error(`stream ${name} is not one of the ledger's (${streams.prefix}…)`);
  }
  return name.slice(streams.prefix.length);
}

/** Whether the server-side filter lets the stream through (the same rule, evaluated here). */
export function isLedgerStream(streams: LedgerStreams, name: string): boolean {
  if (streams.prefix !== '') return name.startsWith(streams.prefix);
  return !name.startsWith('$') && name !== streams.chainStream;
}
