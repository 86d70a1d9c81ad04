import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cleanEnv } from './support/ledger-process';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

/** Runs a built entry point with this environment; resolves with its exit code and output whatever the code. */
const start = (entry: string, env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, [entry, ...args], { cwd: ROOT, env: { ...cleanEnv(), ...env }, timeout: 20_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

/** A wrong or incomplete configuration stops the built apps before they start: one sentence, exit 78, no stack. */
describe('configuration errors at start-up', () => {
  it.each([
    [
      'dist/apps/main.js',
      { LEDGER_STORE: 'postgress' },
      'LEDGER_STORE must be one of sqlite, postgres, kurrentdb, not "postgress"',
    ],
    [
      'dist/apps/command/src/main.js',
      { LEDGER_STORE: 'postgres' },
      'DATABASE_URL must be set to a postgresql:// URL when LEDGER_STORE is postgres',
    ],
    [
      'dist/apps/projection/src/main.js',
      { LEDGER_READ_STORE: 'postgres', DATABASE_URL: 'postgres//ledger:pw@db/ledger' },
      'DATABASE_URL must be a postgresql:// URL',
    ],
    [
      'dist/apps/main.js',
      { LEDGER_READSTORE: 'postgres' },
      'LEDGER_READSTORE is not a setting of the ledger: did you mean LEDGER_READ_STORE?',
    ],
  ])('%s with %j exits 78 saying: %s', async (entry, env, sentence) => {
    const answer = await start(entry, env);
    expect(answer.code).toBe(78);
    expect(answer.stdout).toBe('');
    expect(answer.stderr).toMatch(
      new RegExp(`^consortium-ledger: ${sentence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\n$`),
    );
    expect(answer.stderr.split('\n')).toHaveLength(2);
    expect(answer.stderr).not.toMatch(/\bat |Error|pw@/);
  });

  it('the CLI reads the same configuration: a wrong one is exit 2 with the sentence', async () => {
    const answer = await start('dist/apps/cli/ledger.cli.js', { LEDGER_STORE: 'kurrent' }, 'verify');
    expect(answer.code).toBe(2);
    expect(answer.stderr).toBe('LEDGER_STORE must be one of sqlite, postgres, kurrentdb, not "kurrent"\n');
  });

  // No KurrentDB server runs here: what can be shown is that LEDGER_STORE=kurrentdb reaches the KurrentDB client
  // (the connection it tries is KURRENTDB_URL's) and that an unreachable server is a failure (exit 1: a supervisor
  // restarts it), not a refusal. The refusal of a server older than 25.1 is unit-tested (start-refusal.unit.spec.ts).
  const UNREACHABLE = {
    LEDGER_STORE: 'kurrentdb',
    KURRENTDB_URL: 'kurrentdb://127.0.0.1:1?tls=false',
    PORT: '0',
    LEDGER_DATA_DIR: join(tmpdir(), `ledger-kurrentdb-${process.pid}`),
  };
  afterAll(() => rm(UNREACHABLE.LEDGER_DATA_DIR, { recursive: true, force: true }));

  it.each(['dist/apps/command/src/main.js', 'dist/apps/projection/src/main.js'])(
    '%s with LEDGER_STORE=kurrentdb connects to KURRENTDB_URL; unreachable, it exits 1 saying so',
    async (entry) => {
      const answer = await start(entry, UNREACHABLE);
      expect(answer.code).toBe(1);
      expect(answer.stderr).toContain('connect ECONNREFUSED 127.0.0.1:1');
      expect(answer.stderr).toContain('KurrentDbEventStore.open');
    },
  );

  it('the CLI on an unreachable KurrentDB: exit 1 with the connection error', async () => {
    const answer = await start('dist/apps/cli/ledger.cli.js', UNREACHABLE, 'verify');
    expect(answer.code).toBe(1);
    expect(answer.stderr).toMatch(/UNAVAILABLE.*ECONNREFUSED 127\.0\.0\.1:1/);
  });
});
