/**
 * The built ledger as real OS processes (dist/, built once before the e2e tests by build.global-setup.js): the apps
 * as an operator starts them, each with the environment it is given and nothing of the test's.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { HttpClient } from './http-client';
import { LedgerClient } from './ledger-test-app';
import { TOKEN_LIST, TOKENS } from './test-tokens';

const ROOT = join(__dirname, '..', '..');
const ENTRIES = {
  ledger: 'dist/apps/main.js',
  command: 'dist/apps/command/src/main.js',
  projection: 'dist/apps/projection/src/main.js',
  relay: 'dist/apps/relay/src/main.js',
} as const;

export type LedgerApp = keyof typeof ENTRIES;

export interface LedgerProcess extends LedgerClient {
  readonly pid: number;
  readonly url: string;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Signals it and resolves with its exit code once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** `kill -9` of its whole process group (started with `{ group: true }`); resolves once it has exited. */
  killGroup(): Promise<void>;
}

const running = new Set<ChildProcessWithoutNullStreams>();
// A test run that ends abruptly must not leave ledgers behind.
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** The environment of the test process without the ledger's variables: a process gets only those it is given. */
export function cleanEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !/^(LEDGER_|DATABASE_|KAFKA_|PORT$|HOST$|LOG_LEVEL$)/.test(entry[0]),
    ),
  );
}

/** What every ledger process of the tests runs with: its data directory, the test tokens, a pinned business date. */
export function testLedgerEnv(dataDir: string, today: string): Record<string, string> {
  return {
    LEDGER_DATA_DIR: dataDir,
    LEDGER_ADMIN_TOKEN: TOKENS.admin,
    LEDGER_TOKENS: TOKEN_LIST,
    LEDGER_TODAY: today,
    LEDGER_FOLLOW_POLL_MS: '20',
  };
}

/** Starts `app` on a free port of 127.0.0.1 and resolves once it prints the URL it listens on. */
/** `group`: in a process group of its own, for killGroup. */
export async function startLedgerProcess(
  app: LedgerApp,
  env: Record<string, string>,
  options: { group?: boolean } = {},
): Promise<LedgerProcess> {
  const child = spawn(process.execPath, [ENTRIES[app]], {
    cwd: ROOT,
    detached: options.group ?? false,
    env: { ...cleanEnv(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
  });
  running.add(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /consortium-ledger(?: commands| queries| relay)? on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1].replace('[::1]', '127.0.0.1'));
    });
    void exited.then((code) => reject(new Error(`${app} exited with ${code} before listening:\n${output}`)));
  });
  return {
    pid: child.pid!,
    url,
    http: new HttpClient(url),
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    killGroup: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
      await exited.catch(() => undefined);
    },
  };
}
