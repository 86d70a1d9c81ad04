import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIN_POSITION_TIMEOUT_MS } from '@ledger/platform';
import { filingBody } from './support/consortium-requests';
import { RunningLedger, startLedger, STORY_TODAY } from './support/ledger-test-app';

/**
 * A projection that fails on an event (here: the zones read model's table moved away behind the engine's back) stops
 * alone after its attempts; the others go on; /health with a token names it, its position and its error (without a
 * token: status and lag only); a query waiting for a position past it is refused at once; and once the table is back a
 * restart on the same data directory resumes it from its checkpoint.
 */
describe('projection faults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-projection-faults-'));
  let ledger: RunningLedger;
  let firstZone: { id: string; position: number };
  let laterZone: { id: string; position: number };

  beforeAll(async () => {
    ledger = await startLedger({ dataDir, today: STORY_TODAY, acceptLanguage: 'en' });
  });
  afterAll(async () => {
    await ledger.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const projectionsFile = () => ledger.config.projectionsFile;
  const zonesStatus = async () => {
    const health = await ledger.http.get('/health', { as: 'viewer' });
    return health.body.projections.failing?.find((p: { name: string }) => p.name === 'zones')?.status;
  };

  it('the zones projection stops on the event it cannot apply; /health with a token names it, where and why', async () => {
    const first = await ledger.http.post('/v1/zones', zone('包头稀土高新区'), { as: 'officer' });
    expect(first.status).toBe(201);
    firstZone = first.body;
    expect((await ledger.http.get(`/v1/zones?minPosition=${firstZone.position}`, { as: 'viewer' })).status).toBe(200);

    moveTable('rm_zones', 'rm_zones_aside');
    const later = await ledger.http.post('/v1/zones', zone('呼和浩特金山示范区'), { as: 'officer' });
    expect(later.status).toBe(201);
    laterZone = later.body;
    for (const until = Date.now() + 15_000; (await zonesStatus()) !== 'stopped' && Date.now() < until;)
      await new Promise((resolve) => setTimeout(resolve, 100));

    const detailed = await ledger.http.get('/health', { as: 'viewer' });
    expect(detailed.status).toBe(200);
    expect(detailed.body).toMatchObject({
      status: 'degraded',
      log: { headPosition: laterZone.position },
      projections: { position: firstZone.position, lag: laterZone.position - firstZone.position },
    });
    expect(detailed.body.projections.failing).toEqual([
      {
        name: 'zones',
        status: 'stopped',
        position: firstZone.position,
        failure: {
          position: laterZone.position,
          error: expect.stringContaining('rm_zones'),
          since: expect.any(String),
          attempts: 3,
        },
      },
    ]);
  });

  it('without a token (or with an unknown one) /health keeps to status and lag: no names, positions of failures, errors', async () => {
    for (const options of [{ as: null }, { token: 'not-a-token' }]) {
      const health = await ledger.http.get('/health', options);
      expect(health.status).toBe(200);
      expect(health.body).toEqual({
        status: 'degraded',
        projections: { lag: laterZone.position - firstZone.position },
      });
      expect(health.text).not.toContain('rm_zones');
    }
    const ready = await ledger.http.get('/health/ready', { as: null });
    expect(ready.status).toBe(503);
    expect(ready.body.error.projections).toMatchObject({ reason: 'stopped: zones' });
    expect(ready.text).not.toContain('rm_zones');
  });

  it('the other projections go on: a consortium filed after the zones projection stopped is listed', async () => {
    const filed = await ledger.http.post('/v1/consortia', filingBody('nmg-2024-consortium'), { as: 'officer' });
    expect(filed.status).toBe(201);
    const list = await ledger.http.get(`/v1/consortia?minPosition=${filed.body.position}`, { as: 'viewer' });
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(filed.body.id);
    expect(await zonesStatus()).toBe('stopped');
  });

  it('a query waiting for a position past the stopped projection answers 503 projection-lagging at once', async () => {
    const started = Date.now();
    const lagging = await ledger.http.get(`/v1/zones?minPosition=${laterZone.position}`, { as: 'viewer' });
    const elapsed = Date.now() - started;
    expect(lagging.status).toBe(503);
    expect(lagging.body).toMatchObject({
      error: 'projection-lagging',
      minPosition: laterZone.position,
      reached: firstZone.position,
      message: expect.stringContaining('stopped'),
    });
    // Waiting out the timeout would take at least MIN_POSITION_TIMEOUT_MS; refusing at once takes a fraction of it.
    expect(elapsed).toBeLessThan(MIN_POSITION_TIMEOUT_MS);
  });

  it('after the fix a restart on the same data directory resumes it from its checkpoint: the later zone appears', async () => {
    await ledger.close();
    moveTable('rm_zones_aside', 'rm_zones');
    ledger = await startLedger({ dataDir, today: STORY_TODAY, acceptLanguage: 'en' });
    const list = await ledger.http.get(`/v1/zones?minPosition=${laterZone.position}`, { as: 'viewer' });
    expect(list.status).toBe(200);
    expect(list.body.items.map((z: { id: string }) => z.id).sort()).toEqual([firstZone.id, laterZone.id].sort());
    expect(list.body.total).toBe(2);
    const health = await ledger.http.get('/health', { as: 'viewer' });
    expect(health.body).toMatchObject({ status: 'ok', projections: { lag: 0 } });
    expect(health.body.projections.failing).toBeUndefined();
    expect((await ledger.http.get('/health/ready', { as: null })).status).toBe(200);
  });

  function moveTable(from: string, to: string) {
    const db = new Database(projectionsFile());
    try {
      db.exec(`ALTER TABLE "${from}" RENAME TO "${to}"`);
    } finally {
      db.close();
    }
  }
});

function zone(name: string) {
  return { policy: 'nmg-2022-zone', name, approvedOn: '2022-12-01' };
}
