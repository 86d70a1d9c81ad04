import fc from 'fast-check';
import {
  assertLogPosition,
  commitPositionToNumber,
  isAfter,
  PositionOutOfRangeError,
  readStartAfter,
  toLogPosition,
} from './kurrentdb.positions';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const at = (position: bigint) => ({ commit: position, prepare: position });

describe('KurrentDB $all positions as LogPositions', () => {
  it('maps a commit position to the same integer, exactly, up to Number.MAX_SAFE_INTEGER', () => {
    expect(toLogPosition(at(0n), 'e')).toBe(0);
    expect(toLogPosition(at(123_456_789n), 'e')).toBe(123_456_789);
    expect(toLogPosition(at(MAX), 'e')).toBe(Number.MAX_SAFE_INTEGER);
    expect(toLogPosition(at(MAX - 1n), 'e')).toBe(Number.MAX_SAFE_INTEGER - 1);
  });

  it('refuses a commit position past Number.MAX_SAFE_INTEGER instead of rounding or wrapping it', () => {
    for (const beyond of [MAX + 1n, MAX + 2n, 2n ** 63n - 1n, 2n ** 64n - 1n]) {
      expect(() => toLogPosition(at(beyond), 'e')).toThrow(PositionOutOfRangeError);
    }
    expect(() => commitPositionToNumber(MAX + 1n)).toThrow(/exceeds Number.MAX_SAFE_INTEGER/);
  });

  it('refuses an event whose commit and prepare positions differ (an explicit transaction)', () => {
    expect(() => toLogPosition({ commit: 500n, prepare: 420n }, 'event x')).toThrow(/explicit transaction/);
  });

  it('refuses an event without a position, and a negative one', () => {
    expect(() => toLogPosition(undefined, 'event x')).toThrow(/no \$all position/);
    expect(() => toLogPosition(at(-1n), 'event x')).toThrow(RangeError);
  });

  it('keeps the order of commit positions: comparing LogPositions compares $all positions', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX }), fc.bigInt({ min: 0n, max: MAX }), (a, b) => {
        const [x, y] = [toLogPosition(at(a), 'a'), toLogPosition(at(b), 'b')];
        expect(Math.sign(x - y)).toBe(a < b ? -1 : a > b ? 1 : 0);
        expect(isAfter(x, y)).toBe(a > b);
      }),
    );
  });

  it('starts a forwards read after a position at that position (read inclusively, the event there dropped)', () => {
    expect(readStartAfter(0)).toBe('start');
    expect(readStartAfter(4_096)).toEqual({ commit: 4_096n, prepare: 4_096n });
    expect(isAfter(4_096, 4_096)).toBe(false);
    expect(isAfter(4_097, 4_096)).toBe(true);
  });

  it('refuses a position that is not a safe integer ≥ 0', () => {
    for (const wrong of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN]) {
      expect(() => readStartAfter(wrong)).toThrow(RangeError);
      expect(() => assertLogPosition(wrong, 'after')).toThrow(RangeError);
    }
  });
});
