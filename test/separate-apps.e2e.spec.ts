import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedgerApp, ledgerConfigFromEnv } from '@ledger/platform';
import { CommandAppModule } from '../apps/command/src/command.module';
import { ProjectionAppModule } from '../apps/projection/src/projection.module';
import { filingBody } from './support/consortium-requests';
import { HttpClient } from './support/http-client';
import { TOKENS } from './support/ledger-test-app';

/**
 * `npm run start:command` and `npm run start:projection`: two apps, each with its own connection to the same SQLite
 * file; the projection app sees the command app's commits only by polling the log.
 */
describe('command and projection apps apart, on one data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-apart-'));
  const env = { LEDGER_DATA_DIR: dataDir, LEDGER_ADMIN_TOKEN: TOKENS.admin, LEDGER_FOLLOW_POLL_MS: '50' };
  let commandApp: INestApplication;
  let projectionApp: INestApplication;
  let commands: HttpClient;
  let queries: HttpClient;

  const start = async (module: Parameters<typeof createLedgerApp>[0]) => {
    const app = await createLedgerApp(module, { title: 'test', description: 'test', logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    return app;
  };

  beforeAll(async () => {
    commandApp = await start(CommandAppModule.forRoot(ledgerConfigFromEnv(env, 0)));
    projectionApp = await start(ProjectionAppModule.forRoot(ledgerConfigFromEnv(env, 0)));
    commands = new HttpClient(await commandApp.getUrl());
    queries = new HttpClient(await projectionApp.getUrl());
  });

  afterAll(async () => {
    await commandApp.close();
    await projectionApp.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a filing on the command app is readable on the projection app once it has polled up to its position', async () => {
    const filed = await commands.post('/v1/consortia', filingBody('liaoning-2021-alliance'));
    expect(filed.status).toBe(201);
    const detail = await queries.get(`/v1/consortia/${filed.body.id}?minPosition=${filed.body.position}`);
    expect(detail.status).toBe(200);
    expect(detail.body.status).toBe('filed');
    const health = await queries.get('/health', { as: 'admin' });
    expect(health.body.projections.position).toBeGreaterThanOrEqual(filed.body.position);
  });

  it('each app serves only its side', async () => {
    // A path only the other side has is 404; one both have, asked with the other side's method, 405 with Allow.
    expect((await commands.get('/v1/dashboard')).status).toBe(404);
    expect((await queries.post('/v1/subsidies/some-id/disbursements', {})).status).toBe(404);
    const read = await commands.get('/v1/consortia');
    expect([read.status, read.headers.get('allow')]).toEqual([405, 'POST']);
    const command = await queries.post('/v1/consortia', filingBody('liaoning-2021-alliance'));
    expect([command.status, command.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });
});
