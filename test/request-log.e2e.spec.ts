import { Controller, Get, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLedgerApp, ledgerConfigFromEnv, Public } from '@ledger/platform';
import { LedgerModule } from '../apps/ledger.module';
import { filingBody } from './support/consortium-requests';
import { HttpClient } from './support/http-client';
import { TOKENS } from './support/ledger-test-app';

/** A route that fails as a bug would: the ledger answers 500 and logs why. */
// A test's own route, not part of the ledger's contract (the OpenAPI document would refuse it: no answer schema).
@ApiExcludeController()
@Controller('test')
class FailingController {
  @Public()
  @Get('failure')
  fail(): never {
    throw new Error('the disk is gone');
  }
}

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** The ledger's log, as the lines an operator's collector would receive. */
class CapturedLog extends Writable {
  readonly lines: LogLine[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) this.lines.push(JSON.parse(line) as LogLine);
    done();
  }
  /** A request's lines; its line is written when its answer has been sent, so they are waited for a moment. */
  async linesOf(correlationId: string): Promise<LogLine[]> {
    for (let waited = 0; waited < 1000; waited += 10) {
      if (this.lines.some((line) => line.correlationId === correlationId)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.lines.filter((line) => line.correlationId === correlationId);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the request log (pino): one JSON line per request', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-log-'));
  const log = new CapturedLog();
  let app: NestFastifyApplication;
  let http: HttpClient;

  beforeAll(async () => {
    const config = ledgerConfigFromEnv(
      {
        LEDGER_DATA_DIR: dataDir,
        LEDGER_ADMIN_TOKEN: TOKENS.admin,
        LEDGER_TOKENS: `${TOKENS.officer}:officer.zhang:officer`,
      },
      0,
    );
    @Module({ imports: [LedgerModule.forRoot(config)], controllers: [FailingController] })
    class LedgerWithFailingRoute {}
    app = await createLedgerApp(LedgerWithFailingRoute, {
      title: 'test',
      description: 'test',
      logger: ['log', 'warn', 'error'],
      logDestination: log,
    });
    await app.listen(0, '127.0.0.1');
    http = new HttpClient(await app.getUrl(), { 'accept-language': 'en' });
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const withCorrelation = (correlationId: string) => ({ headers: { 'x-correlation-id': correlationId } });

  it('names the request, its correlation id, the actor, the route and handler, the status and the duration', async () => {
    const filed = await http.post('/v1/consortia', filingBody('liaoning-2021-alliance'), {
      as: 'officer',
      ...withCorrelation('oa-log-1'),
    });
    expect(filed.status).toBe(201);
    const lines = await log.linesOf('oa-log-1');
    // One line for the request, none from the command it ran.
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      requestId: expect.stringMatching(UUID),
      correlationId: 'oa-log-1',
      actor: 'officer.zhang',
      route: 'POST /v1/consortia',
      handler: 'FileConsortiumHttpController.file',
      method: 'POST',
      url: '/v1/consortia',
      status: 201,
      durationMs: expect.any(Number),
      msg: 'POST /v1/consortia 201',
    });
  });

  it('logs a refusal (4xx) at info on its request line alone, with the route it asked for', async () => {
    const refused = await http.post('/v1/consortia', filingBody('liaoning-2021-alliance'), {
      as: null,
      ...withCorrelation('oa-log-2'),
    });
    expect(refused.status).toBe(401);
    const lines = await log.linesOf('oa-log-2');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, status: 401, route: 'POST /v1/consortia' });
    expect(lines[0]).not.toHaveProperty('actor');
    expect(lines[0]).not.toHaveProperty('err');
  });

  it('logs a 5xx once, at error, with the exception and its stack; the answer says nothing of it', async () => {
    const failed = await http.get('/test/failure', withCorrelation('oa-log-3'));
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ error: 'internal', message: 'the ledger could not complete the request' });
    const lines = await log.linesOf('oa-log-3');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, status: 500, handler: 'FailingController.fail' });
    expect(lines[0].err).toMatchObject({ message: 'the disk is gone', stack: expect.stringContaining('fail') });
    expect(log.lines.filter((line) => line.level >= 50)).toHaveLength(1);
  });

  it("keeps Nest's start-up lines (modules, routes) out of the info log", () => {
    const startUp = log.lines.filter((line) => ['InstanceLoader', 'RouterExplorer'].includes(String(line.context)));
    expect(startUp).toEqual([]);
  });
});
