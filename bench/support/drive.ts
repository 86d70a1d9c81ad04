/** Drives `units` pieces of work with `concurrency` in flight and summarises their latencies. */
export interface LatencySummary {
  commands: number;
  commandsPerSecond: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
}

export async function drive(
  units: number,
  concurrency: number,
  unit: (i: number) => Promise<void>,
): Promise<LatencySummary> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < units) {
      const i = next++;
      const t0 = process.hrtime.bigint();
      await unit(i);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => round2(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]);
  return {
    commands: latencies.length,
    commandsPerSecond: Math.round(latencies.length / seconds),
    p50ms: pct(0.5),
    p99ms: pct(0.99),
    maxMs: round2(latencies[latencies.length - 1]),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
