import { Transform } from 'class-transformer';

/** Decimal digits, an optional minus first, at most 15: every integer written so is exact in a JavaScript number. */
const DECIMAL_INTEGER = /^-?\d{1,15}$/;

/**
 * `text` as an integer when it is written in decimal digits; undefined otherwise: `0x10`, `1e3`, ` 7` or a number past
 * 2^53, which `Number()` reads as 16, 1000, 7 or a neighbour. The one reading of a number the ledger is sent as text:
 * query parameters (`minPosition`, `limit`, a position or a timestamp), form fields, `Last-Event-ID`.
 */
export function decimalIntegerOf(text: string): number | undefined {
  return DECIMAL_INTEGER.test(text) ? Number(text) : undefined;
}

/**
 * A query or form field read as an integer only when written in decimal digits (`decimalIntegerOf`); anything else
 * stays text and fails the field's `IsInt`, a 400 naming it, where class-transformer's `@Type(() => Number)` read
 * `0x10` as 16 and `2.025e3` as 2025.
 */
export const DecimalInteger = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (decimalIntegerOf(value) ?? value) : value,
  );
