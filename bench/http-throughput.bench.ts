/**
 * Requests per second over real HTTP, as an operator runs the ledger: the built server (`node dist/apps/main.js`,
 * commands and projections in one process) in a child process on a fresh data directory, driven by autocannon from
 * this process on the same machine. Cases, each warmed up first, then measured:
 *
 *   GET /health                       the HTTP stack alone
 *   POST /v1/consortia                the README's Liaoning filing, the same body every time (every answer a 201)
 *   POST /v1/consortia @ 1000/s       the same at a fixed rate: the latency a steady load sees
 *   POST /v1/consortia, keyed         the same, each request with an Idempotency-Key of its own (a careful client)
 *   POST /v1/subsidies                SLW-1's grants (bench/http/slw1-over-http.ts) once its 100 alliances are active
 *   POST /v1/subsidies @ 1000/s
 *
 * Besides requests/s and latency, the CPU the server spent per request (its main thread, and all its threads): on a
 * machine shared with other work that number holds where requests/s moves. With --baseline, another build is measured
 * the same way, round by round in turns, and each case shows both (medians over BENCH_ROUNDS rounds).
 *
 *   npm run bench:http
 *   npm run bench:http -- --json
 *   npm run bench:http -- --baseline /path/to/an/older/build/apps/main.js       (before/after; the build must find
 *                                                                                 node_modules, e.g. under this tree)
 *   npm run bench:http -- --server /path/to/another/build/apps/main.js
 *   npm run bench:http -- --case /v1/subsidies --cpu-prof /tmp/prof    (only the cases whose name has that; the server
 *                                                                      writes a CPU profile per thread when it stops)
 *   BENCH_CONNECTIONS=16 BENCH_SECONDS=10 BENCH_WARMUP_SECONDS=2 BENCH_RATE=1000 BENCH_ROUNDS=1 npm run bench:http
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HttpCase, LIAONING_FILING, Load, measure, Measurement } from './http/http-cases';
import { startLedgerServer } from './http/ledger-server';
import { grantBodies, setUpAlliances } from './http/slw1-over-http';

const LOAD: Load = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
};
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);

const FILING = JSON.stringify(LIAONING_FILING);

interface RunOptions {
  /** Only the cases whose name contains one of these (all when empty). */
  only: string[];
  /** Node options of the server (`--cpu-prof`, …). */
  nodeOptions: string[];
}

/** Every case on one server, in order: the grants once SLW-1's alliances are set up (not timed). */
async function runAll(mainFile: string, serverName: string, options: RunOptions): Promise<Measurement[]> {
  const server = await startLedgerServer(mainFile, options.nodeOptions);
  const results: Measurement[] = [];
  const wanted = (name: string) => options.only.length === 0 || options.only.some((part) => name.includes(part));
  const run = async (benchCase: HttpCase) => {
    if (!wanted(benchCase.name)) return;
    if (WARMUP_SECONDS > 0) await measure(server, serverName, benchCase, { ...LOAD, seconds: WARMUP_SECONDS });
    results.push(await measure(server, serverName, benchCase, LOAD));
  };
  const post = (path: string, body: HttpCase['body'], rate?: number, keyed?: boolean): HttpCase => ({
    name: `POST ${path}${rate === undefined ? '' : ` @ ${rate}/s`}${keyed ? ', keyed' : ''}`,
    path,
    method: 'POST',
    body,
    rate,
    keyed,
  });
  const cases = async () => {
    await run({ name: 'GET /health', path: '/health', method: 'GET' });
    await run(post('/v1/consortia', FILING));
    await run(post('/v1/consortia', FILING, RATE));
    await run(post('/v1/consortia', FILING, undefined, true));
    const grants = [post('/v1/subsidies', undefined), post('/v1/subsidies', undefined, RATE)];
    if (!grants.some(({ name }) => wanted(name))) return;
    const grant = grantBodies(await setUpAlliances(server.url));
    await run(post('/v1/subsidies', grant));
    await run(post('/v1/subsidies', grant, RATE));
  };
  let exitCode: number | null;
  try {
    await cases();
  } finally {
    exitCode = await server.stop();
  }
  // Answering what it had taken and closing cleanly on SIGTERM is part of what is checked.
  if (exitCode !== 0) throw new Error(`${serverName}: the server exited with ${exitCode} on SIGTERM`);
  return results;
}

/** Per case and server, the median of each number over the rounds. */
function medians(rounds: Measurement[][]): Measurement[] {
  const groups = new Map<string, Measurement[]>();
  for (const measurement of rounds.flat()) {
    const key = `${measurement.case}\u0000${measurement.server}`;
    groups.set(key, [...(groups.get(key) ?? []), measurement]);
  }
  return [...groups.values()].map((group) => {
    const median = (pick: (m: Measurement) => number | undefined) => {
      const values = group.map(pick).filter((v): v is number => v !== undefined);
      if (values.length === 0) return undefined;
      values.sort((a, b) => a - b);
      return values[Math.floor((values.length - 1) / 2)];
    };
    return {
      case: group[0].case,
      server: group[0].server,
      requestsPerSecond: median((m) => m.requestsPerSecond)!,
      p50ms: median((m) => m.p50ms)!,
      p99ms: median((m) => m.p99ms)!,
      mainCpuMsPerRequest: median((m) => m.mainCpuMsPerRequest),
      totalCpuMsPerRequest: median((m) => m.totalCpuMsPerRequest),
      requests: median((m) => m.requests)!,
      non2xx: median((m) => m.non2xx)!,
      errors: median((m) => m.errors)!,
    };
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      server: { type: 'string' },
      baseline: { type: 'string' },
      case: { type: 'string', multiple: true, default: [] },
      'cpu-prof': { type: 'string' },
    },
  });
  const runOptions: RunOptions = {
    only: values.case,
    nodeOptions: values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values['cpu-prof'])}`] : [],
  };
  const mainFile = resolve(values.server ?? join(__dirname, '..', 'apps', 'main.js'));
  const servers = [
    ...(values.baseline ? [{ name: 'baseline', mainFile: resolve(values.baseline) }] : []),
    { name: values.baseline ? 'this build' : 'server', mainFile },
  ];
  const rounds: Measurement[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // In turns, the first server first in even rounds: neither always meets a machine warmed (or tired) by the other.
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const server of order) rounds.push(await runAll(server.mainFile, server.name, runOptions));
  }
  const results = medians(rounds).sort((a, b) => a.case.localeCompare(b.case) || a.server.localeCompare(b.server));
  if (values.json) {
    console.log(JSON.stringify({ servers, ...LOAD, warmupSeconds: WARMUP_SECONDS, rounds: ROUNDS, results }));
    return;
  }
  for (const server of servers) console.log(`${server.name}: ${server.mainFile}`);
  console.log(
    `${LOAD.connections} connections, ${LOAD.seconds} s per case after ${WARMUP_SECONDS} s of warm-up, ` +
      `medians of ${ROUNDS} round(s); CPU in ms per answered request`,
  );
  console.table(results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
