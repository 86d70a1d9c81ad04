/** What the read benches measure, as reads.bench.ts prints it (its table, its `--json` line) and bench/goals judges it. */

export interface Rebuild {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  peakRssMB: number;
  cpuSeconds: number;
  /** Events per second of CPU the rebuild used (all its threads). */
  eventsPerCpuSecond: number;
  /**
   * The main thread's CPU (reading the log and folding; the writes run on a thread of their own): on two idle cores the
   * rebuild takes about max(this, cpuSeconds / 2) plus the writer's tail (indexes, commit).
   */
  mainThreadCpuSeconds?: number;
}

export interface DashboardRow {
  consortia: number;
  events: number;
  /** `identity`: no Accept-Encoding (autocannon's own requests); `gzip`: the headers a browser sends (reads.bench.ts). */
  encoding: 'identity' | 'gzip';
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  /** The server's CPU (all threads) per answer: what a query costs, where requests/s moves with the machine's load. */
  cpuMsPerRequest?: number;
  non2xx: number;
}
