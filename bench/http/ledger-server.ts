/**
 * The built server as an operator runs it, in a child process on a fresh data directory, with what it costs in CPU:
 * its main thread (HTTP, commands, projections) apart from its other threads (mostly the SQLite writer), read from
 * /proc so that a number per request holds up on a machine other work shares (where requests/s would not).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuOf, CpuReading } from '../support/process-cpu';

export const BENCH_TOKEN = 'bench-admin';
/** SLW-1's business date: grants are dated 2031–2040, and a filing of 2025 is accepted then too. */
export const BENCH_TODAY = '2040-12-31';

export interface LedgerServer {
  url: string;
  cpu(): CpuReading | undefined;
  stop(): Promise<number | null>;
}

/**
 * Starts `mainFile` on a free port and waits for the line that names its URL. Its output (a log line per request) goes
 * to a file, as under a supervisor: read through a pipe, it would cost this process, autocannon's, time.
 */
export async function startLedgerServer(mainFile: string, nodeOptions: string[] = []): Promise<LedgerServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-http-'));
  const logFile = join(dataDir, 'server.log');
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [...nodeOptions, mainFile], {
    env: {
      ...process.env,
      LEDGER_DATA_DIR: dataDir,
      LEDGER_ADMIN_TOKEN: BENCH_TOKEN,
      LEDGER_TODAY: BENCH_TODAY,
      PORT: '0',
    },
    stdio: ['ignore', log, 'inherit'],
  });
  closeSync(log);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => resolveExit((exitCode = code))),
  );
  const stop = async () => {
    const code = await stopChild(child, exited);
    rmSync(dataDir, { recursive: true, force: true });
    return code;
  };
  for (;;) {
    const match = /consortium-ledger on (http:\/\/\S+)/.exec(readFileSync(logFile, 'utf8'));
    if (match) return { url: match[1].replace('localhost', '127.0.0.1'), cpu: () => cpuOf(child.pid), stop };
    if (exitCode !== undefined) throw new Error(`the server exited with ${exitCode} before listening`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  child.kill('SIGTERM');
  return exited;
}
