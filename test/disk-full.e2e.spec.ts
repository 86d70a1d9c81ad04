import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { filingBody } from './support/consortium-requests';
import { LedgerProcess, startLedgerProcess, testLedgerEnv } from './support/ledger-process';
import { STORY_TODAY } from './support/ledger-test-app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

/**
 * The disk fills up under a running server (the built one, as a process): its file size limit (RLIMIT_FSIZE, set on
 * the running process with `prlimit --pid`) drops below every file of its data directory, so every write that would
 * put a byte past it really fails (EFBIG; Node ignores SIGXFSZ), as on a full disk. A command is refused with 503
 * `unavailable` saying the store cannot write; nothing is half-written (the head stays, the chain verifies); once the
 * limit is lifted, the same server takes commands again and its read models follow.
 */
describe('disk full', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-disk-full-'));
  const env = testLedgerEnv(dataDir, STORY_TODAY);
  let server: LedgerProcess;

  beforeAll(async () => {
    server = await startLedgerProcess('ledger', env);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every write at or past `bytes` into any file fails with EFBIG; 'unlimited' lifts it (up to the hard limit). */
  const limitFileSize = (bytes: number | 'unlimited') =>
    run('prlimit', ['--pid', String(server.pid), `--fsize=${bytes}:`]);
  const head = async (): Promise<number> => (await server.http.get('/health', { as: 'viewer' })).body.log.headPosition;
  const file = (key?: string) =>
    server.http.post('/v1/consortia', filingBody('liaoning-2021-alliance'), {
      as: 'officer',
      headers: { 'accept-language': 'en', ...(key && { 'idempotency-key': key }) },
    });

  it('a command on a full disk: 503 unavailable naming the store that cannot write; nothing recorded', async () => {
    const before = await file();
    expect(before.status).toBe(201);
    expect(await head()).toBe(before.body.position);
    // The read models have it before the disk fills (they are written by a thread of their own, a moment later).
    expect((await server.http.get(`/v1/consortia?minPosition=${before.body.position}`, { as: 'viewer' })).status).toBe(
      200,
    );

    await limitFileSize(4096);
    for (const key of [undefined, 'disk-full-1']) {
      const refused = await file(key);
      expect(refused.status).toBe(503);
      expect(refused.body).toEqual({
        error: 'unavailable',
        message: expect.stringMatching(/cannot write.*disk is full/),
      });
      expect(refused.headers.get('x-correlation-id')).toBeTruthy();
    }
    // Reads go on, and the log's head has not moved: the failed batches were rolled back whole.
    expect(await head()).toBe(before.body.position);
    const listed = await server.http.get(`/v1/consortia?minPosition=${before.body.position}`, { as: 'viewer' });
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1);
  });

  it('once space is back the same server takes commands again (its writer survived), and the read models follow', async () => {
    await limitFileSize('unlimited');
    const retried = await file('disk-full-1');
    expect(retried.status).toBe(201);
    const after = await file();
    expect(after.status).toBe(201);
    expect(after.body.position).toBeGreaterThan(retried.body.position);
    const listed = await server.http.get(`/v1/consortia?minPosition=${after.body.position}`, { as: 'viewer' });
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(3);
    expect((await server.http.get('/health/ready', { as: null })).status).toBe(200);
  });

  it('the hash chain verifies: nothing half-written', async () => {
    expect(await server.stop()).toBe(0);
    const verified = await run('node', ['dist/apps/cli/ledger.cli.js', 'verify', '--lang', 'en'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    expect(verified.stdout).toContain('hash chain intact');
  });
});
