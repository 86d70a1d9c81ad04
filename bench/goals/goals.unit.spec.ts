import { BenchFigures, GOALS, Goal, judge, Slw1Run } from './goals';

const run = (concurrency: number, commandsPerSecond: number, checks: Partial<Slw1Run> = {}): Slw1Run => ({
  concurrency,
  commandsPerSecond,
  p99ms: 4,
  matchesSerialFold: concurrency === 1 ? true : 'n/a',
  capsHold: true,
  fundingViewMatches: true,
  ...checks,
});

const rowOf = (figures: BenchFigures, measure: string) => {
  const row = judge(figures).find((r) => r.measure === measure);
  if (!row) throw new Error(`no goal "${measure}"`);
  return row;
};

describe('the goals table of npm run bench', () => {
  it('judges a throughput goal met at its bound and short below it', () => {
    const at = (grantsPerSecond: number) =>
      rowOf({ slw1: { results: [run(16, grantsPerSecond)] } }, 'SLW-1 on SQLite at 16 in flight');
    expect(at(10_000)).toMatchObject({ goal: '≥ 10,000 grants/s', measured: '10,000 grants/s', verdict: 'met' });
    expect(at(9_999).verdict).toBe('short');
  });

  it('judges a latency goal met at its bound and short above it', () => {
    const p99 = (p99ms: number) =>
      rowOf({ slw1: { results: [run(16, 5_000, { p99ms })] } }, 'SLW-1 on SQLite at 16 in flight, p99');
    expect(p99(5).verdict).toBe('met');
    expect(p99(5.01)).toMatchObject({ goal: '≤ 5 ms', measured: '5.01 ms', verdict: 'short' });
  });

  it("says a goal whose bench did not run is not measured, and judges the others' alone", () => {
    const rows = judge({ slw1Postgres: { results: [run(16, 3_100)] } });
    expect(rows.find((r) => r.measure === 'SLW-1 on PostgreSQL at 16 in flight')?.verdict).toBe('met');
    expect(rows.find((r) => r.measure === 'SLW-1 on SQLite at 16 in flight')).toMatchObject({
      measured: '',
      verdict: 'not measured',
    });
  });

  it("holds SLW-1's checks only when every run's hold, the serial fold at 1 in flight included", () => {
    const checks = 'SLW-1 on SQLite: caps hold, the funding view matches, at 1 in flight the serial fold';
    expect(rowOf({ slw1: { results: [run(16, 4_000)] } }, checks).verdict).toBe('not measured');
    expect(rowOf({ slw1: { results: [run(1, 900), run(16, 4_000)] } }, checks).verdict).toBe('met');
    const overshot = { slw1: { results: [run(1, 900), run(16, 4_000, { capsHold: false })] } };
    expect(rowOf(overshot, checks)).toMatchObject({ measured: 'does not hold', verdict: 'short' });
    const differs = { slw1: { results: [run(1, 900, { matchesSerialFold: false }), run(16, 4_000)] } };
    expect(rowOf(differs, checks).verdict).toBe('short');
  });

  it('finds the HTTP cases and the read side by their names and sizes', () => {
    const figures: BenchFigures = {
      http: {
        results: [
          { case: 'POST /v1/consortia', requestsPerSecond: 2_600, p99ms: 30, non2xx: 0, errors: 0 },
          { case: 'POST /v1/consortia @ 1000/s', requestsPerSecond: 1_000, p99ms: 19, non2xx: 0, errors: 0 },
          { case: 'POST /v1/subsidies', requestsPerSecond: 1_100, p99ms: 40, non2xx: 120, errors: 0 },
          { case: 'POST /v1/subsidies @ 1000/s', requestsPerSecond: 1_000, p99ms: 21, non2xx: 0, errors: 0 },
        ],
      },
      reads: {
        rebuild: { events: 989_475, eventsPerSecond: 31_674, peakRssMB: 1_553 },
        dashboard: [
          { consortia: 1_001, events: 10_798, encoding: 'identity', p99ms: 3, non2xx: 0 },
          { consortia: 100_001, events: 989_475, encoding: 'identity', p99ms: 10, non2xx: 0 },
          { consortia: 100_001, events: 989_475, encoding: 'gzip', p99ms: 4, non2xx: 0 },
        ],
        asOf: { streamEvents: 1_000, p99ms: 6.87 },
        minPosition: { inFlight1: { p99ms: 5.5 }, inFlight16: { p99ms: 4.5 } },
      },
    };
    const verdicts = Object.fromEntries(judge(figures).map((r) => [r.measure, r.verdict]));
    expect(verdicts).toEqual(
      expect.objectContaining({
        'filings over HTTP, 16 connections': 'met',
        'filings over HTTP at 1000/s, p99': 'met',
        'grants over HTTP, 16 connections': 'short',
        'grants over HTTP at 1000/s, p99': 'short',
        'rebuild of the 1M-event ledger (100,000 consortia)': 'short',
        'GET /v1/dashboard p99, 100,000 consortia, 16 connections': 'short',
        'GET /v1/dashboard p99, 100,000 consortia, 16 connections, gzipped': 'met',
        'GET /v1/dashboard p99, 1,000 consortia, 16 connections': '—',
        'GET /v1/dashboard p99, 1,000 consortia, 16 connections, gzipped': 'not measured',
        'as-of on a stream of 1,000 events, p99': 'met',
        'minPosition wait after a write, 1 in flight, p99': 'short',
        'minPosition wait after a write, 16 in flight, p99': 'met',
        'rebuild: peak RSS': '—',
      }),
    );
  });

  it('judges a figure measured over failed answers short, but not a grant refused by its cap', () => {
    const filings = (non2xx: number, errors: number): BenchFigures => ({
      http: { results: [{ case: 'POST /v1/consortia', requestsPerSecond: 9_000, p99ms: 2, non2xx, errors }] },
    });
    const row = (figures: BenchFigures, measure: string) => judge(figures).find((r) => r.measure === measure);
    expect(row(filings(0, 0), 'filings over HTTP, 16 connections')?.verdict).toBe('met');
    expect(row(filings(3, 0), 'filings over HTTP, 16 connections')).toMatchObject({
      measured: '9,000 requests/s, 3 failed answers',
      verdict: 'short',
    });
    expect(row(filings(0, 2), 'filings over HTTP, 16 connections')?.verdict).toBe('short');
    const grants = (non2xx: number, errors: number): BenchFigures => ({
      http: { results: [{ case: 'POST /v1/subsidies', requestsPerSecond: 3_000, p99ms: 2, non2xx, errors }] },
    });
    expect(row(grants(400, 0), 'grants over HTTP, 16 connections')?.verdict).toBe('met');
    expect(row(grants(0, 1), 'grants over HTTP, 16 connections')?.verdict).toBe('short');
    const dashboard: BenchFigures = {
      reads: {
        rebuild: { events: 10_798, eventsPerSecond: 200_000, peakRssMB: 100 },
        dashboard: [{ consortia: 100_001, events: 989_475, encoding: 'gzip', p99ms: 1, non2xx: 7 }],
        asOf: { streamEvents: 1_000, p99ms: 1 },
        minPosition: { inFlight1: { p99ms: 1 }, inFlight16: { p99ms: 1 } },
      },
    };
    expect(row(dashboard, 'GET /v1/dashboard p99, 100,000 consortia, 16 connections, gzipped')?.verdict).toBe('short');
  });

  it('judges the rebuild goal only on the 1M-event ledger, not on a smaller one given last', () => {
    const reads = (rebuildEvents: number): BenchFigures => ({
      reads: {
        rebuild: { events: rebuildEvents, eventsPerSecond: 200_000, peakRssMB: 100 },
        dashboard: [{ consortia: 100_001, events: 989_475, encoding: 'identity', p99ms: 1, non2xx: 0 }],
        asOf: { streamEvents: 1_000, p99ms: 1 },
        minPosition: { inFlight1: { p99ms: 1 }, inFlight16: { p99ms: 1 } },
      },
    });
    const rebuild = 'rebuild of the 1M-event ledger (100,000 consortia)';
    expect(judge(reads(989_475)).find((r) => r.measure === rebuild)?.verdict).toBe('met');
    expect(judge(reads(10_798)).find((r) => r.measure === rebuild)?.verdict).toBe('not measured');
    expect(judge(reads(10_798)).find((r) => r.measure === 'rebuild: peak RSS')?.verdict).toBe('not measured');
  });

  it("shows the filing path's figures without judging them, and judges its hash chain", () => {
    const commands = (ok: boolean): BenchFigures => ({
      commands: {
        rows: [{ path: 'command bus, command app alone', concurrency: 256, commandsPerSecond: 11_231 }],
        hashChain: { ok, checked: 60_000 },
      },
    });
    const rows = judge(commands(true));
    expect(
      rows.find((r) => r.measure === 'filings and reviews, command bus, command app alone, 256 in flight'),
    ).toMatchObject({ goal: 'kept', measured: '11,231 commands/s', verdict: '—' });
    const chain = "filings and reviews: the log's hash chain after the command-bus runs";
    expect(rows.find((r) => r.measure === chain)?.verdict).toBe('met');
    expect(judge(commands(false)).find((r) => r.measure === chain)?.verdict).toBe('short');
  });

  it('names every goal once, each of issue 9 or 11', () => {
    const measures = GOALS.map((goal: Goal) => goal.measure);
    expect(new Set(measures).size).toBe(measures.length);
    expect(new Set(GOALS.map((goal) => goal.issue))).toEqual(new Set([9, 11]));
  });
});
