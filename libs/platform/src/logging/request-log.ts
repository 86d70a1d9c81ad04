import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import type { Options } from 'pino-http';
import { requestFactsOf } from '../http/request-facts';
import type { LedgerLogLevel } from './log-level';

/**
 * Records the exception behind a 5xx for the request's log line, given Node's response or the adapter's wrapper of it:
 * pino-http logs the error it finds on Node's response (`res.err`) on the request's line, stack included.
 */
export function markFailed(response: object, exception: unknown): void {
  const raw = (response as { raw?: unknown }).raw;
  const node = (typeof raw === 'object' && raw !== null ? raw : response) as ServerResponse;
  node.err = exception instanceof Error ? exception : new Error(String(exception));
}

const pathOf = (request: IncomingMessage) =>
  (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url;

/** The fields of a request's line, read when its answer has been sent. */
function requestLine(request: IncomingMessage, response: ServerResponse, durationMs: number) {
  const { correlationId, actor, route, handler } = requestFactsOf(request);
  return {
    correlationId,
    actor,
    route,
    handler,
    method: request.method,
    url: pathOf(request),
    status: response.statusCode,
    durationMs,
  };
}

/**
 * One line per HTTP request, when its answer is sent:
 * `{ requestId, correlationId, actor, route, handler, method, url, status, durationMs, msg }`, at info; a 5xx at
 * error with the exception and its stack (`err`); 503 (a read that waited for the projections in vain) at warn.
 */
export function requestLogOptions(level: LedgerLogLevel): Options {
  return {
    level,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    genReqId: () => randomUUID(),
    // Loggers made for a request carry only its id (app logs written while it runs, too); its line is built below.
    quietReqLogger: true,
    quietResLogger: true,
    // pino-http binds the whole request to a logger no line here uses: nothing of it is serialized.
    wrapSerializers: false,
    serializers: { req: () => undefined, res: () => undefined, err: pino.stdSerializers.err },
    customLogLevel: (_request, response, error) => {
      if (error || response.err !== undefined) return 'error';
      if (response.statusCode === 503) return 'warn';
      return response.statusCode >= 500 ? 'error' : 'info';
    },
    customSuccessObject: (request, response, { durationMs }: { durationMs: number }) =>
      requestLine(request, response, durationMs),
    customErrorObject: (request, response, error, { durationMs }: { durationMs: number }) => ({
      ...requestLine(request, response, durationMs),
      ...(response.err !== undefined && { err: error }),
    }),
    customSuccessMessage: (request, response) =>
      `${request.method} ${pathOf(request)} ${response.writableEnded ? response.statusCode : 'aborted'}`,
    customErrorMessage: (request, response) => `${request.method} ${pathOf(request)} ${response.statusCode}`,
  };
}
