/**
 * The built CLI as an operator and an external auditor run it (dist/ is built once before the e2e tests):
 * `export` writes the offline audit package of a period, `verify-export` checks it with nothing but the file and names
 * the event a changed byte breaks; `replay` prints a consortium's steps as the API gives them.
 */
import Database from 'better-sqlite3';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { activeConsortium, filingBody } from './support/consortium-requests';
import { startLedger } from './support/ledger-test-app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
// Each run of the built CLI loads its modules first: 2–3 s alone, 8–10 s on two cores busy with the other test files,
// and a test here runs it up to five times.
jest.setTimeout(90_000);

describe('ledger CLI: export, verify-export and replay', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-audit-'));
  // The auditor's machine: no ledger, no configuration, only the file.
  const auditorDir = mkdtempSync(join(tmpdir(), 'ledger-auditor-'));
  const env: NodeJS.ProcessEnv = { ...process.env, LEDGER_DATA_DIR: dataDir };
  const { LEDGER_DATA_DIR: _d, ...auditorEnv } = process.env;
  let consortiumId: string;
  let steps: Array<Record<string, any>>;
  let stepsInEnglish: Array<Record<string, any>>;
  let firstRecordedAt: string;
  let head: number;

  /** Runs the built CLI; resolves with its exit code and output whatever the code. */
  const cli = (args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) =>
    run('node', [join(ROOT, 'dist/apps/cli/ledger.cli.js'), ...args], { cwd: ROOT, env, ...options }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  beforeAll(async () => {
    const ledger = await startLedger({ dataDir });
    try {
      await activeConsortium(ledger, 'nmg-2024-consortium');
      consortiumId = (await activeConsortium(ledger, 'liaoning-2021-alliance')).id;
      steps = (await ledger.http.get(`/v1/consortia/${consortiumId}/replay`, { as: 'supervisor' })).body.steps;
      stepsInEnglish = (
        await ledger.http.get(`/v1/consortia/${consortiumId}/replay`, {
          as: 'supervisor',
          headers: { 'accept-language': 'en' },
        })
      ).body.steps;
      head = (await ledger.http.get('/health', { as: 'viewer' })).body.log.headPosition;
    } finally {
      await ledger.close();
    }
    firstRecordedAt = steps[0].recordedAt;
  }, 60_000);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(auditorDir, { recursive: true, force: true });
  });

  it('exports a period and an auditor verifies it elsewhere; one byte changed, verify-export names the event', async () => {
    const file = join(auditorDir, 'audit.jsonl');
    const exported = await cli(['export', '--from', firstRecordedAt, '--to', '2099-12-31', '--out', file, '--json']);
    expect(exported.code).toBe(0);
    const summary = JSON.parse(exported.stdout);
    const firstPosition = steps[0].position;
    expect(summary).toMatchObject({
      ok: true,
      from: firstRecordedAt,
      // A period cannot end later than the moment it is exported.
      requestedTo: '2099-12-31T15:59:59.999Z',
      to: expect.stringMatching(/^20\d\d-/),
      anchor: { position: firstPosition - 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      head: { position: head },
      events: head - firstPosition + 1,
    });

    const verified = await cli(['verify-export', file, '--lang', 'en'], { env: auditorEnv, cwd: auditorDir });
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain(`audit package verifies: ${summary.events} events`);
    expect(verified.stdout).toContain(`head:   position ${head}, hash ${summary.head.hash}`);

    // One byte: the approval's date, in the middle of the package.
    const approval = steps.find((step) => step.type === 'ConsortiumApproved')!;
    const lines = readFileSync(file, 'utf8').split('\n');
    const index = lines.findIndex((line) => line.includes(`"position":${approval.position},`));
    expect(JSON.parse(lines[index]).position).toBe(approval.position);
    const approvedOn = approval.state.approvedOn as string;
    const changedDay = approvedOn.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
    lines[index] = lines[index].replace(approvedOn, changedDay);
    expect(Buffer.byteLength(lines.join('\n'))).toBe(readFileSync(file).length);
    writeFileSync(file, lines.join('\n'));

    const broken = await cli(['verify-export', file, '--lang', 'en'], { env: auditorEnv, cwd: auditorDir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`does NOT verify at line ${index + 1}: event at position ${approval.position}`);
    const json = await cli(['verify-export', file, '--json'], { env: auditorEnv, cwd: auditorDir });
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      line: index + 1,
      position: approval.position,
      events: approval.position - firstPosition,
    });
  });

  it('exports the whole log by default, anchored at the genesis hash', async () => {
    const file = join(auditorDir, 'whole.jsonl');
    const exported = await cli(['export', '--out', file, '--json']);
    expect(JSON.parse(exported.stdout)).toMatchObject({ anchor: { position: 0, hash: '0'.repeat(64) }, events: head });
    expect((await cli(['verify-export', file, '--json'])).stdout).toContain('"ok":true');
  });

  it('refuses to export a log that does not verify, naming the position: no package at --out, JSON with --json', async () => {
    // A copy of the ledger whose approval was altered after it was recorded: `verify` says BROKEN there.
    const tampered = mkdtempSync(join(tmpdir(), 'ledger-tampered-'));
    try {
      const source = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
      await source.backup(join(tampered, 'events.sqlite'));
      source.close();
      const approval = steps.find((step) => step.type === 'ConsortiumApproved')!;
      const db = new Database(join(tampered, 'events.sqlite'));
      const on = `"on":"${approval.state.approvedOn as string}"`;
      const changed = db.prepare('UPDATE events SET data = replace(data, ?, ?) WHERE position = ?').run(
        on,
        on.replace(/\d"$/, (digit) => `${(Number(digit[0]) + 1) % 10}"`),
        approval.position,
      );
      db.close();
      expect(changed.changes).toBe(1);
      const tamperedEnv = { ...env, LEDGER_DATA_DIR: tampered };
      const file = join(auditorDir, 'tampered.jsonl');

      const text = await cli(['export', '--out', file, '--lang', 'en'], { env: tamperedEnv });
      expect(text.code).toBe(1);
      expect(text.stderr.trim()).toBe(
        `the log does not verify at position ${approval.position}: its hash does not match its content (run verify); ` +
          `nothing was written to ${file}`,
      );
      expect(existsSync(file)).toBe(false);

      // An earlier package at --out stays as it was; nothing half-written is left beside it.
      writeFileSync(file, 'an earlier package\n');
      const json = await cli(['export', '--out', file, '--json', '--lang', 'zh'], { env: tamperedEnv });
      expect(json.code).toBe(1);
      expect(json.stderr).toBe('');
      expect(JSON.parse(json.stdout)).toEqual({
        ok: false,
        out: file,
        from: new Date(0).toISOString(),
        to: expect.any(String),
        firstBrokenPosition: approval.position,
        // In English whatever the language, as every --json report is (README, LEDGER_LANG).
        reason: expect.stringMatching(new RegExp(`^the log does not verify at position ${approval.position}: `)),
      });
      expect(readFileSync(file, 'utf8')).toBe('an earlier package\n');
      expect(readdirSync(auditorDir).filter((name) => name.startsWith('tampered'))).toEqual(['tampered.jsonl']);
    } finally {
      rmSync(tampered, { recursive: true, force: true });
    }
  });

  it('refuses a wrong command line with exit 2', async () => {
    const file = join(auditorDir, 'never.jsonl');
    for (const args of [
      ['export', '--from', 'yesterday', '--out', file],
      ['export', '--from', '2025-02-01', '--to', '2025-01-01', '--out', file],
      ['export', '--to', '2025-01-01'],
      ['verify-export', join(auditorDir, 'missing.jsonl')],
      ['replay', 'lead-registry-x'],
      ['replay'],
    ]) {
      const answer = await cli(args);
      expect([args, answer.code]).toEqual([args, 2]);
      expect(answer.stderr).not.toBe('');
    }
    expect((await cli(['replay', 'consortium-nope'])).code).toBe(1);
  });

  it('replay prints one step a line: --json as the API gives them, or what each event changed', async () => {
    const json = await cli(['replay', `consortium-${consortiumId}`, '--json', '--lang', 'zh']);
    expect(json.code).toBe(0);
    expect(
      json.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(steps);

    const text = await cli(['replay', `consortium-${consortiumId}`]);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(steps.length);
    expect(lines[0]).toMatch(new RegExp(`^#1 @${steps[0].position} \\S+ ConsortiumFiled by officer\\.zhang`));
    const approvalLine = lines.find((line) => line.includes('ConsortiumApproved'))!;
    expect(approvalLine).toContain('status: "public-notice" → "active"');
  });

  it('replay speaks the language asked for: --lang en, else LEDGER_LANG or the locale, Chinese by default', async () => {
    const lines = (answer: { stdout: string }) =>
      answer.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
    const { LEDGER_LANG: _l, LANG: _lang, LC_ALL: _all, ...noLocale } = env;
    const byDefault = await cli(['replay', `consortium-${consortiumId}`, '--json'], { env: noLocale });
    const english = await cli(['replay', `consortium-${consortiumId}`, '--json', '--lang', 'en']);
    const byLocale = await cli(['replay', `consortium-${consortiumId}`, '--json'], {
      env: { ...noLocale, LANG: 'en_US.UTF-8' },
    });
    expect(lines(byDefault)).toEqual(steps);
    expect(lines(english)).toEqual(stepsInEnglish);
    expect(lines(byLocale)).toEqual(stepsInEnglish);
    expect(JSON.stringify(steps)).not.toEqual(JSON.stringify(stepsInEnglish));
  });

  it('replay --step waits for Enter before each next step and stops on q', async () => {
    const child = spawn(
      'node',
      [join(ROOT, 'dist/apps/cli/ledger.cli.js'), 'replay', `consortium-${consortiumId}`, '--step'],
      {
        cwd: ROOT,
        env,
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const waitFor = async (lines: number) => {
      for (let i = 0; i < 200 && stdout.split('\n').length - 1 < lines; i++)
        await new Promise((r) => setTimeout(r, 25));
    };
    await waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(stdout.trim().split('\n')).toHaveLength(1);
    child.stdin.write('\n');
    await waitFor(2);
    child.stdin.write('q\n');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(2);
  });

  it('a period ending later than now ends when it is exported: the package names that moment, and its head stays', async () => {
    const inUtc8 = (time: number) => new Date(time + 8 * 3600 * 1000).toISOString().slice(0, 10);
    const today = inUtc8(Date.now());
    const before = new Date().toISOString();
    const file = join(auditorDir, 'today.jsonl');
    const first = await cli(['export', '--from', firstRecordedAt, '--to', today, '--out', file, '--json']);
    const after = new Date().toISOString();
    expect(first.code).toBe(0);
    const taken = JSON.parse(first.stdout);
    expect(taken.requestedTo).toBe(new Date(Date.parse(`${today}T23:59:59.999+08:00`)).toISOString());
    expect(taken.to >= before && taken.to <= after).toBe(true);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ kind: 'ledger-audit-package', to: taken.to, exportedAt: taken.to });
    expect(lines[lines.length - 1]).toMatchObject({ kind: 'head', ...taken.head, at: taken.to });
    const text = await cli(['export', '--from', firstRecordedAt, '--to', today, '--out', file, '--lang', 'en']);
    expect(text.stdout).toMatch(
      new RegExp(`--to ${taken.requestedTo} is later than now: the period ends at \\S+, when the package was taken`),
    );

    // Another event after it: the period the package names has the same head still; today's has the new one.
    const ledger = await startLedger({ dataDir });
    try {
      expect(
        (await ledger.http.post('/v1/consortia', filingBody('tianjin-2018-alliance'), { as: 'officer' })).status,
      ).toBe(201);
    } finally {
      await ledger.close();
    }
    const again = await cli(['export', '--from', firstRecordedAt, '--to', taken.to, '--out', file, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ to: taken.to, head: taken.head, events: taken.events });
    expect(JSON.parse(again.stdout).requestedTo).toBeUndefined();
    const later = JSON.parse(
      (await cli(['export', '--from', firstRecordedAt, '--to', today, '--out', file, '--json'])).stdout,
    );
    expect(later.head.position).toBe(taken.head.position + 1);
    expect(later.to > taken.to).toBe(true);
  });
});
