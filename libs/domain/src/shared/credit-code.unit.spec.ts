import { creditCodeCheckCharacter, isRegisteredIn, isValidCreditCode, withCheckCharacter } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    '91150200MA0000001F',
    '12150100MA0000001F',
    '91510502MA00000016',
    '91210100MA0000001G',
    '91120116MA00000014',
    '91110108MA0000001D',
  ])('accepts the valid example %s from POLICIES.md', (code) => expect(isValidCreditCode(code)).toBe(true));

  it.each([
    ['a wrong check character', '91150200MA0000001G'],
    ['17 characters', '91150200MA0000001'],
    ['a letter outside the alphabet (I)', '91150200MI0000001F'],
    ['lower case', '91150200ma0000001f'],
    ['a non-digit division', '9115A200MA0000001F'],
  ])('rejects %s', (_why, code) => expect(isValidCreditCode(code)).toBe(false));

  it('writes a check value of 31 as 0', () => {
    // Σ value × weight of these 17 characters is a multiple of 31, so the check value is 31 − 0 = 31, written 0.
    expect(creditCodeCheckCharacter('91150200MA0000016')).toBe('0');
    expect(isValidCreditCode('91150200MA00000160')).toBe(true);
    expect(isValidCreditCode('91150200MA0000016Y')).toBe(false);
  });

  it('completes fixtures with their check character', () => {
    expect(withCheckCharacter('91150200MA0000001')).toBe('91150200MA0000001F');
  });

  it('reads the division of registration', () => {
    expect(isRegisteredIn('91510502MA00000016', '5105')).toBe(true);
    expect(isRegisteredIn('91510502MA00000016', '15')).toBe(false);
  });
});
