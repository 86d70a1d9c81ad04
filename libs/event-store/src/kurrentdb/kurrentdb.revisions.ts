/**
 * Stream revisions and expected revisions between the port and KurrentDB.
 *
 * Both count a stream's events from 0, so revision n is revision n; KurrentDB's are bigints (`revision: bigint` on a
 * recorded event) and are refused past Number.MAX_SAFE_INTEGER rather than rounded. Expected revisions map one to one
 * onto the client's `AppendStreamState` (dist/types/index.d.ts; constants in dist/constants.d.ts):
 *
 *   'any' ↔ ANY ('any') · 'no-stream' and -1 → NO_STREAM ('no_stream') · 'stream-exists' ↔ STREAM_EXISTS
 *   ('stream_exists') · n ≥ 0 ↔ BigInt(n)
 *
 * A stream's current state as KurrentDB reports it in a conflict or an append's answer (`CurrentStreamState`:
 * NO_STREAM, or a bigint where -1 also means no stream) maps to the port's revision, -1 for no stream.
 */
import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import type { AppendStreamState, CurrentStreamState } from '@kurrent/kurrentdb-client';
import type { ExpectedRevision, StreamRevision } from '../event-store.port';
import { NO_STREAM_REVISION } from '../expected-revision';

const MAX_REVISION = BigInt(Number.MAX_SAFE_INTEGER);

export function toStreamRevision(revision: bigint, what: string): StreamRevision {
  if (revision < 0n) throw new RangeError(`${what}: KurrentDB revision ${revision} is negative`);
  if (revision > MAX_REVISION) {
    throw new RangeError(`${what}: KurrentDB revision ${revision} exceeds Number.MAX_SAFE_INTEGER`);
  }
  return Number(revision);
}

export function toAppendStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no-stream':
      return NO_STREAM;
    case 'stream-exists':
      return STREAM_EXISTS;
    default:
      return expected === NO_STREAM_REVISION ? NO_STREAM : BigInt(expected);
  }
}

export function fromAppendStreamState(state: AppendStreamState): ExpectedRevision {
  switch (state) {
    case ANY:
      return 'any';
    case NO_STREAM:
      return 'no-stream';
    case STREAM_EXISTS:
      return 'stream-exists';
    default:
      return toStreamRevision(state, 'expected revision');
  }
}

/**
 * The revision KurrentDB says a stream is at: -1 when it does not exist. The negative states appendRecords reports
 * for deleted (-5) and tombstoned (-6) streams are refused: the ledger never deletes a stream.
 */
export function fromCurrentStreamState(state: CurrentStreamState, streamName: string): StreamRevision {
  if (state === NO_STREAM || state === -1n) return NO_STREAM_REVISION;
  if (state < 0n) throw new Error(`stream ${streamName} was deleted in KurrentDB (state ${state})`);
  return toStreamRevision(state, `stream ${streamName}`);
}
