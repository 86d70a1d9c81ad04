import fastifyEtag from '@fastify/etag';
import { DynamicModule, Logger, LogLevel, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { DestinationStream } from 'pino';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { LedgerLogger } from '../logging/ledger-logger';
import { LedgerLogLevel, logLevelFromEnv, logLevelFromNest } from '../logging/log-level';
import { LoggingModule } from '../logging/logging.module';
import { formBodyParser, jsonBodyParser } from './json-body.parser';

export interface LedgerAppOptions {
  title: string;
  description: string;
  /** Nest's levels to log (false: nothing); without it, `LOG_LEVEL` (default `info`). */
  logger?: LogLevel[] | false;
  /** Where log lines go: stdout (pretty on a terminal, JSON otherwise) unless given. */
  logDestination?: DestinationStream;
}

/** A filing may list up to 1000 member units; Fastify's default of 1 MiB would cut it short. */
const BODY_LIMIT = 2 * 1024 * 1024;

/**
 * Routing as under Express, so no URL that worked stops working: a trailing slash and letter case do not matter, and
 * a path parameter may be as long as Node lets a request line be (Fastify's default is 100 characters).
 */
const ROUTER_OPTIONS = { ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: 16 * 1024 };

/** The app's own modules, with the logging every ledger app has. */
@Module({})
class LedgerHttpModule {
  static around(
    root: Type<unknown> | DynamicModule,
    level: LedgerLogLevel,
    destination?: DestinationStream,
  ): DynamicModule {
    return { module: LedgerHttpModule, imports: [LoggingModule.forRoot(level, destination), root] };
  }
}

/** A Nest app on Fastify, logging with pino, with the OpenAPI description at /docs (JSON at /docs-json). */
export async function createLedgerApp(
  root: Type<unknown> | DynamicModule,
  options: LedgerAppOptions,
): Promise<NestFastifyApplication> {
  const level = options.logger === undefined ? logLevelFromEnv() : logLevelFromNest(options.logger);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    routerOptions: ROUTER_OPTIONS,
    // The request id on each log line: unique across restarts and processes (Fastify's own counts req-1, req-2, …).
    genReqId: () => randomUUID(),
    // While closing, a request already on an open connection is still answered (with Connection: close), as Node's
    // server did under Express; Fastify's default would answer it 503 outside the ledger's error envelope.
    return503OnClosing: false,
  });
  const modules = LedgerHttpModule.around(root, level, options.logDestination);
  // Nest's own start-up lines wait for the app's logger (pino) instead of going to the console.
  const app = await NestFactory.create<NestFastifyApplication>(modules, adapter, { bufferLogs: true });
  app.useLogger(app.get(LedgerLogger));
  app.useBodyParser('application/json', {}, jsonBodyParser(app.getHttpAdapter().getInstance()));
  app.useBodyParser('application/x-www-form-urlencoded', {}, formBodyParser);
  // Weak ETags and 304 on If-None-Match, as Express answered every read.
  await app.register(fastifyEtag, { weak: true });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth()
      .addGlobalParameters({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'On a POST: the same key with the same body answers the first answer again and records nothing new; with another body, 422 idempotency-key-reused.',
      })
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}

/**
 * Every interface, as Express listened when given no host: `::` takes IPv6 and IPv4 alike, where the machine has
 * IPv6 at all; otherwise `0.0.0.0`. (Fastify, given no host, would listen on localhost only.)
 */
export function allInterfaces(): string {
  const hasIpv6 = Object.values(networkInterfaces()).some((addresses) =>
    addresses?.some((address) => address.family === 'IPv6'),
  );
  return hasIpv6 ? '::' : '0.0.0.0';
}

/** The URL an operator can open: `http://localhost:3000` when listening on every interface. */
export async function printableUrl(app: NestFastifyApplication): Promise<string> {
  return (await app.getUrl()).replace('[::1]', 'localhost');
}

/**
 * Stops listening and waits for the requests in flight to be answered. Node closes the connections that are idle when
 * closing begins; one busy then becomes idle after its answer and would stay open for its keep-alive timeout (72 s on
 * Fastify), holding the close up: idle connections are closed again until the server has closed.
 */
async function stopTakingRequests(app: NestFastifyApplication): Promise<void> {
  const server: Server = app.getHttpServer();
  const closeIdle = setInterval(() => server.closeIdleConnections(), 50);
  try {
    await app.getHttpAdapter().close();
  } finally {
    clearInterval(closeIdle);
  }
}

/**
 * On SIGTERM or SIGINT: stop taking requests and answer those in flight, then let queued appends commit and the
 * projections finish their batch (`app.close()` runs every shutdown hook), then exit 0.
 */
export function closeOnSignals(app: NestFastifyApplication): void {
  const logger = new Logger('Ledger');
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: closing the ledger`);
    // The HTTP server first: Nest's close runs the modules' destroy hooks (which close the projections' read store)
    // before it closes the server, and a request still running would find its store gone. Closing twice is harmless.
    await stopTakingRequests(app);
    await app.close();
  };
  const exitAfterClosing = (signal: string) =>
    close(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(error);
        process.exit(1);
      },
    );
  process.once('SIGTERM', () => void exitAfterClosing('SIGTERM'));
  process.once('SIGINT', () => void exitAfterClosing('SIGINT'));
}
