/**
 * The read side in one table: a rebuild of the largest generated ledger (events/s, peak RSS), GET /v1/dashboard under
 * 16 connections at each ledger size (p50/p99; asked as it is, and gzipped as a browser asks), an as-of answer on a stream of 1,000 events, and the minPosition wait
 * after a write. Ledgers are generated once (generate-ledger.ts, through the ledger's own command handlers) and kept in
 * the cache directory; every run rebuilds their read models with the built CLI and serves them with the built server.
 *
 *   npm run bench:reads                                   (1,000 / 10,000 / 100,000 consortia; the last ≈ 1M events)
 *   npm run bench:reads -- --json                         (one JSON line)
 *   npm run bench:reads -- --sizes 1000,10000 --cache-dir /tmp/ledgers
 *   BENCH_CONNECTIONS=16 BENCH_SECONDS=10 BENCH_WARMUP_SECONDS=2 npm run bench:reads
 */
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchLedger } from './bench-ledgers';
import { BENCH_TOKEN, BuiltServer, caughtUp, startBuiltServer } from './built-server';
import { GeneratedLedger } from './generate-ledger';
import { latencies, Latencies, round2 } from './latencies';
import { STORY_TODAY } from './ledger-story';
import { DashboardRow, Rebuild } from './read-figures';
import { judge } from '../goals/goals';
import { MIN_POSITION_WARM_UP_WRITES, minPositionWait, MinPositionWaits } from './min-position-wait';
import { mulberry32 } from '../support/mulberry32';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
/** 1,000: of 200, the p99 was the second-slowest answer, one pause away from another figure (7–13 ms, 2026-12-03). */
const AS_OF_REQUESTS = 1000;
const MIN_POSITION_WRITES = 2000;
const BUILT = join(__dirname, '..', '..');
const SERVER = join(BUILT, 'apps', 'main.js');
const CLI = join(BUILT, 'apps', 'cli', 'ledger.cli.js');

/** What a browser's Accept-Encoding says: the dashboard is sent gzipped to it (kept-answer.reply.ts). */
const AS_A_BROWSER_ASKS = { 'accept-encoding': 'gzip, deflate, br' };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      sizes: { type: 'string', default: '1000,10000,100000' },
      'cache-dir': { type: 'string', default: join(tmpdir(), 'consortium-ledger-bench-ledgers') },
    },
  });
  const log = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);
  const sizes = values.sizes.split(',').map(Number);
  const ledgers: GeneratedLedger[] = [];
  for (const consortia of sizes) ledgers.push(await benchLedger(values['cache-dir'], consortia, log));

  const rebuilds = ledgers.map((ledger) => {
    log(`rebuilding the read models of ${ledger.events} events`);
    return rebuild(ledger.dataDir);
  });
  const dashboards: DashboardRow[] = [];
  let asOf: Awaited<ReturnType<typeof asOfLatency>> | undefined;
  let health: Awaited<ReturnType<typeof load>> | undefined;
  for (const [i, ledger] of ledgers.entries()) {
    const server = await startBuiltServer(SERVER, ledger.dataDir, STORY_TODAY);
    try {
      await caughtUp(server);
      const { consortia, events } = ledger;
      log(`GET /v1/dashboard, ${consortia} consortia: ${CONNECTIONS} connections, ${SECONDS} s, as it is and gzipped`);
      dashboards.push({ consortia, events, encoding: 'identity', ...(await load(server, '/v1/dashboard')) });
      dashboards.push({
        consortia,
        events,
        encoding: 'gzip',
        ...(await load(server, '/v1/dashboard', AS_A_BROWSER_ASKS)),
      });
      if (i === ledgers.length - 1) {
        log(`GET /health (the HTTP stack alone, for reference): ${CONNECTIONS} connections, ${SECONDS} s`);
        health = await load(server, '/health');
        asOf = await asOfLatency(server, ledger);
      }
    } finally {
      await server.stop();
    }
  }
  log(
    `minPosition after a write: ${MIN_POSITION_WRITES} writes at 1 and 16 in flight, ` +
      `each after ${MIN_POSITION_WARM_UP_WRITES} not counted`,
  );
  const minPosition = { inFlight1: await minPositionWait(MIN_POSITION_WRITES, 1) };
  const minPosition16 = await minPositionWait(MIN_POSITION_WRITES, 16);
  const largest = rebuilds[rebuilds.length - 1];
  const result = {
    rebuild: largest,
    dashboard: dashboards,
    health,
    asOf: { streamEvents: ledgers[ledgers.length - 1].longStream.events, ...asOf },
    minPosition: { ...minPosition, inFlight16: minPosition16 },
  };
  if (values.json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.table([
    {
      measure: `rebuild, ${largest.events} events`,
      value: `${largest.eventsPerSecond} events/s`,
      detail:
        `${largest.seconds} s, peak RSS ${largest.peakRssMB} MB; ${largest.cpuSeconds} s of CPU: ` +
        `${largest.eventsPerCpuSecond} events per CPU-second` +
        (largest.mainThreadCpuSeconds === undefined ? '' : `, ${largest.mainThreadCpuSeconds} s on the main thread`),
    },
    ...dashboards.map((d) => ({
      measure: `GET /v1/dashboard, ${d.consortia} consortia (${d.events} events)${d.encoding === 'gzip' ? ', gzip' : ''}`,
      value: `p99 ${d.p99ms} ms`,
      detail: `p50 ${d.p50ms} ms, ${d.requestsPerSecond} req/s, ${cpuText(d)}${CONNECTIONS} connections${d.non2xx ? `, ${d.non2xx} non-2xx` : ''}`,
    })),
    ...(health
      ? [
          {
            measure: 'GET /health, the HTTP stack alone (reference)',
            value: `p99 ${health.p99ms} ms`,
            detail: `p50 ${health.p50ms} ms, ${health.requestsPerSecond} req/s, ${cpuText(health)}${CONNECTIONS} connections`,
          },
        ]
      : []),
    {
      measure: `as-of, a stream of ${result.asOf.streamEvents} events`,
      value: `p99 ${asOf?.p99ms} ms`,
      detail:
        `the first (nothing kept) ${asOf?.firstMs} ms; then at random steps, as a slider: p50 ${asOf?.p50ms} ms over ` +
        `HTTP, ${asOf ? cpuText(asOf) : ''}${asOf?.count} requests one at a time`,
    },
    {
      measure: 'minPosition wait after a write, 1 in flight',
      value: `p99 ${minPosition.inFlight1.p99ms} ms`,
      detail: minPositionDetail(minPosition.inFlight1),
    },
    {
      measure: 'minPosition wait after a write, 16 in flight',
      value: `p99 ${minPosition16.p99ms} ms`,
      detail: minPositionDetail(minPosition16),
    },
  ]);
  // The goals these measure, as `npm run bench` judges them (bench/goals/goals.ts: the one statement of the bounds).
  console.table(judge({ reads: result }).filter((row) => row.verdict !== 'not measured'));
}

/** The built CLI's rebuild, as `npm run ledger -- rebuild` runs it. */
function rebuild(dataDir: string): Rebuild {
  const out = execFileSync(
    process.execPath,
    ['--max-semi-space-size=32', CLI, 'rebuild', '--json', '--data-dir', dataDir],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const { events, seconds, eventsPerSecond, peakRssMB, cpuSeconds, mainThreadCpuSeconds } = JSON.parse(out) as Rebuild;
  const eventsPerCpuSecond = cpuSeconds > 0 ? Math.round(events / cpuSeconds) : 0;
  return { events, seconds, eventsPerSecond, peakRssMB, cpuSeconds, eventsPerCpuSecond, mainThreadCpuSeconds };
}

const cpuText = (row: { cpuMsPerRequest?: number }) =>
  row.cpuMsPerRequest === undefined ? '' : `${row.cpuMsPerRequest} ms CPU per answer, `;

/** GET `path` under CONNECTIONS connections for SECONDS (after a warm-up), with the server's CPU per answer. */
async function load(server: BuiltServer, path: string, headers: Record<string, string> = {}) {
  const run = (duration: number) =>
    autocannon({
      url: `${server.url}${path}`,
      connections: CONNECTIONS,
      duration,
      headers: { authorization: `Bearer ${BENCH_TOKEN}`, ...headers },
    });
  if (WARMUP_SECONDS > 0) await run(WARMUP_SECONDS);
  const before = server.cpu();
  const result = await run(SECONDS);
  const after = server.cpu();
  const answered = result.requests.total;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    ...(before &&
      after &&
      answered > 0 && {
        cpuMsPerRequest: Math.round(((after.totalSeconds - before.totalSeconds) * 1e6) / answered) / 1000,
      }),
    non2xx: result.non2xx,
  };
}

/**
 * The consortium with the long stream as a supervisor's as-of slider asks it: first as of a moment after its last event
 * (every event read and folded: `firstMs`, the answer nothing kept yet helps), then at positions of its events in a
 * seeded random order, one at a time, as the slider moves.
 */
async function asOfLatency(
  server: BuiltServer,
  ledger: GeneratedLedger,
): Promise<Latencies & { firstMs: number; cpuMsPerRequest?: number }> {
  const consortium = `/v1/consortia/${ledger.longStream.consortiumId}`;
  const history = await server.get(`${consortium}/history`);
  const positions = (history.body as { events: Array<{ position: number }> }).events.map((e) => e.position);
  const first = await server.get(`${consortium}?asOf=2099-12-31`);
  if (first.status !== 200) throw new Error(`${consortium}?asOf=2099-12-31 answered ${first.status}`);
  const random = mulberry32(20240601);
  const ms: number[] = [];
  const before = server.cpu();
  for (let i = 0; i < AS_OF_REQUESTS; i++) {
    const path = `${consortium}?atPosition=${positions[Math.floor(random() * positions.length)]}`;
    const answer = await server.get(path);
    if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
    ms.push(answer.ms);
  }
  const after = server.cpu();
  return {
    ...latencies(ms),
    firstMs: round2(first.ms),
    ...(before &&
      after && {
        cpuMsPerRequest: Math.round(((after.totalSeconds - before.totalSeconds) * 1e6) / AS_OF_REQUESTS) / 1000,
      }),
  };
}

function minPositionDetail(waits: MinPositionWaits): string {
  return `p50 ${waits.p50ms} ms, max ${waits.maxMs} ms; the first, cold (not counted), ${waits.firstMs} ms`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
