import { CustomTypesConfig, types } from 'pg';

/** PostgreSQL's type oid of bigint (int8): read-model positions, integer columns, counters and COUNT(*). */
const INT8_OID = 20;

/**
 * BIGINT as a JS number: positions, counts and money in fen all stay below 2^53 (9e15 fen is 90 万亿 yuan); a value
 * beyond it is refused rather than rounded. node-postgres reads int8 as a string by default, and changing that
 * globally (`types.setTypeParser`) would change it for every pool in the process, the event store's included: this
 * parser is given to the read store's pool alone.
 */
export function int8AsNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} does not fit a JS number exactly`);
  return value;
}

const builtIn = types.getTypeParser as (oid: number, format?: 'text' | 'binary') => (value: string) => unknown;

export const READ_MODEL_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? int8AsNumber
      : builtIn(oid, format)) as CustomTypesConfig['getTypeParser'],
};
