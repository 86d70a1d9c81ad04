import { DynamicModule, LogLevel, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { randomUUID } from 'node:crypto';
import { LEDGER_CONFIG, LedgerConfig } from '../config/ledger.config';
import { IdempotencyKeys, settleIdempotencyKeysOnSend } from '../idempotency/idempotency-keys';
import { LedgerLogger } from '../logging/ledger-logger';
import { ledgerPino } from '../logging/log-destination';
import { LedgerLogLevel, logLevelFromEnv, logLevelFromNest } from '../logging/log-level';
import { logRequests } from '../logging/request-log';
import { formBodyParser, jsonBodyParser } from './body-parsers';
import { multipartBodies } from './multipart-bodies';
import { answerInTheAskedLanguage } from './answer-language';
import { etagsOnReads } from './etags-on-reads';
import { answerClientError, answerFrameworkError, answerUnmetExpectation } from './framework-errors';
import { hostRequired } from './host-required';
import { methodNotAllowed } from './method-not-allowed';
import { serveOpenApi } from './open-api';
import { requestContextHook } from './request-context.hook';

export interface LedgerAppOptions {
  title: string;
  description: string;
  /** Nest's levels to log (false: nothing); without it, `logLevel`. */
  logger?: LogLevel[] | false;
  /** The configured level (LedgerConfig.logLevel); without it, `LOG_LEVEL` (default `info`). */
  logLevel?: LedgerLogLevel;
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

/** A Nest app on Fastify, logging with pino, with the OpenAPI description at /docs (JSON at /docs-json). */
export async function createLedgerApp(
  root: Type<unknown> | DynamicModule,
  options: LedgerAppOptions,
): Promise<NestFastifyApplication> {
  const level =
    options.logger !== undefined ? logLevelFromNest(options.logger) : (options.logLevel ?? logLevelFromEnv());
  const logger = ledgerPino(level, options.logDestination);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    routerOptions: ROUTER_OPTIONS,
    // The request id on each log line: unique across restarts and processes (Fastify's own counts req-1, req-2, …).
    genReqId: () => randomUUID(),
    // While closing, a request already on an open connection is still answered (with Connection: close), as Node's
    // server did under Express; Fastify's default would answer it 503 outside the ledger's error envelope.
    return503OnClosing: false,
    // A request without Host is refused by the ledger, in its envelope (host-required.ts), not by Node.
    http: { requireHostHeader: false },
    // The ledger has no Nest middleware (what a request needs first is a Fastify hook, below): without middie, no
    // middleware runner on every request.
    skipMiddie: true,
    // A URL Fastify cannot route (bad percent-encoding) gets the ledger's envelope, correlation id and log line.
    frameworkErrors: answerFrameworkError(logger),
    // …and so does a request Node's HTTP parser cannot read (framework-errors.ts).
    clientErrorHandler: answerClientError(logger),
  });
  // Nest's own start-up lines wait for the app's logger (pino) instead of going to the console.
  // abortOnError false: a provider failing at start-up (a store refusing) rejects here, for main's exitOnStartFailure,
  // instead of Nest aborting the process.
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(new LedgerLogger(logger));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.server.on('checkExpectation', answerUnmetExpectation(logger));
  fastify.addHook('onRequest', requestContextHook(app.get<LedgerConfig>(LEDGER_CONFIG)));
  hostRequired(fastify);
  logRequests(fastify, logger);
  methodNotAllowed(fastify);
  app.useBodyParser('application/json', {}, jsonBodyParser);
  app.useBodyParser('application/x-www-form-urlencoded', {}, formBodyParser);
  await multipartBodies(fastify);
  answerInTheAskedLanguage(fastify);
  etagsOnReads(fastify);
  settleIdempotencyKeysOnSend(fastify, app.get(IdempotencyKeys));
  serveOpenApi(app, options);
  return app;
}
