/**
 * Requests per second over real HTTP, as an operator runs the ledger: the built server (`node dist/apps/main.js`) in a
 * child process on a fresh data directory, driven by autocannon from this process. Two cases: GET /health (the HTTP
 * stack alone) and POST /v1/consortia with the README's Liaoning filing (the whole command path, one durable commit per
 * answer; no Idempotency-Key, every answer a 201). Each case is warmed up first, then measured. Prints a table, or with
 * --json one JSON line.
 *
 *   npm run bench:http
 *   npm run bench:http -- --json
 *   npm run bench:http -- --server /path/to/another/build/apps/main.js     (the same measurement of another build)
 *   BENCH_CONNECTIONS=16 BENCH_SECONDS=10 BENCH_WARMUP_SECONDS=2 npm run bench:http
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const TOKEN = 'bench-admin';

/** The filing of README.md's tour. Liaoning has no rule across consortia: the same filing is accepted every time. */
const LIAONING_FILING = {
  policy: 'liaoning-2021-alliance',
  name: '辽宁重型装备实质性产学研联盟',
  filedOn: '2025-09-01',
  lead: { creditCode: '91210100MA0000001G', name: '沈阳重型机械有限公司', kind: 'enterprise' },
  members: [
    { creditCode: '12210100MA0000004Y', name: '沈阳工业大学', kind: 'university' },
    { creditCode: '91210200MA0000003U', name: '大连精密制造有限公司', kind: 'enterprise' },
  ],
  agreementSigned: true,
};

interface Case {
  name: string;
  path: string;
  method: 'GET' | 'POST';
  body?: unknown;
}

const CASES: Case[] = [
  { name: 'GET /health', path: '/health', method: 'GET' },
  { name: 'POST /v1/consortia', path: '/v1/consortia', method: 'POST', body: LIAONING_FILING },
];

interface Measurement {
  case: string;
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

interface Server {
  url: string;
  stop(): Promise<number | null>;
}

/**
 * Starts the built server on a free port and waits for the line that names its URL. Its output (a log line per
 * request) goes to a file, as under a supervisor: read through a pipe, it would cost this process, autocannon's, time.
 */
async function startServer(mainFile: string, dataDir: string): Promise<Server> {
  const logFile = join(dataDir, 'server.log');
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [mainFile], {
    env: { ...process.env, LEDGER_DATA_DIR: dataDir, LEDGER_ADMIN_TOKEN: TOKEN, LEDGER_TODAY: '2026-11-30', PORT: '0' },
    stdio: ['ignore', log, 'inherit'],
  });
  closeSync(log);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => resolveExit((exitCode = code))),
  );
  for (;;) {
    const match = /consortium-ledger on (http:\/\/\S+)/.exec(readFileSync(logFile, 'utf8'));
    if (match) return { url: match[1].replace('localhost', '127.0.0.1'), stop: () => stop(child, exited) };
    if (exitCode !== undefined) throw new Error(`the server exited with ${exitCode} before listening`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}

async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  child.kill('SIGTERM');
  return exited;
}

async function measure(url: string, benchCase: Case, seconds: number): Promise<Measurement> {
  const result = await autocannon({
    url: `${url}${benchCase.path}`,
    method: benchCase.method,
    connections: CONNECTIONS,
    duration: seconds,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(benchCase.body !== undefined && { 'content-type': 'application/json' }),
    },
    body: benchCase.body === undefined ? undefined : JSON.stringify(benchCase.body),
  });
  return {
    case: benchCase.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean', default: false }, server: { type: 'string' } },
  });
  const mainFile = resolve(values.server ?? join(__dirname, '..', 'apps', 'main.js'));
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-http-'));
  try {
    const server = await startServer(mainFile, dataDir);
    const results: Measurement[] = [];
    try {
      for (const benchCase of CASES) {
        if (WARMUP_SECONDS > 0) await measure(server.url, benchCase, WARMUP_SECONDS);
        results.push(await measure(server.url, benchCase, SECONDS));
      }
    } finally {
      const exitCode = await server.stop();
      if (!values.json) console.log(`server stopped by SIGTERM, exit code ${exitCode}`);
    }
    if (values.json) {
      console.log(JSON.stringify({ server: mainFile, connections: CONNECTIONS, seconds: SECONDS, results }));
    } else {
      console.log(`${mainFile}: ${CONNECTIONS} connections, ${SECONDS} s per case (after ${WARMUP_SECONDS} s warm-up)`);
      console.table(results);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
