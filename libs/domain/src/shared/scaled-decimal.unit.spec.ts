import { decimalToScaled, isScaledDecimal, scaledToDecimal } from './scaled-decimal';

describe('decimalToScaled — exact decimals without floating point', () => {
  it.each([
    ['0.35', 4, 3500],
    ['0.3', 4, 3000],
    ['1.6', 2, 160],
    ['1.50', 2, 150],
    ['1.600', 2, 160], // trailing zeros lose nothing
    ['0', 4, 0],
    ['12', 0, 12],
    ['1', 4, 10000],
    ['0.0001', 4, 1],
    ['0.29', 4, 2900], // 0.29 * 10000 is 2899.9999999999995 in floating point
    ['1.15', 2, 115], // 1.15 * 100 is 114.99999999999999 in floating point
  ])('%s at scale %i is %i', (text, scale, expected) => expect(decimalToScaled(text, scale)).toBe(expected));

  it.each([
    ['an exponent', '1e6', 2],
    ['a JSON-number exponent', '1E-7', 4],
    ['a negative value', '-0.5', 4],
    ['a plus sign', '+1.6', 2],
    ['too many decimals', '1.555', 2],
    ['too many decimals for basis points', '0.12345', 4],
    ['a missing whole part', '.5', 2],
    ['a missing fraction', '5.', 2],
    ['leading zeros', '01.5', 2],
    ['spaces', ' 1.6', 2],
    ['a comma', '1,6', 2],
    ['an empty string', '', 2],
    ['Infinity', 'Infinity', 2],
    ['NaN', 'NaN', 2],
    ['a value beyond the safe integers', '90071992547409.93', 2],
  ])('rejects %s (%s)', (_why, text, scale) => expect(() => decimalToScaled(text, scale)).toThrow(RangeError));

  it('rejects what is not a string', () =>
    expect(() => decimalToScaled(1.6 as unknown as string, 2)).toThrow(RangeError));

  it('rejects an unsupported scale', () => {
    expect(() => decimalToScaled('1', -1)).toThrow(RangeError);
    expect(() => decimalToScaled('1', 1.5)).toThrow(RangeError);
  });

  it('reads the text of the JSON numbers of API.md exactly', () => {
    expect(decimalToScaled(String(0.35), 4)).toBe(3500);
    expect(decimalToScaled(String(1.6), 2)).toBe(160);
    expect(decimalToScaled(String(0.31), 4)).toBe(3100);
  });

  it('answers isScaledDecimal without throwing', () => {
    expect(isScaledDecimal('1.6', 2)).toBe(true);
    expect(isScaledDecimal('1e6', 2)).toBe(false);
    expect(isScaledDecimal(undefined, 2)).toBe(false);
  });
});

describe('scaledToDecimal', () => {
  it.each([
    [160, 2, '1.6'],
    [150, 2, '1.5'],
    [3500, 4, '0.35'],
    [1, 4, '0.0001'],
    [10000, 4, '1'],
    [0, 2, '0'],
    [12, 0, '12'],
  ])('%i at scale %i is %s', (value, scale, expected) => expect(scaledToDecimal(value, scale)).toBe(expected));

  it('round-trips', () => {
    for (const text of ['0.35', '1.6', '0.0001', '123.45'])
      expect(scaledToDecimal(decimalToScaled(text, 4), 4)).toBe(text);
  });

  it('rejects fractions and negatives', () => {
    expect(() => scaledToDecimal(1.5, 2)).toThrow(RangeError);
    expect(() => scaledToDecimal(-1, 2)).toThrow(RangeError);
  });
});
