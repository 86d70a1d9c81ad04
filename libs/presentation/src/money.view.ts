import { Fen, fenToYuan } from '@ledger/domain/shared/money';

export const yuanOrNull = (fen: Fen | null | undefined): string | null =>
  fen === null || fen === undefined ? null : fenToYuan(fen);

/**
 * Event data with its money in yuan: every `…Fen` field becomes the field without the suffix, as the API takes and
 * gives money (`amountFen: 300000000` → `amount: "3000000.00"`), at any depth (a grant's caps too).
 */
export function withYuan(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withYuan);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, v]) =>
      key.endsWith('Fen') && (typeof v === 'number' || v === null)
        ? [key.slice(0, -3), yuanOrNull(v)]
        : [key, withYuan(v)],
    ),
  );
}
