import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { enterprise } from '@ledger/domain/consortium/consortium.fixtures';
import { ProjectionEngine } from '@ledger/platform';
import { activeConsortium, unitBody } from './support/consortium-requests';
import { startLedger } from './support/ledger-test-app';
import { dumpReadModels } from './support/read-model-dump';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

/** `npm run ledger -- rebuild | verify` against a data directory the ledger wrote, and rebuilds equal to live models. */
describe('ledger CLI: rebuild and verify', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
  const env = { ...process.env, LEDGER_DATA_DIR: dataDir };
  let live: Record<string, unknown[]>;
  let head: number;

  beforeAll(async () => {
    await run('npm', ['run', 'build', '--silent'], { cwd: ROOT });
    const ledger = await startLedger({ dataDir });
    try {
      for (let serial = 1; serial <= 3; serial++) {
        const lead = unitBody(enterprise('baotou', 5000 + serial, { rdExpenseLastYearFen: 200_000_000_00 }));
        const { id } = await activeConsortium(ledger, 'nmg-2024-consortium', { lead });
        if (serial === 2) await ledger.http.post(`/v1/consortia/${id}/rename`, { on: '2025-12-01', name: '内蒙古自治区改名产业链创新联合体' }, { as: 'officer' });
      }
      await activeConsortium(ledger, 'liaoning-2021-alliance');
      const zone = await ledger.http.post('/v1/zones', { policy: 'nmg-2022-zone', name: '包头稀土高新区', approvedOn: '2022-12-01' }, { as: 'officer' });
      head = (await ledger.http.get('/health', { as: null })).body.log.headPosition;
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

  it('the read models hold every consortium and zone', () => {
    expect(live.consortia).toHaveLength(4);
    expect(live.zones).toHaveLength(1);
    expect(live.audit_trail).toHaveLength(head);
  });

  it('rebuild drops and replays every read model and ends identical to the live ones', async () => {
    const { stdout, stderr } = await run('node', ['dist/apps/cli/ledger.cli.js', 'rebuild'], { cwd: ROOT, env });
    expect(stdout).toContain(`from ${head} events`);
    expect(stderr).toContain('100%');
    expect(dumpReadModels(join(dataDir, 'projections.sqlite'))).toEqual(live);
  });

  it('verify reports an intact chain, then the first broken link after a row is tampered with', async () => {
    const intact = await run('npm', ['run', '--silent', 'ledger', '--', 'verify'], { cwd: ROOT, env });
    expect(intact.stdout).toContain(`hash chain intact: ${head} events verified`);

    const db = new Database(join(dataDir, 'events.sqlite'));
    db.prepare("UPDATE events SET data = replace(data, '\"2025-10-12\"', '\"2025-10-13\"') WHERE position = 5").run();
    db.close();
    const broken = await run('node', ['dist/apps/cli/ledger.cli.js', 'verify'], { cwd: ROOT, env }).catch((error) => error);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('hash chain BROKEN at position 5');
  });
});
