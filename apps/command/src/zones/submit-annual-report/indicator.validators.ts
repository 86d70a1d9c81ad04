import { POSITIVE_YUAN_SCHEMA, validationRule } from '@ledger/platform';
import { isYuanString, yuanToFen } from '@ledger/domain/shared/money';
import { isScaledDecimal } from '@ledger/domain/shared/scaled-decimal';

/** Validators for the indicators of an annual report (附件2): exact decimals, counts, and counts given in parts. */
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** A non-negative integer (safe in JSON). */
export const IsCount = validationRule('isCount', isCount, (property) => `${property} must be a non-negative integer`, {
  type: 'integer',
  minimum: 0,
});

/** An amount of yuan above nothing (a park GDP: R&D spending is divided by it). */
export const IsPositiveYuanAmount = validationRule(
  'isPositiveYuanAmount',
  (value) => isYuanString(value) && yuanToFen(value) > 0,
  (property) => `${property} must be a string of yuan above zero with at most two decimals, e.g. "100000000.00"`,
  POSITIVE_YUAN_SCHEMA,
);

/**
 * A finite, non-negative JSON number with at most `scale` decimals (at most `max`), so that it converts exactly:
 * `decimalToScaled(String(value), scale)`. 1.555 at scale 2 or 1e-7 are refused rather than rounded.
 */
export const IsExactDecimal = (scale: number, max?: number) =>
  validationRule(
    'isExactDecimal',
    (value) =>
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= 0 &&
      (max === undefined || value <= max) &&
      isScaledDecimal(String(value), scale),
    (property) =>
      `${property} must be a non-negative number with at most ${scale} decimals${max === undefined ? '' : `, at most ${max}`}`,
    { type: 'number', minimum: 0 },
  )();

/** A count, or an object with exactly the given parts, each a count (the domain sums them). */
export const IsCountOrParts = (parts: readonly string[]) =>
  validationRule(
    'isCountOrParts',
    (value) => {
      if (isCount(value)) return true;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const given = value as Record<string, unknown>;
      return Object.keys(given).every((key) => parts.includes(key)) && parts.every((part) => isCount(given[part]));
    },
    (property) =>
      `${property} must be a non-negative integer, or its parts { ${parts.join(', ')} } each a non-negative integer`,
  )();

/** The OpenAPI schema of a count-or-parts indicator. */
export const countOrPartsSchema = (parts: readonly string[], example: number) => ({
  oneOf: [
    { type: 'integer', minimum: 0, example },
    {
      type: 'object',
      required: [...parts],
      additionalProperties: false,
      properties: Object.fromEntries(parts.map((p) => [p, { type: 'integer', minimum: 0 }])),
    },
  ],
});
