import { execFile } from 'node:child_process';
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
    ['dist/apps/main.js', { LEDGER_STORE: 'postgress' }, 'LEDGER_STORE must be sqlite or postgres, not "postgress"'],
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
    expect(answer.stderr).toBe('LEDGER_STORE must be sqlite or postgres, not "kurrent"\n');
  });
});
