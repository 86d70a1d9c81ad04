import { say, Sentence, Words } from '@ledger/domain/shared/sentence';

/**
 * class-validator's own messages (`amount must not be less than 1`) as sentences, so a 400 names the problem in the
 * language asked for: each message the DTOs can produce is matched once here and said with its values. The ledger's
 * own validators (ledger-validators.ts) say theirs as `${property} ${predicate}`, matched the same way. A message no
 * pattern knows stays as class-validator wrote it.
 */
const PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => Sentence]> = [
  [/^must be a string$/, () => say`must be a string`],
  [/^should not be empty$/, () => say`should not be empty`],
  [/^should not be null or undefined$/, () => say`should not be null or undefined`],
  [
    /^must be shorter than or equal to (\d+) characters$/,
    (m) => say`must be shorter than or equal to ${m[1]} characters`,
  ],
  [/^must be one of the following values: (.*)$/, (m) => say`must be one of the following values: ${m[1]}`],
  [/^must not be less than (\S+)$/, (m) => say`must not be less than ${m[1]}`],
  [/^must not be greater than (\S+)$/, (m) => say`must not be greater than ${m[1]}`],
  [/^must be an integer number$/, () => say`must be an integer number`],
  [/^must be a boolean value$/, () => say`must be a boolean value`],
  [/^must be an object$/, () => say`must be an object`],
  [/^must be an array$/, () => say`must be an array`],
  [/^must contain no more than (\d+) elements$/, (m) => say`must contain no more than ${m[1]} elements`],
  [/^must match (.*) regular expression$/, (m) => say`must match ${m[1]} regular expression`],
  [/^must be either object or array$/, () => say`must be either object or array`],
  [
    /^must be a string of yuan with at most two decimals, e\.g\. "3000000\.00"$/,
    () => say`must be a string of yuan with at most two decimals, e.g. "3000000.00"`,
  ],
  [
    /^must be an 18-character unified social credit code with a valid check character$/,
    () => say`must be an 18-character unified social credit code with a valid check character`,
  ],
  [/^must be a date written YYYY-MM-DD$/, () => say`must be a date written YYYY-MM-DD`],
  // The messages the apps' DTOs and validators give themselves.
  [/^must be a non-negative integer$/, () => say`must be a non-negative integer`],
  [
    /^must be a non-negative number with at most (\d+) decimals, at most (\S+)$/,
    (m) => say`must be a non-negative number with at most ${m[1]} decimals, at most ${m[2]}`,
  ],
  [
    /^must be a non-negative number with at most (\d+) decimals$/,
    (m) => say`must be a non-negative number with at most ${m[1]} decimals`,
  ],
  [
    /^must be a non-negative integer, or its parts \{ (.*) \} each a non-negative integer$/,
    (m) => say`must be a non-negative integer, or its parts { ${m[1]} } each a non-negative integer`,
  ],
  [
    /^must be a string of yuan above zero with at most two decimals, e\.g\. "100000000\.00"$/,
    () => say`must be a string of yuan above zero with at most two decimals, e.g. "100000000.00"`,
  ],
  [
    /^must be a positive string of yuan with at most two decimals, e\.g\. "3000000\.00"$/,
    () => say`must be a positive string of yuan with at most two decimals, e.g. "3000000.00"`,
  ],
  [/^must be an integer year, e\.g\. 2025$/, () => say`must be an integer year, e.g. 2025`],
  [/^must be a log position \(an integer\)$/, () => say`must be a log position (an integer)`],
  [
    /^must be a year \(2025\) or a span of years \(2023-2025\)$/,
    () => say`must be a year (2025) or a span of years (2023-2025)`,
  ],
  [
    /^must be a file sent as multipart\/form-data \(CSV in UTF-8 or GBK, or XLSX\)$/,
    () => say`must be a file sent as multipart/form-data (CSV in UTF-8 or GBK, or XLSX)`,
  ],
  [/^must be one of (.*)$/, (m) => say`must be one of ${m[1]}`],
  [
    /^is required with (\S+): the two are given together$/,
    (m) => say`is required with ${m[1]}: the two are given together`,
  ],
];

/** One class-validator message about `property` as a sentence: `${property} ${what is wrong}`. */
export function validatorProblem(text: string, property: string): Words {
  const unknown = /^property (\S*) should not exist$/.exec(text);
  if (unknown) return say`property ${unknown[1]} should not exist`;
  // A nested object that is not one (`governance: null`), or an element of a list of them (`members: [null]`, whose
  // error names the list while its property is the index).
  const nested = /^(each value in )?nested property (\S+) must be either object or array$/.exec(text);
  if (nested) {
    return nested[1] ? say`each value of ${nested[2]} must be an object` : say`${nested[2]} ${say`must be an object`}`;
  }
  const prefix = `${property} `;
  const rest = text.startsWith(prefix) ? text.slice(prefix.length) : undefined;
  if (rest === undefined) return text;
  for (const [pattern, sentence] of PATTERNS) {
    const match = pattern.exec(rest);
    if (match) return say`${property} ${sentence(match)}`;
  }
  return text;
}
