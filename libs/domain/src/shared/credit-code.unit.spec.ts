import { isRegisteredIn, isValidCreditCode, withCheckCharacter } from './credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91150200MA0000001F', '12150100MA0000001F', '91510502MA00000016', '91210100MA0000001G', '91120116MA00000014', '91110108MA0000001D'])(
    'accepts the valid example %s from POLICIES.md',
    (code) => expect(isValidCreditCode(code)).toBe(true),
  );

  it.each([
    ['a wrong check character', '91150200MA0000001G'],
    ['17 characters', '91150200MA0000001'],
    ['a letter outside the alphabet (I)', '91150200MI0000001F'],
    ['lower case', '91150200ma0000001f'],
    ['a non-digit division', '9115A200MA0000001F'],
  ])('rejects %s', (_why, code) => expect(isValidCreditCode(code)).toBe(false));

  it('writes a check value of 31 as 0 and completes fixtures', () => {
    const code = withCheckCharacter('91150200MA0000002');
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('reads the division of registration', () => {
    expect(isRegisteredIn('91510502MA00000016', '5105')).toBe(true);
    expect(isRegisteredIn('91510502MA00000016', '15')).toBe(false);
  });
});
