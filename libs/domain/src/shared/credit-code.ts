/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters.
 * 1: registering authority · 2: entity type · 3–8: administrative division · 9–17: organisation code · 18: check.
 */
/** The characters of a code; a character's value is its index. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** The weights of characters 1–17 in the check character. */
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** 18 characters of the alphabet, the 3rd–8th (the administrative division) digits; the check character aside. */
export const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function creditCodeCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + CREDIT_CODE_ALPHABET.indexOf(ch) * CREDIT_CODE_WEIGHTS[i], 0);
  const check = 31 - (sum % 31);
  return CREDIT_CODE_ALPHABET[check === 31 ? 0 : check];
}

export function isValidCreditCode(code: unknown): code is string {
  return (
    typeof code === 'string' && CREDIT_CODE_SHAPE.test(code) && creditCodeCheckCharacter(code.slice(0, 17)) === code[17]
  );
}

/** The 6-digit administrative division code of registration, e.g. '150200' (Baotou). */
export const divisionOf = (code: string): string => code.slice(2, 8);

/** True when the unit is registered under the division prefix: '15' (Inner Mongolia), '5105' (Luzhou). */
export const isRegisteredIn = (code: string, divisionPrefix: string): boolean =>
  divisionOf(code).startsWith(divisionPrefix);

/** Registering authority 9 (market regulation) registers enterprises. */
export const isEnterpriseCode = (code: string): boolean => code[0] === '9';

/** Completes 17 characters with their check character (for tests and fixtures). */
export const withCheckCharacter = (first17: string): string => first17 + creditCodeCheckCharacter(first17);
