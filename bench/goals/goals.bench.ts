/**
 * `npm run bench`: every speed goal of issues 9 and 11 in one table, each judged against what its bench measured on
 * this machine now. Each bench runs as its own process with `--json` (one after the other: they would share the two
 * cores), its progress on stderr; this gathers their lines and judges them (goals.ts).
 *
 *   npm run bench                                  every bench: SLW-1 on SQLite and PostgreSQL, HTTP, the read side,
 *                                                  the filing path (~13 minutes here; the first run generates the 100k ledger)
 *   npm run bench -- --json                        one JSON line: the verdicts and every bench's own line
 *   npm run bench -- --only slw1,http              some benches: slw1, postgres, http, reads, commands
 *   npm run bench -- --sizes 1000,10000            the read side's ledgers (default 1000,10000,100000)
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchFigures, HTTP_RATE, judge } from './goals';
import { MachineProbe, probeMachine } from '../support/machine-probe';

interface BenchRun {
  part: keyof BenchFigures;
  /** The name `--only` knows it by. */
  name: string;
  script: string;
  args?: string[];
  env?: Record<string, string>;
}

const BUILT_BENCH = join(__dirname, '..');

/** A bench that has not ended by then is stopped and its goals left "not measured" (the 100k ledger's first run). */
const BENCH_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * Each bench as the goals define it, whatever the caller's environment says (a BENCH_RATE of 500 would rename the
 * fixed-rate cases, a BENCH_CONCURRENCY of 16 drop SLW-1's run at 1 in flight and its serial-fold check).
 */
function benchRuns(sizes: string): BenchRun[] {
  const sixteenConnections = { BENCH_CONNECTIONS: '16' };
  return [
    {
      part: 'slw1',
      name: 'slw1',
      script: 'slw1/slw1-grants.bench.js',
      env: { BENCH_GRANTS: '20000', BENCH_CONCURRENCY: '1,16' },
    },
    {
      part: 'slw1Postgres',
      name: 'postgres',
      script: 'slw1/slw1-grants.bench.js',
      args: ['--store', 'postgres'],
      env: { BENCH_GRANTS: '20000', BENCH_CONCURRENCY: '16' },
    },
    {
      part: 'http',
      name: 'http',
      script: 'http-throughput.bench.js',
      env: { ...sixteenConnections, BENCH_RATE: String(HTTP_RATE) },
    },
    { part: 'reads', name: 'reads', script: 'reads/reads.bench.js', args: ['--sizes', sizes], env: sixteenConnections },
    {
      part: 'commands',
      name: 'commands',
      script: 'command-throughput.bench.js',
      env: { BENCH_CONCURRENCY: '1,16,256' },
    },
  ];
}

/** Runs one bench with `--json`; its last stdout line is its figures. Its table-less progress goes to stderr. */
function runBench(run: BenchRun): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(BUILT_BENCH, run.script), '--json', ...(run.args ?? [])], {
      env: { ...process.env, ...run.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const timeout = setTimeout(() => child.kill('SIGKILL'), BENCH_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timeout);
      const last = stdout.trim().split('\n').pop() ?? '';
      if (signal !== null) return reject(new Error(`${run.name}: the bench was stopped by ${signal}`));
      if (code !== 0) return reject(new Error(`${run.name}: the bench exited with code ${code}`));
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`${run.name}: the bench's last line is not JSON: ${last.slice(0, 200)}`));
      }
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      sizes: { type: 'string', default: '1000,10000,100000' },
    },
  });
  const runs = benchRuns(values.sizes);
  const only = values.only?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !runs.some((run) => run.name === name)) ?? [];
  if (unknown.length > 0) {
    throw new Error(`--only names ${unknown.join(', ')}; the benches are ${runs.map((run) => run.name).join(', ')}`);
  }
  const figures: BenchFigures = {};
  const failed: string[] = [];
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg()[0];
  // The machine's speed moves by spells lasting tens of seconds: probed before each bench, and at the end.
  const probes: Array<{ before: string } & MachineProbe> = [];
  for (const run of runs.filter((r) => only === undefined || only.includes(r.name))) {
    probes.push({ before: run.name, ...probeMachine() });
    process.stderr.write(`\n== ${run.name}: node ${run.script} --json ${(run.args ?? []).join(' ')}\n`);
    try {
      (figures as Record<string, unknown>)[run.part] = await runBench(run);
    } catch (error) {
      // One bench failing (PostgreSQL cannot start here, say) leaves its goals "not measured", not the others.
      failed.push(`${run.name}: ${(error as Error).message}`);
    }
  }
  const rows = judge(figures);
  const machine = {
    cpus: cpus().length,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadavg()[0],
    probes: [...probes, { before: 'the end', ...probeMachine() }],
  };
  if (values.json) {
    console.log(JSON.stringify({ startedAt, machine, goals: rows, failed, benches: figures }));
  } else {
    console.log(
      `\nThe speed goals of issues 9 and 11, measured ${startedAt} on ${machine.cpus} cores ` +
        `(load average ${machine.loadAverageBefore.toFixed(1)} before, ${machine.loadAverageAfter.toFixed(1)} after)`,
    );
    console.table(rows);
    console.log('The machine probe (support/machine-probe.ts) before each bench:');
    console.table(machine.probes);
    for (const failure of failed) console.log(`not measured: ${failure}`);
  }
  if (failed.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
