import { Transform } from 'class-transformer';

/** Decimal digits, an optional minus first, at most 15: every integer written so is exact in a JavaScript number. */
const DECIMAL_INTEGER = /^-?\d{1,15}$/;

/**
 * A query or form field read as an integer only when it is written in decimal digits: `0x10`, `1e3`, ` 7` or a number
 * past 2^53 stay text and fail the field's `IsInt`, a 400 naming it, where `Number()` (class-transformer's `@Type`)
 * read `0x10` as 16 and `2.025e3` as 2025. As `minPosition` is read (MinPositionGuard).
 */
export const DecimalInteger = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value,
  );
