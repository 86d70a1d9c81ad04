/** Money is integer fen (1 yuan = 100 fen). Never a float. */
export type Fen = number;

/** Yuan as the API takes them: digits, at most two decimals. */
export const YUAN_PATTERN = /^(0|[1-9]\d*)(\.\d{1,2})?$/;

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN = 1_000_000; // 1 万元 = 10,000 yuan = 1,000,000 fen

export function isYuanString(value: unknown): value is string {
  return typeof value === 'string' && YUAN_PATTERN.test(value) && Number.isSafeInteger(parseYuanUnchecked(value));
}

/** "3000000" or "3000000.5" or "3000000.50" → 300000050 fen. Throws on anything else. */
export function yuanToFen(yuan: string): Fen {
  if (!isYuanString(yuan)) throw new RangeError(`not an amount of yuan: ${JSON.stringify(yuan)}`);
  return parseYuanUnchecked(yuan);
}

function parseYuanUnchecked(yuan: string): Fen {
  const [whole, fraction = ''] = yuan.split('.');
  return Number(whole) * FEN_PER_YUAN + Number(fraction.padEnd(2, '0'));
}

/** 300000050 → "3000000.50" */
export function fenToYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.trunc(abs / FEN_PER_YUAN);
  const cents = abs % FEN_PER_YUAN;
  return `${sign}${whole}.${String(cents).padStart(2, '0')}`;
}

export const wan = (n: number): Fen => n * FEN_PER_WAN;
export const yuan = (n: number): Fen => n * FEN_PER_YUAN;

/** Integer percentage of an amount, rounded down: percentOf(5000万, 30) = 1500万. */
export const percentOf = (fen: Fen, percent: number): Fen => Math.floor((fen * percent) / 100);
