/** Latencies in milliseconds, summarised as the read benches print them. */
export interface Latencies {
  count: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
}

export function latencies(ms: ReadonlyArray<number>): Latencies {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => round2(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]);
  return { count: sorted.length, p50ms: at(0.5), p99ms: at(0.99), maxMs: round2(sorted[sorted.length - 1]) };
}

/** Milliseconds to two decimals, as the read benches print them. */
export const round2 = (n: number) => Math.round(n * 100) / 100;
