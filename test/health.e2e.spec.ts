import { INestApplication } from '@nestjs/common';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedgerApp, ledgerConfigFromEnv } from '@ledger/platform';
import { CommandAppModule } from '../apps/command/src/command.module';
import { HttpClient } from './support/http-client';
import { RunningLedger, startLedger, TOKENS } from './support/ledger-test-app';

/** /health as before, and /health/live and /health/ready in terminus' shape, over real HTTP on the embedded stores. */
describe('health', () => {
  let ledger: RunningLedger;

  beforeAll(async () => {
    ledger = await startLedger();
  });
  afterAll(async () => {
    await ledger.close();
  });

  it('/health: for anyone the status and the lag alone; with a token of any role the log head and the projections', async () => {
    const filed = await ledger.http.post('/v1/zones', zone('包头稀土高新区'), { as: 'officer' });
    await ledger.http.get(`/v1/zones?minPosition=${filed.body.position}`, { as: 'viewer' });
    for (const options of [{ as: null }, { token: 'not-a-token' }]) {
      const anonymous = await ledger.http.get('/health', options);
      expect(anonymous.status).toBe(200);
      expect(anonymous.body).toEqual({ status: 'ok', projections: { lag: 0 } });
    }
    for (const as of ['viewer', 'officer', 'finance', 'supervisor', 'admin'] as const) {
      const health = await ledger.http.get('/health', { as });
      expect(health.status).toBe(200);
      expect(health.body).toEqual({
        status: 'ok',
        log: { headPosition: filed.body.position },
        projections: { position: filed.body.position, running: true, lag: 0 },
      });
    }
  });

  it('/health/live: 200 while the process answers, without asking any store', async () => {
    const live = await ledger.http.get('/health/live', { as: null });
    expect(live.status).toBe(200);
    expect(live.body).toEqual({
      status: 'ok',
      info: { process: { status: 'up', pid: process.pid, uptimeSeconds: expect.any(Number) } },
      error: {},
      details: { process: { status: 'up', pid: process.pid, uptimeSeconds: expect.any(Number) } },
    });
  });

  it('/health/ready: 200 naming the event store, the read store and the projections; positions with a token', async () => {
    const ready = await ledger.http.get('/health/ready', { as: null });
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ok',
      info: {
        eventStore: { status: 'up' },
        readStore: { status: 'up' },
        projections: { status: 'up', lag: 0, maxLag: 1000 },
      },
      error: {},
      details: ready.body.info,
    });
    const detailed = await ledger.http.get('/health/ready', { as: 'viewer' });
    expect(detailed.body.info).toMatchObject({
      eventStore: { status: 'up', headPosition: expect.any(Number) },
      projections: { status: 'up', position: expect.any(Number), lag: 0 },
    });
  });

  it('a projection stopped by a failure: /health/ready 503 in terminus’ shape, /health degraded, /health/live 200', async () => {
    // The zones read model's table vanishes behind the engine's back: the next zone event fails it, three times.
    const db = new Database(ledger.config.projectionsFile);
    db.exec('DROP TABLE "rm_zones"');
    db.close();
    await ledger.http.post('/v1/zones', zone('呼和浩特金山示范区'), { as: 'officer' });
    let ready = await ledger.http.get('/health/ready', { as: null });
    for (const until = Date.now() + 10_000; ready.status === 200 && Date.now() < until;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      ready = await ledger.http.get('/health/ready', { as: null });
    }
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      status: 'error',
      info: { eventStore: { status: 'up' }, readStore: { status: 'up' } },
      error: {
        projections: { status: 'down', reason: 'stopped: zones', failing: [{ name: 'zones', status: 'stopped' }] },
      },
    });
    // Which projection fails, and why, only with a token (test/projection-faults.e2e.spec.ts has the rest).
    const health = await ledger.http.get('/health', { as: 'viewer' });
    expect(health.body).toMatchObject({
      status: 'degraded',
      projections: { failing: [{ name: 'zones', status: 'stopped', failure: { error: expect.any(String) } }] },
    });
    expect((await ledger.http.get('/health', { as: null })).body).toMatchObject({ status: 'degraded' });
    expect((await ledger.http.get('/health/live', { as: null })).status).toBe(200);
  });
});

describe('health of the command app alone', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-health-'));
  let app: INestApplication;
  let http: HttpClient;

  beforeAll(async () => {
    const config = ledgerConfigFromEnv({ LEDGER_DATA_DIR: dataDir, LEDGER_ADMIN_TOKEN: TOKENS.admin }, 0);
    app = await createLedgerApp(CommandAppModule.forRoot(config), { title: 't', description: 't', logger: false });
    await app.listen(0, '127.0.0.1');
    http = new HttpClient((await app.getUrl()).replace('[::1]', '127.0.0.1'));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is ready when its event store answers; it has no read store and no projections to wait for', async () => {
    const ready = await http.get('/health/ready', { as: null });
    expect(ready.status).toBe(200);
    expect(ready.body.details).toEqual({ eventStore: { status: 'up' } });
    const detailed = await http.get('/health/ready', { as: 'admin' });
    expect(detailed.body.details).toEqual({ eventStore: { status: 'up', headPosition: 0 } });
    expect((await http.get('/health', { as: null })).body).toEqual({ status: 'ok' });
    expect((await http.get('/health', { as: 'admin' })).body).toEqual({ status: 'ok', log: { headPosition: 0 } });
  });
});

function zone(name: string) {
  return { policy: 'nmg-2022-zone', name, approvedOn: '2022-12-01' };
}
