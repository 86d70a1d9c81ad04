/**
 * The two apps apart, for real: the built apps/command and apps/projection as two OS processes on PostgreSQL (the
 * event store and the read store), the whole HTTP API driven through them — commands to one, queries to the other,
 * `minPosition` across them. Every query is also asked of a reference: the projection app on the embedded SQLite read
 * store, following the same PostgreSQL log in this process; the two read stores must answer alike.
 */
import { INestApplication } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestPostgres, TestPostgresServer } from '@ledger/event-store/postgres/testing/embedded-postgres';
import { enterprise } from '@ledger/domain/consortium/consortium.fixtures';
import { createLedgerApp, ledgerConfigFromEnv } from '@ledger/platform';
import { ProjectionAppModule } from '../apps/projection/src/projection.module';
import { PROJECTIONS } from '../apps/projection/src/projections';
import { playStory, STORED_LOG_TODAY, storedLogQueries, StoryIds } from './stored-log/stored-log.story';
import { filingBody, unitBody } from './support/consortium-requests';
import { HttpClient } from './support/http-client';
import { cleanEnv, LedgerProcess, startLedgerProcess } from './support/ledger-process';
import { TOKEN_LIST, TOKENS } from './support/test-tokens';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const SCHEMA = 'ledger';

describe('the command and projection apps apart, as processes, on PostgreSQL', () => {
  let server: TestPostgresServer;
  let database: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-apart-pg-'));
  const referenceDir = mkdtempSync(join(tmpdir(), 'ledger-apart-ref-'));
  let env: Record<string, string>;
  let commands: LedgerProcess;
  let queries: LedgerProcess;
  let reference: INestApplication;
  let referenceHttp: HttpClient;

  beforeAll(async () => {
    server = await startTestPostgres();
    // Sorting text as a Chinese deployment's database would (ICU zh-CN), not by code point as SQLite does.
    database = await server.createDatabase(undefined, { icuLocale: 'zh-CN' });
    env = {
      LEDGER_STORE: 'postgres',
      LEDGER_READ_STORE: 'postgres',
      DATABASE_URL: database,
      DATABASE_SCHEMA: SCHEMA,
      LEDGER_DATA_DIR: dataDir,
      LEDGER_ADMIN_TOKEN: TOKENS.admin,
      LEDGER_TOKENS: TOKEN_LIST,
      LEDGER_TODAY: STORED_LOG_TODAY,
      LEDGER_FOLLOW_POLL_MS: '20',
    };
    [commands, queries] = await Promise.all([
      startLedgerProcess('command', env),
      startLedgerProcess('projection', env),
    ]);
    const referenceConfig = ledgerConfigFromEnv(
      { ...env, LEDGER_READ_STORE: 'sqlite', LEDGER_DATA_DIR: referenceDir },
      0,
    );
    reference = await createLedgerApp(ProjectionAppModule.forRoot(referenceConfig), {
      title: 'reference',
      description: 'reference',
      logger: false,
    });
    await reference.listen(0, '127.0.0.1');
    referenceHttp = new HttpClient((await reference.getUrl()).replace('[::1]', '127.0.0.1'));
  }, 60_000);

  afterAll(async () => {
    await reference?.close();
    await Promise.all([commands, queries].filter(Boolean).map((p) => p.stop()));
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(referenceDir, { recursive: true, force: true });
  });

  const headPosition = async (): Promise<number> =>
    (await commands.http.get('/health', { as: 'viewer' })).body.log.headPosition;

  it('each process serves only its side, and each is ready', async () => {
    // A path only the other side has is 404; one both have, asked with the other side's method, 405 with Allow.
    expect((await commands.http.get('/v1/dashboard')).status).toBe(404);
    expect((await queries.http.post('/v1/subsidies/some-id/disbursements', {})).status).toBe(404);
    const read = await commands.http.get('/v1/consortia');
    expect([read.status, read.headers.get('allow')]).toEqual([405, 'POST']);
    const command = await queries.http.post('/v1/consortia', filingBody('liaoning-2021-alliance'));
    expect([command.status, command.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    const commandReady = await commands.http.get('/health/ready', { as: null });
    expect([commandReady.status, Object.keys(commandReady.body.details)]).toEqual([200, ['eventStore']]);
    const queryReady = await queries.http.get('/health/ready', { as: null });
    expect([queryReady.status, Object.keys(queryReady.body.details).sort()]).toEqual([
      200,
      ['eventStore', 'projections', 'readStore'],
    ]);
  });

  it('a write to the command process is read from the projection process with minPosition, at once', async () => {
    const lead = unitBody(enterprise('shenyang', 8800));
    const filed = await commands.http.post('/v1/consortia', filingBody('liaoning-2021-alliance', { lead }), {
      as: 'officer',
    });
    expect(filed.status).toBe(201);
    const detail = await queries.http.get(`/v1/consortia/${filed.body.id}?minPosition=${filed.body.position}`, {
      as: 'viewer',
    });
    expect([detail.status, detail.body.status, detail.body.lead.creditCode]).toEqual([200, 'filed', lead.creditCode]);
    const reviewed = await commands.http.post(
      `/v1/consortia/${filed.body.id}/reviews`,
      { stage: 'preliminary', outcome: 'pass', on: '2025-09-12' },
      { as: 'officer' },
    );
    const history = await queries.http.get(
      `/v1/consortia/${filed.body.id}/history?minPosition=${reviewed.body.position}`,
      { as: 'supervisor' },
    );
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).toContain('ReviewRecorded');
    const health = await queries.http.get('/health', { as: 'viewer' });
    expect(health.body.projections.position).toBeGreaterThanOrEqual(reviewed.body.position);
  });

  describe('the whole story through the command process', () => {
    let ids: StoryIds;
    let head: number;

    beforeAll(async () => {
      ids = await playStory(commands);
      head = await headPosition();
    }, 60_000);

    it('every query — consortia, subsidies, zones, histories, funding, reconciliation, dashboard — answers on PostgreSQL as on SQLite', async () => {
      const paths = [
        ...storedLogQueries(ids).map((query) => query.path),
        '/v1/consortia?policy=nmg-2024-consortium&limit=2',
        '/v1/subsidies?limit=3',
        '/v1/reconciliation?fiscalYear=2025',
      ];
      expect(paths.length).toBeGreaterThan(150);
      for (const path of paths) {
        const at = `${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`;
        const [postgres, sqlite] = await Promise.all(
          [queries.http, referenceHttp].map((http) =>
            http.get(at, { as: 'supervisor', headers: { 'accept-language': 'en' } }),
          ),
        );
        expect([path, postgres.status]).toEqual([path, 200]);
        expect([path, postgres.body]).toEqual([path, sqlite.body]);
      }
      const dashboard = await queries.http.get(`/v1/dashboard?minPosition=${head}`, { as: 'viewer' });
      expect(JSON.stringify(dashboard.body)).toContain('nmg-2024-consortium');
    });

    it('lists page alike, and the reconciliation comes out alike as CSV', async () => {
      const pages = async (http: HttpClient) => {
        const seen: string[] = [];
        for (let offset = 0; ; offset += 2) {
          const page = await http.get(`/v1/consortia?limit=2&offset=${offset}&minPosition=${head}`, { as: 'viewer' });
          expect(page.status).toBe(200);
          if (page.body.items.length === 0) return seen;
          seen.push(...page.body.items.map((c: { id: string }) => c.id));
        }
      };
      const onPostgres = await pages(queries.http);
      expect(onPostgres.length).toBe(ids.consortia.length + 1);
      expect(new Set(onPostgres).size).toBe(onPostgres.length);
      expect(onPostgres).toEqual(await pages(referenceHttp));
      const csv = (http: HttpClient) =>
        http.get(`/v1/reconciliation?fiscalYear=2026&minPosition=${head}`, {
          as: 'supervisor',
          headers: { accept: 'text/csv' },
        });
      const [postgres, sqlite] = await Promise.all([csv(queries.http), csv(referenceHttp)]);
      expect(postgres.headers.get('content-type')).toContain('text/csv');
      expect(postgres.text.split('\r\n').length).toBeGreaterThan(2);
      expect(postgres.text).toBe(sqlite.text);
    });

    it('the CLI on PostgreSQL: verify walks the chain, rebuild replays every read model identical, a tampered row is named', async () => {
      const cli = (...args: string[]) =>
        run(process.execPath, ['dist/apps/cli/ledger.cli.js', ...args], {
          cwd: ROOT,
          env: { ...cleanEnv(), ...env },
        }).then(
          ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
          (error: { code: number; stdout: string; stderr: string }) => error,
        );
      const verified = await cli('verify', '--json');
      expect(verified.code).toBe(0);
      expect(JSON.parse(verified.stdout)).toEqual({
        ok: true,
        checked: head,
        head: { position: head, hash: expect.stringMatching(/^[0-9a-f]{64}$/), recordedAt: expect.any(String) },
      });

      const live = await dumpReadModels();
      expect(Object.keys(live)).toHaveLength(PROJECTIONS.length + 2);
      const rebuilt = await cli('rebuild', '--json');
      expect(rebuilt.code).toBe(0);
      expect(JSON.parse(rebuilt.stdout)).toMatchObject({
        events: head,
        readModels: PROJECTIONS.length,
        position: head,
      });
      expect(await dumpReadModels()).toEqual(live);

      await server.withClient(database, (client) =>
        client.query(`UPDATE ${SCHEMA}.events SET data = replace(data, '2025', '2024') WHERE position = 5`),
      );
      const broken = await cli('verify', '--lang', 'en');
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('hash chain BROKEN at position 5');
    });
  });

  it('when PostgreSQL goes away: both processes answer /health/ready 503 naming the store, and /health/live 200', async () => {
    await server.stop();
    for (const process of [commands, queries]) {
      const ready = await process.http.get('/health/ready', { as: null });
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'error', error: { eventStore: { status: 'down' } } });
      expect((await process.http.get('/health/live', { as: null })).status).toBe(200);
    }
  });

  /** Every read-model row in the schema, table by table, in a total order (checkpoint times aside). */
  async function dumpReadModels(): Promise<Record<string, unknown[]>> {
    return server.withClient(database, async (client) => {
      const tables = await client.query<{ table_name: string; columns: number }>(
        `SELECT table_name, count(*)::int AS columns FROM information_schema.columns
          WHERE table_schema = $1 AND table_name LIKE 'rm\\_%' GROUP BY table_name ORDER BY table_name`,
        [SCHEMA],
      );
      const dump: Record<string, unknown[]> = {};
      for (const { table_name: table, columns } of tables.rows) {
        const select =
          table === 'rm_checkpoints'
            ? `SELECT projection, position, version FROM ${SCHEMA}.rm_checkpoints ORDER BY projection`
            : `SELECT * FROM ${SCHEMA}."${table}" ORDER BY ${Array.from({ length: columns }, (_, i) => i + 1).join(', ')}`;
        dump[table] = (await client.query(select)).rows;
      }
      return dump;
    });
  }
});
