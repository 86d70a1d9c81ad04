import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Level, Logger } from 'pino';
import { requestFactsOf } from '../http/request-facts';

/** The exception behind a 5xx, kept on Node's response for the request's line (as pino-http read it, `res.err`). */
type FailedResponse = ServerResponse & { err?: Error; refusal?: string };

/**
 * Records the exception behind a 5xx for the request's log line, given Node's response or the adapter's wrapper of it:
 * the line carries it, stack included, as `err`.
 */
export function markFailed(response: object, exception: unknown): void {
  const raw = (response as { raw?: unknown }).raw;
  const node = (typeof raw === 'object' && raw !== null ? raw : response) as FailedResponse;
  node.err = exception instanceof Error ? exception : new Error(String(exception));
}

/** A refusal by the HTTP layer itself (a body it will not read): its line is at warn, with the reason, no stack. */
export function markRefused(response: object, reason: string): void {
  const raw = (response as { raw?: unknown }).raw;
  const node = (typeof raw === 'object' && raw !== null ? raw : response) as FailedResponse;
  node.refusal = reason;
}

/** info; a refusal by the HTTP layer at warn; a 5xx at error (with the exception, where the ledger caught one); 503, a read that waited in vain, at warn. */
function levelOf(response: FailedResponse): Level {
  if (response.err !== undefined) return 'error';
  if (response.statusCode === 503 || response.refusal !== undefined) return 'warn';
  return response.statusCode >= 500 ? 'error' : 'info';
}

function writeLine(logger: Logger, request: FastifyRequest, response: FailedResponse, startedAt: number): void {
  const level = levelOf(response);
  if (!logger.isLevelEnabled(level)) return;
  const { correlationId, actor, route, handler } = requestFactsOf(request.raw);
  const { method, url } = request.raw;
  const status = response.statusCode;
  const outcome = response.writableEnded ? status : 'aborted';
  logger[level](
    {
      requestId: request.id,
      correlationId,
      actor,
      route,
      handler,
      method,
      url,
      status,
      durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
      ...(response.err !== undefined && { err: response.err }),
      ...(response.refusal !== undefined && { refusal: response.refusal }),
    },
    `${method} ${url} ${outcome}`,
  );
}

/**
 * One line per HTTP request, when its answer has been sent (or its connection closed first: "aborted"):
 * `{ requestId, correlationId, actor, route, handler, method, url, status, durationMs, msg }`. A Fastify hook and one
 * `logger` call per request — no logger made per request and no async context kept for one (pino-http through
 * nestjs-pino made two child loggers a request and an AsyncLocalStorage run, whose hooks every promise then paid for).
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    logRequest(logger, request, reply.raw);
    done();
  });
}

/** The line of one request, written when its answer has been sent (for requests no hook sees: framework-errors.ts). */
export function logRequest(logger: Logger, request: FastifyRequest, response: ServerResponse): void {
  const startedAt = performance.now();
  // 'close' follows 'finish' once the answer is sent, and comes alone when the connection closed before it.
  response.once('close', () => writeLine(logger, request, response, startedAt));
}
