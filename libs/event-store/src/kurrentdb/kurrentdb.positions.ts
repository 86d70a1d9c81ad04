/**
 * The port's positions on KurrentDB: the `$all` commit position of each event.
 *
 * KurrentDB addresses an event in `$all` by `Position { commit, prepare }`, two bigints (@kurrent/kurrentdb-client,
 * dist/types/index.d.ts). Every event written through the gRPC appends (appendToStream, multiStreamAppend,
 * appendRecords) is an implicitly committed prepare record, and `$all` reports it with commit = prepare = the record's
 * own log position (the server's AllReader: `new CommitEventRecord(eventRecord, prepare.LogPosition)`). So one number
 * names one event, and numbers only grow along `$all`: positions are monotonic, NOT dense — they are byte offsets in
 * the transaction log, with gaps for every record that is not a ledger event (system events, the chain stream, other
 * namespaces, record headers). Consumers may compare them (`minPosition` for read-your-writes, checkpoints); gap
 * detection (position n + 1 follows n) cannot be done on this store.
 *
 * LogPosition is a JS number: commit positions up to Number.MAX_SAFE_INTEGER (2^53 − 1 bytes, 8 PiB of transaction log)
 * map to the same integer, exactly. A larger one is refused with PositionOutOfRangeError, never rounded or wrapped.
 * An event whose commit and prepare positions differ (a legacy explicit TCP transaction) is refused too: two events
 * would share one number.
 */
import type { Position } from '@kurrent/kurrentdb-client';
import type { LogPosition } from '../event-store.port';

const MAX_POSITION = BigInt(Number.MAX_SAFE_INTEGER);

export class PositionOutOfRangeError extends RangeError {
  constructor(readonly commitPosition: bigint) {
    super(
      `KurrentDB commit position ${commitPosition} exceeds Number.MAX_SAFE_INTEGER (${Number.MAX_SAFE_INTEGER}): ` +
        'it cannot be a LogPosition without losing precision',
    );
    this.name = 'PositionOutOfRangeError';
  }
}

/** The port's position of an event read from KurrentDB. */
export function toLogPosition(position: Position | undefined, what: string): LogPosition {
  if (!position) throw new Error(`${what} has no $all position (KurrentDB older than 22.6 does not report it)`);
  const { commit, prepare } = position;
  if (commit !== prepare) {
    throw new Error(
      `${what} has commit position ${commit} and prepare position ${prepare}: an explicit transaction, whose events ` +
        'share one commit position, cannot be numbered one position per event',
    );
  }
  return commitPositionToNumber(commit);
}

/** A commit position as a LogPosition: exact, or PositionOutOfRangeError. */
export function commitPositionToNumber(commit: bigint): LogPosition {
  if (commit < 0n) throw new RangeError(`KurrentDB commit position ${commit} is negative`);
  if (commit > MAX_POSITION) throw new PositionOutOfRangeError(commit);
  return Number(commit);
}

/**
 * Where a forwards `$all` read must start to see the events after `after` (exclusive). KurrentDB reads from a position
 * inclusively, so the event at `after` itself comes back and the caller drops it (`isAfter`). `after` must be 0 or a
 * position this store answered: KurrentDB cannot start reading in the middle of a record.
 */
export function readStartAfter(after: LogPosition): 'start' | Position {
  assertLogPosition(after, 'after');
  if (after === 0) return 'start';
  return { commit: BigInt(after), prepare: BigInt(after) };
}

export function isAfter(position: LogPosition, after: LogPosition): boolean {
  return position > after;
}

export function assertLogPosition(position: LogPosition, what: string): void {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`${what} must be a position ≥ 0 (a safe integer), got ${position}`);
  }
}
