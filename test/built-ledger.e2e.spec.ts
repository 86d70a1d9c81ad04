import Database from 'better-sqlite3';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { enterprise } from '@ledger/domain/consortium/consortium.fixtures';
import { ProjectionEngine } from '@ledger/platform';
import { PROJECTIONS } from '../apps/projection/src/projections';
import { consortiumStreamId } from '@ledger/domain/consortium/consortium.streams';
import { activeConsortium, filingBody, unitBody } from './support/consortium-requests';
import { startLedger, STORY_TODAY } from './support/ledger-test-app';
import { dumpReadModels } from './support/read-model-dump';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

/**
 * The built ledger as an operator runs it: `npm start`'s server, and `npm run ledger -- rebuild | verify` (dist/ is
 * built once before the e2e tests: test/support/build.global-setup.js).
 */

describe('the standalone server (npm start)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-server-'));
  const { LEDGER_ADMIN_TOKEN: _a, LEDGER_TOKENS: _t, ...inherited } = process.env;
  const env = { ...inherited, LEDGER_DATA_DIR: dataDir, PORT: '0' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** Starts dist/apps/main.js, waits for its "on <url>" line, and returns what it printed and a way to stop it. */
  async function startServer(extraEnv: Record<string, string> = {}) {
    const child = spawn('node', ['dist/apps/main.js'], { cwd: ROOT, env: { ...env, ...extraEnv } });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /consortium-ledger on (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1].replace('[::1]', '127.0.0.1'));
      });
      child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    });
    const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<number | null>((resolve) => {
        child.on('exit', resolve);
        child.kill(signal);
      });
    return { url, output: () => output, stop };
  }

  it('generates an admin token on first start, prints it once, keeps it, and serves with it', async () => {
    const first = await startServer();
    const token = /generated an admin token[^\n]*\n\s+(\S+)/.exec(first.output())?.[1];
    expect(token).toBeDefined();
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    const list = await fetch(`${first.url}/v1/consortia`, { headers: { authorization: `Bearer ${token}` } });
    expect(list.status).toBe(200);
    expect(await first.stop()).toBe(0);

    const second = await startServer();
    expect(second.output()).not.toContain('generated an admin token');
    expect((await fetch(`${second.url}/v1/consortia`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      200,
    );
    expect(await second.stop()).toBe(0);
  }, 30_000);

  it('on SIGTERM answers every request it took (none with a 5xx), then exits 0', async () => {
    const server = await startServer({ LEDGER_ADMIN_TOKEN: 'drain-admin' });
    const headers = { 'content-type': 'application/json', authorization: 'Bearer drain-admin' };
    const statuses: number[] = [];
    let acknowledged = 0;
    /** Sends requests until the server no longer takes connections. */
    const client = async (request: () => Promise<Response>) => {
      for (;;) {
        const answer = await request().catch(() => undefined);
        if (!answer) return;
        statuses.push(answer.status);
        if (answer.status === 201) acknowledged++;
        await answer.arrayBuffer();
      }
    };
    const file = () =>
      fetch(`${server.url}/v1/consortia`, {
        method: 'POST',
        headers,
        body: JSON.stringify(filingBody('liaoning-2021-alliance')),
      });
    const read = () => fetch(`${server.url}/v1/consortia?limit=5`, { headers });
    const clients = [
      ...Array.from({ length: 12 }, () => client(file)),
      ...Array.from({ length: 4 }, () => client(read)),
    ];
    while (acknowledged < 200) await new Promise((resolve) => setTimeout(resolve, 5));
    const signalled = Date.now();
    expect(await server.stop('SIGTERM')).toBe(0);
    // Idle keep-alive connections must not hold the close up until their timeout.
    expect(Date.now() - signalled).toBeLessThan(10_000);
    await Promise.all(clients);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(server.output()).toContain('SIGTERM: closing the ledger');
  }, 60_000);

  it('loses no acknowledged command when the process is killed mid-stream (SIGKILL), and the chain stays intact', async () => {
    const server = await startServer({ LEDGER_ADMIN_TOKEN: 'crash-admin' });
    const acknowledged: string[] = [];
    let killed = false;
    const file = async () => {
      const answer = await fetch(`${server.url}/v1/consortia`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer crash-admin' },
        body: JSON.stringify(filingBody('liaoning-2021-alliance')),
      }).catch(() => undefined);
      if (answer?.status === 201) acknowledged.push(consortiumStreamId(((await answer.json()) as { id: string }).id));
    };
    const writers = Array.from({ length: 16 }, async () => {
      while (!killed) await file();
    });
    while (acknowledged.length < 300) await new Promise((resolve) => setTimeout(resolve, 5));
    killed = true;
    await server.stop('SIGKILL');
    await Promise.all(writers);

    const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    const recorded = new Set(db.prepare('SELECT DISTINCT stream_id FROM events').pluck().all() as string[]);
    db.close();
    expect(acknowledged.filter((stream) => !recorded.has(stream))).toEqual([]);
    const verified = await run('node', ['dist/apps/cli/ledger.cli.js', 'verify', '--lang', 'en'], { cwd: ROOT, env });
    expect(verified.stdout).toContain('hash chain intact');
  }, 60_000);
});

/** `npm run ledger -- rebuild | verify` against a data directory the ledger wrote, and rebuilds equal to live models. */
describe('ledger CLI: rebuild and verify', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
  const env = { ...process.env, LEDGER_DATA_DIR: dataDir };
  let live: Record<string, unknown[]>;
  let head: number;

  beforeAll(async () => {
    const ledger = await startLedger({ dataDir, today: STORY_TODAY });
    try {
      for (let serial = 1; serial <= 3; serial++) {
        const lead = unitBody(enterprise('baotou', 5000 + serial, { rdExpenseLastYearFen: 200_000_000_00 }));
        const { id } = await activeConsortium(ledger, 'nmg-2024-consortium', { lead });
        if (serial === 2)
          await ledger.http.post(
            `/v1/consortia/${id}/rename`,
            { on: '2025-12-01', name: '内蒙古自治区改名产业链创新联合体' },
            { as: 'officer' },
          );
      }
      await activeConsortium(ledger, 'liaoning-2021-alliance');
      const zone = await ledger.http.post(
        '/v1/zones',
        { policy: 'nmg-2022-zone', name: '包头稀土高新区', approvedOn: '2022-12-01' },
        { as: 'officer' },
      );
      head = (await ledger.http.get('/health', { as: 'viewer' })).body.log.headPosition;
      await ledger.http.get(`/v1/consortia?minPosition=${head}`, { as: 'viewer' });
      expect(zone.status).toBe(201);
      live = dumpReadModels(ledger.config.projectionsFile);

      const engine = ledger.app.get(ProjectionEngine);
      await engine.rebuild();
      expect(engine.processedPosition()).toBe(head);
      expect(dumpReadModels(ledger.config.projectionsFile)).toEqual(live);
    } finally {
      await ledger.close();
    }
  }, 120_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('the read models hold every consortium and zone, each at the head of the log', () => {
    expect(live.rm_consortia).toHaveLength(4);
    expect(live.rm_zones).toHaveLength(1);
    expect(live.rm_checkpoints).toEqual(
      expect.arrayContaining([expect.objectContaining({ projection: 'consortia', position: head })]),
    );
    expect((live.rm_checkpoints as Array<{ position: number }>).every((c) => c.position === head)).toBe(true);
  });

  it('rebuild drops and replays every read model and ends identical to the live ones', async () => {
    const { stdout, stderr } = await run('node', ['dist/apps/cli/ledger.cli.js', 'rebuild'], {
      cwd: ROOT,
      env: { ...env, LEDGER_LANG: 'en' },
    });
    expect(stdout).toContain(`from ${head} events`);
    expect(stderr).toContain('100%');
    expect(dumpReadModels(join(dataDir, 'projections.sqlite'))).toEqual(live);
  });

  it('verify reports an intact chain, then the first broken link after a row is tampered with', async () => {
    const intact = await run('npm', ['run', '--silent', 'ledger', '--', 'verify', '--lang', 'en'], { cwd: ROOT, env });
    expect(intact.stdout).toContain(`hash chain intact: ${head} events verified`);
    // Chinese by default (no --lang, LEDGER_LANG or English locale): the same facts.
    const { LEDGER_LANG: _l, LANG: _lang, LC_ALL: _all, ...noLocale } = env as NodeJS.ProcessEnv;
    const inChinese = await run('node', ['dist/apps/cli/ledger.cli.js', 'verify'], { cwd: ROOT, env: noLocale });
    expect(inChinese.stdout).toMatch(new RegExp(`^哈希链完整：.*${head}`));

    const db = new Database(join(dataDir, 'events.sqlite'));
    db.prepare('UPDATE events SET data = replace(data, \'"2025-10-12"\', \'"2025-10-13"\') WHERE position = 5').run();
    db.close();
    const broken = await run('node', ['dist/apps/cli/ledger.cli.js', 'verify', '--lang', 'en'], {
      cwd: ROOT,
      env,
    }).catch((error) => error);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('hash chain BROKEN at position 5');
  });
});

/** The CLI's command line: help on every command, --json for scripts, --data-dir, and exit codes 0, 1 and 2. */
describe('ledger CLI: help, --json, --data-dir and exit codes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-cli-json-'));
  // LEDGER_DATA_DIR names no ledger: --data-dir must win over it.
  const env = { ...process.env, LEDGER_DATA_DIR: join(dataDir, 'not-here') };
  let head: number;

  /** Runs the built CLI; resolves with its exit code and output whatever the code. */
  const cli = (...args: string[]) =>
    run('node', ['dist/apps/cli/ledger.cli.js', ...args], { cwd: ROOT, env }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  beforeAll(async () => {
    const ledger = await startLedger({ dataDir });
    try {
      await activeConsortium(ledger, 'liaoning-2021-alliance');
      head = (await ledger.http.get('/health', { as: 'viewer' })).body.log.headPosition;
    } finally {
      await ledger.close();
    }
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('--help on the program and on every command, exit 0', async () => {
    const program = await cli('--help');
    expect(program.code).toBe(0);
    expect(program.stdout).toMatch(/verify .*hash chain/);
    expect(program.stdout).toMatch(/rebuild .*read model/);
    for (const command of ['verify', 'rebuild']) {
      const help = await cli(command, '--help');
      expect([command, help.code]).toEqual([command, 0]);
      expect(help.stdout).toContain(`Usage: npm run ledger -- ${command}`);
      expect(help.stdout).toContain('--data-dir <dir>');
      expect(help.stdout).toContain('--json');
    }
  });

  it('a wrong command line is exit 2 with the reason on stderr; a missing event log is exit 1', async () => {
    for (const args of [[], ['frobnicate'], ['verify', '--bogus'], ['verify', '--data-dir']]) {
      const answer = await cli(...args);
      expect([args, answer.code]).toEqual([args, 2]);
      expect(answer.stderr).not.toBe('');
    }
    const missing = await cli('verify');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`no event log at ${join(dataDir, 'not-here', 'events.sqlite')}`);
  });

  it('rebuild --json prints one JSON object and no progress bar', async () => {
    const rebuilt = await cli('rebuild', '--json', '--data-dir', dataDir);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).toBe('');
    expect(JSON.parse(rebuilt.stdout)).toEqual({
      events: head,
      readModels: PROJECTIONS.length,
      position: head,
      seconds: expect.any(Number),
      eventsPerSecond: expect.any(Number),
      peakRssMB: expect.any(Number),
      cpuSeconds: expect.any(Number),
      mainThreadCpuSeconds: expect.any(Number),
    });
  });

  it('rebuild shows its progress on stderr with events per second and the time left', async () => {
    const rebuilt = await cli('rebuild', '--data-dir', dataDir, '--lang', 'en');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).toMatch(new RegExp(`100% \\| ${head}/${head} events \\| \\d+ events/s \\| ETA`));
    expect(rebuilt.stdout).toContain(`from ${head} events`);
  });

  it('verify --json prints { ok, checked, head }, then { ok: false, firstBrokenPosition, reason } and exit 1 once tampered', async () => {
    const intact = await cli('verify', '--json', '--data-dir', dataDir);
    expect(intact.code).toBe(0);
    const events = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    const last = events
      .prepare('SELECT position, hash, recorded_at AS recordedAt FROM events ORDER BY position DESC LIMIT 1')
      .get();
    events.close();
    expect(JSON.parse(intact.stdout)).toEqual({ ok: true, checked: head, head: { ...(last as object) } });
    expect(last).toMatchObject({ position: head });

    // The text names the head too, and says what it is for: a log cut short at its end still verifies.
    const text = await cli('verify', '--data-dir', dataDir, '--lang', 'en');
    const { hash, recordedAt } = last as { hash: string; recordedAt: string };
    expect(text.stdout).toContain(`head: position ${head}, hash ${hash}, recorded at ${recordedAt}`);
    expect(text.stdout).toContain('Events removed from the end of the log break no link: compare this head');
    const help = await cli('verify', '--help');
    expect(help.stdout).toContain('a log cut short still verifies, and that is found only by comparing its');

    // The last event removed: the chain still verifies (no later hash names it); only the head shows the cut.
    const cut = new Database(join(dataDir, 'events.sqlite'));
    cut.prepare('DELETE FROM events WHERE position = ?').run(head);
    cut.close();
    const truncated = await cli('verify', '--json', '--data-dir', dataDir);
    expect(truncated.code).toBe(0);
    expect(JSON.parse(truncated.stdout)).toMatchObject({ ok: true, checked: head - 1, head: { position: head - 1 } });
    expect(JSON.parse(truncated.stdout).head.hash).not.toBe(hash);

    const db = new Database(join(dataDir, 'events.sqlite'));
    db.prepare(`UPDATE events SET data = replace(data, 'pass', 'fail') WHERE position = 2`).run();
    db.close();
    const broken = await cli('verify', '--json', '--data-dir', dataDir);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toEqual({
      ok: false,
      checked: 1,
      firstBrokenPosition: 2,
      reason: expect.any(String),
    });
  });
});
