/**
 * The speed goals of issue 9 (the command path, HTTP, rebuild, queries) and issue 11 (PostgreSQL), each beside the
 * figure of a bench's `--json` line that measures it. `npm run bench` (goals.bench.ts) runs those benches and judges
 * every goal here in one table, so that a regression, or a goal reached, shows in one place.
 */

import type { CommandPathRow as CommandPathResult } from '../command-throughput.bench';
import type { Measurement } from '../http/http-cases';
import type { DashboardRow, Rebuild } from '../reads/read-figures';
import type { Latencies } from '../reads/latencies';
import type { RunResult } from '../slw1/slw1-grants.bench';

/*
 * The fields each goal reads, picked from the benches' own result types: a field a bench renames or drops fails to
 * compile here instead of leaving its goal "not measured".
 */

/** One run of SLW-1 at one concurrency (slw1-grants.bench.ts). */
export type Slw1Run = Pick<
  RunResult,
  'concurrency' | 'commandsPerSecond' | 'p99ms' | 'matchesSerialFold' | 'capsHold' | 'fundingViewMatches'
>;

/** One case of the HTTP bench (http-throughput.bench.ts): `POST /v1/consortia`, `POST /v1/subsidies @ 1000/s`, … */
export type HttpCaseResult = Pick<Measurement, 'case' | 'requestsPerSecond' | 'p99ms' | 'non2xx' | 'errors'>;

type Percentiles = Pick<Latencies, 'p99ms'>;

/** What reads.bench.ts measures. */
export interface ReadFigures {
  rebuild: Pick<Rebuild, 'events' | 'eventsPerSecond' | 'peakRssMB'>;
  dashboard: Array<Pick<DashboardRow, 'consortia' | 'events' | 'encoding' | 'p99ms' | 'non2xx'>>;
  /** No p99 when the as-of requests were not made (reads.bench.ts asks them of the largest ledger only). */
  asOf: Partial<Percentiles> & { streamEvents: number };
  minPosition: { inFlight1: Percentiles; inFlight16: Percentiles };
}

/** One row of command-throughput.bench.ts: a path (command bus alone, with projections, HTTP) at a concurrency. */
export type CommandPathRow = Pick<CommandPathResult, 'path' | 'concurrency' | 'commandsPerSecond'>;

/** Each bench's `--json` line; a bench not run leaves its part out. */
export interface BenchFigures {
  slw1?: { results: Slw1Run[] };
  slw1Postgres?: { results: Slw1Run[] };
  http?: { results: HttpCaseResult[] };
  reads?: ReadFigures;
  commands?: { rows: CommandPathRow[]; hashChain: { ok: boolean; checked: number } };
}

/** `atLeast`/`atMost` a number, a check that must hold, or a figure shown without a bound (kept for regressions). */
export type Bound = { atLeast: number } | { atMost: number } | { holds: true } | { shown: string };

export interface Goal {
  issue: number;
  measure: string;
  unit: string;
  bound: Bound;
  figure(figures: BenchFigures): number | boolean | undefined;
  /** Answers that failed where the figure was measured: a fast stream of errors meets no goal. */
  failedAnswers?(figures: BenchFigures): number | undefined;
}

export type Verdict = 'met' | 'short' | 'not measured' | '—';

export interface GoalRow {
  issue: number;
  measure: string;
  goal: string;
  measured: string;
  verdict: Verdict;
}

const slw1At = (runs: { results: Slw1Run[] } | undefined, concurrency: number) =>
  runs?.results.find((run) => run.concurrency === concurrency);

const httpCase = (figures: BenchFigures, name: string) => figures.http?.results.find((result) => result.case === name);

/** A generated ledger holds one consortium more than its size: the one whose stream holds 1,000 events. */
const dashboardAt = (figures: BenchFigures, consortia: number, encoding: string) =>
  figures.reads?.dashboard.find((row) => row.consortia === consortia + 1 && row.encoding === encoding);

/**
 * The rebuild reads.bench.ts reports is its last ledger's: the goal's only when that is the 1M-event one (100,000
 * consortia, served and measured in the same run), not a smaller ledger given last by `--sizes`.
 */
const millionEventRebuild = (figures: BenchFigures) => {
  const largest = dashboardAt(figures, 100_000, 'identity');
  const rebuild = figures.reads?.rebuild;
  return largest !== undefined && rebuild?.events === largest.events ? rebuild : undefined;
};

/** Every check of SLW-1's runs: caps, the funding view, and at 1 in flight the serial fold. */
const slw1ChecksHold = (runs: { results: Slw1Run[] } | undefined, serialFold: boolean): boolean | undefined =>
  runs === undefined || runs.results.length === 0 || (serialFold && slw1At(runs, 1) === undefined)
    ? undefined
    : runs.results.every(
        (run) => run.capsHold && run.fundingViewMatches && (run.concurrency !== 1 || run.matchesSerialFold === true),
      );

/** The fixed rate of bench:http's latency cases (its BENCH_RATE, which goals.bench.ts pins). */
export const HTTP_RATE = 1000;

/**
 * Filings and grants over HTTP: as many as 16 connections get answered, and the p99 at a fixed rate. Every filing of
 * the HTTP bench is valid, so any answer but 201 failed; a grant may be refused (its cap), not fail.
 */
function httpGoals(): Goal[] {
  const what = [
    { name: 'filings', path: '/v1/consortia', failed: (r: HttpCaseResult) => r.non2xx + r.errors },
    { name: 'grants', path: '/v1/subsidies', failed: (r: HttpCaseResult) => r.errors },
  ];
  const cases = [
    {
      suffix: '',
      measured: ', 16 connections',
      unit: 'requests/s',
      bound: { atLeast: 2_500 },
      field: 'requestsPerSecond',
    },
    {
      suffix: ` @ ${HTTP_RATE}/s`,
      measured: ` at ${HTTP_RATE}/s, p99`,
      unit: 'ms',
      bound: { atMost: 20 },
      field: 'p99ms',
    },
  ] as const;
  return cases.flatMap(({ suffix, measured, unit, bound, field }) =>
    what.map(({ name, path, failed }): Goal => {
      const result = (f: BenchFigures) => httpCase(f, `POST ${path}${suffix}`);
      return {
        issue: 9,
        measure: `${name} over HTTP${measured}`,
        unit,
        bound,
        figure: (f) => result(f)?.[field],
        failedAnswers: (f) => {
          const answered = result(f);
          return answered === undefined ? undefined : failed(answered);
        },
      };
    }),
  );
}

/** The dashboard's curve: its goal is at 100,000 consortia; the smaller ledgers show how it grows. */
function dashboardGoals(): Goal[] {
  return [1_000, 10_000, 100_000].flatMap((consortia) =>
    ['identity', 'gzip'].map((encoding): Goal => ({
      issue: 9,
      measure: `GET /v1/dashboard p99, ${consortia.toLocaleString('en')} consortia, 16 connections${encoding === 'gzip' ? ', gzipped' : ''}`,
      unit: 'ms',
      bound: consortia === 100_000 ? { atMost: 5 } : { shown: 'the curve' },
      figure: (figures) => dashboardAt(figures, consortia, encoding)?.p99ms,
      failedAnswers: (figures) => dashboardAt(figures, consortia, encoding)?.non2xx,
    })),
  );
}

/** The filing path's figures, kept beside the goals so that a regression shows (~11,000/s when issue 9 was filed). */
function filingPathFigures(): Goal[] {
  const shown = (path: string, concurrency: number): Goal => ({
    issue: 9,
    measure: `filings and reviews, ${path}, ${concurrency} in flight`,
    unit: 'commands/s',
    bound: { shown: 'kept' },
    figure: (f) =>
      f.commands?.rows.find((row) => row.path === path && row.concurrency === concurrency)?.commandsPerSecond,
  });
  return [
    {
      issue: 9,
      measure: "filings and reviews: the log's hash chain after the command-bus runs",
      unit: '',
      bound: { holds: true },
      figure: (f) => f.commands?.hashChain.ok,
    },
    shown('command bus, command app alone', 16),
    shown('command bus, command app alone', 256),
    shown('command bus, projections in process', 16),
    {
      issue: 9,
      measure: 'filings over HTTP, an Idempotency-Key each, 16 connections',
      unit: 'requests/s',
      bound: { shown: 'kept' },
      figure: (f) => httpCase(f, KEYED_FILINGS)?.requestsPerSecond,
      failedAnswers: (f) => {
        const answered = httpCase(f, KEYED_FILINGS);
        return answered === undefined ? undefined : answered.non2xx + answered.errors;
      },
    },
  ];
}

/** bench:http's case of filings each sent with an Idempotency-Key of its own, as a careful client sends commands. */
const KEYED_FILINGS = 'POST /v1/consortia, keyed';

export const GOALS: ReadonlyArray<Goal> = [
  {
    issue: 9,
    measure: 'SLW-1 on SQLite at 16 in flight',
    unit: 'grants/s',
    bound: { atLeast: 10_000 },
    figure: (f) => slw1At(f.slw1, 16)?.commandsPerSecond,
  },
  {
    issue: 9,
    measure: 'SLW-1 on SQLite at 16 in flight, p99',
    unit: 'ms',
    bound: { atMost: 5 },
    figure: (f) => slw1At(f.slw1, 16)?.p99ms,
  },
  {
    issue: 9,
    measure: 'SLW-1 on SQLite at 1 in flight',
    unit: 'grants/s',
    bound: { atLeast: 3_000 },
    figure: (f) => slw1At(f.slw1, 1)?.commandsPerSecond,
  },
  {
    issue: 9,
    measure: 'SLW-1 on SQLite: caps hold, the funding view matches, at 1 in flight the serial fold',
    unit: '',
    bound: { holds: true },
    figure: (f) => slw1ChecksHold(f.slw1, true),
  },
  ...httpGoals(),
  {
    issue: 9,
    measure: 'rebuild of the 1M-event ledger (100,000 consortia)',
    unit: 'events/s',
    bound: { atLeast: 150_000 },
    figure: (f) => millionEventRebuild(f)?.eventsPerSecond,
  },
  {
    issue: 9,
    measure: 'rebuild: events replayed',
    unit: 'events',
    bound: { shown: '1M at 100,000 consortia' },
    figure: (f) => millionEventRebuild(f)?.events,
  },
  {
    issue: 9,
    measure: 'rebuild: peak RSS',
    unit: 'MB',
    bound: { shown: 'reported' },
    figure: (f) => millionEventRebuild(f)?.peakRssMB,
  },
  ...dashboardGoals(),
  {
    issue: 9,
    measure: 'as-of on a stream of 1,000 events, p99',
    unit: 'ms',
    bound: { atMost: 10 },
    figure: (f) => f.reads?.asOf.p99ms,
  },
  {
    issue: 9,
    measure: 'minPosition wait after a write, 1 in flight, p99',
    unit: 'ms',
    bound: { atMost: 5 },
    figure: (f) => f.reads?.minPosition.inFlight1.p99ms,
  },
  {
    issue: 9,
    measure: 'minPosition wait after a write, 16 in flight, p99',
    unit: 'ms',
    bound: { atMost: 5 },
    figure: (f) => f.reads?.minPosition.inFlight16.p99ms,
  },
  ...filingPathFigures(),
  {
    issue: 11,
    measure: 'SLW-1 on PostgreSQL at 16 in flight',
    unit: 'grants/s',
    bound: { atLeast: 3_000 },
    figure: (f) => slw1At(f.slw1Postgres, 16)?.commandsPerSecond,
  },
  {
    issue: 11,
    measure: 'SLW-1 on PostgreSQL: caps hold, the funding view matches',
    unit: '',
    bound: { holds: true },
    figure: (f) => slw1ChecksHold(f.slw1Postgres, false),
  },
];

const number = (value: number) => value.toLocaleString('en');

function goalText(bound: Bound, unit: string): string {
  if ('atLeast' in bound) return `≥ ${number(bound.atLeast)} ${unit}`.trim();
  if ('atMost' in bound) return `≤ ${number(bound.atMost)} ${unit}`.trim();
  if ('holds' in bound) return 'holds';
  return bound.shown;
}

function verdictOf(bound: Bound, value: number | boolean): Verdict {
  if ('shown' in bound) return '—';
  if ('holds' in bound) return value === true ? 'met' : 'short';
  if (typeof value !== 'number') return 'short';
  return ('atLeast' in bound ? value >= bound.atLeast : value <= bound.atMost) ? 'met' : 'short';
}

/** Each goal with what was measured, and whether it is met; a goal whose bench did not run is `not measured`. */
export function judge(figures: BenchFigures, goals: ReadonlyArray<Goal> = GOALS): GoalRow[] {
  return goals.map(({ issue, measure, unit, bound, figure, failedAnswers }) => {
    const value = figure(figures);
    const goal = goalText(bound, unit);
    if (value === undefined) return { issue, measure, goal, measured: '', verdict: 'not measured' };
    const measured = (
      typeof value === 'boolean' ? (value ? 'holds' : 'does not hold') : `${number(value)} ${unit}`
    ).trim();
    const failed = failedAnswers?.(figures) ?? 0;
    if (failed > 0)
      return { issue, measure, goal, measured: `${measured}, ${number(failed)} failed answers`, verdict: 'short' };
    return { issue, measure, goal, measured, verdict: verdictOf(bound, value) };
  });
}
