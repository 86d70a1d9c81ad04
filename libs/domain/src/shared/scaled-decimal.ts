/**
 * Exact decimals as scaled integers, without floating point: "1.6" at scale 2 is 160 (hundredths),
 * "0.35" at scale 4 is 3500 (basis points). The HTTP edge passes the JSON number's text (`String(value)`).
 */
const PLAIN_DECIMAL = /^(0|[1-9]\d*)(?:\.(\d+))?$/;
const MAX_SCALE = 15;

/**
 * Parses a non-negative plain decimal into an integer count of 10^-scale units.
 * Throws a RangeError on exponents ("1e6"), signs, empty parts (".5", "5."), more significant decimals than
 * `scale` ("1.555" at scale 2) or a result beyond Number.MAX_SAFE_INTEGER. Trailing zeros lose nothing and are
 * accepted ("1.600" at scale 2 is 160).
 */
export function decimalToScaled(text: string, scale: number): number {
  if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) throw new RangeError(`unsupported scale: ${scale}`);
  const match = typeof text === 'string' ? PLAIN_DECIMAL.exec(text) : null;
  if (!match) throw new RangeError(`not a plain non-negative decimal: ${JSON.stringify(text)}`);
  const [, whole, fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > scale) {
    throw new RangeError(`${JSON.stringify(text)} has more than ${scale} decimal place${scale === 1 ? '' : 's'}`);
  }
  const scaled = Number(whole + significant.padEnd(scale, '0')); // an integer string: exact while safe
  if (!Number.isSafeInteger(scaled)) throw new RangeError(`${JSON.stringify(text)} is too large`);
  return scaled;
}

export function isScaledDecimal(text: unknown, scale: number): text is string {
  try {
    return typeof text === 'string' && decimalToScaled(text, scale) >= 0;
  } catch {
    return false;
  }
}

/** 160 at scale 2 → "1.6"; 3500 at scale 4 → "0.35"; 1000 at scale 2 → "10". Trailing zeros are dropped. */
export function scaledToDecimal(value: number, scale: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a non-negative safe integer: ${value}`);
  if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) throw new RangeError(`unsupported scale: ${scale}`);
  const digits = String(value).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}
