/**
 * The built server (`apps/main.js`, as `npm start` runs it) in a child process on a data directory, for benches that
 * measure it over real HTTP. Its request log goes to a file: read through a pipe, it would cost the bench's time.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuOf, CpuReading } from '../support/process-cpu';

export const BENCH_TOKEN = 'bench-admin';

export interface BuiltServer {
  url: string;
  get(path: string): Promise<{ status: number; body: unknown; ms: number }>;
  /** The CPU the server has used so far (from /proc; undefined where there is none). */
  cpu(): CpuReading | undefined;
  stop(): Promise<void>;
}

export async function startBuiltServer(mainFile: string, dataDir: string, today: string): Promise<BuiltServer> {
  const logFile = join(dataDir, 'server.log');
  const log = openSync(logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, [mainFile], {
    env: {
      ...process.env,
      LEDGER_DATA_DIR: dataDir,
      LEDGER_ADMIN_TOKEN: BENCH_TOKEN,
      LEDGER_TODAY: today,
      LOG_LEVEL: 'warn',
      PORT: '0',
    },
    stdio: ['ignore', log, 'inherit'],
  });
  closeSync(log);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  for (;;) {
    const match = /consortium-ledger on (http:\/\/\S+)/.exec(readFileSync(logFile, 'utf8'));
    if (match) {
      const url = match[1].replace('localhost', '127.0.0.1');
      return {
        url,
        get: (path) => get(url, path),
        cpu: () => cpuOf(child.pid),
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    if (exitCode !== undefined) throw new Error(`the server exited with ${exitCode} before listening (${logFile})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function get(url: string, path: string) {
  const started = process.hrtime.bigint();
  const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${BENCH_TOKEN}` } });
  const body: unknown = await response.json();
  return { status: response.status, body, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** Waits until the server's read models have processed the whole log. */
export async function caughtUp(server: BuiltServer): Promise<void> {
  for (;;) {
    const { body } = await server.get('/health');
    const health = body as { log: { headPosition: number }; projections: { position: number } };
    if (health.projections.position >= health.log.headPosition) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
