import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import type { ExpectedRevision } from '../event-store.port';
import {
  fromAppendStreamState,
  fromCurrentStreamState,
  toAppendStreamState,
  toStreamRevision,
} from './kurrentdb.revisions';

describe('KurrentDB revisions and expected revisions', () => {
  it('maps stream revisions one to one (both count from 0), refusing what a number cannot hold', () => {
    expect(toStreamRevision(0n, 's')).toBe(0);
    expect(toStreamRevision(41n, 's')).toBe(41);
    expect(toStreamRevision(BigInt(Number.MAX_SAFE_INTEGER), 's')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toStreamRevision(BigInt(Number.MAX_SAFE_INTEGER) + 1n, 's')).toThrow(RangeError);
    expect(() => toStreamRevision(-1n, 's')).toThrow(RangeError);
  });

  it.each<[ExpectedRevision, unknown]>([
    ['any', ANY],
    ['no-stream', NO_STREAM],
    [-1, NO_STREAM],
    ['stream-exists', STREAM_EXISTS],
    [0, 0n],
    [17, 17n],
  ])('maps the expected revision %p to KurrentDB’s %p', (expected, state) => {
    expect(toAppendStreamState(expected)).toBe(state);
  });

  it('maps KurrentDB’s expected states back, -1 coming back as its named form', () => {
    for (const expected of ['any', 'no-stream', 'stream-exists', 0, 9] as ExpectedRevision[]) {
      expect(fromAppendStreamState(toAppendStreamState(expected))).toBe(expected);
    }
    expect(fromAppendStreamState(toAppendStreamState(-1))).toBe('no-stream');
  });

  it('reads a stream’s current state as a revision, -1 for no stream', () => {
    expect(fromCurrentStreamState(NO_STREAM, 's')).toBe(-1);
    expect(fromCurrentStreamState(-1n, 's')).toBe(-1);
    expect(fromCurrentStreamState(0n, 's')).toBe(0);
    expect(fromCurrentStreamState(12n, 's')).toBe(12);
  });

  it('refuses the states of deleted and tombstoned streams, which the ledger never has', () => {
    expect(() => fromCurrentStreamState(-5n, 'gone')).toThrow(/stream gone was deleted/);
    expect(() => fromCurrentStreamState(-6n, 'gone')).toThrow(/deleted/);
  });
});
