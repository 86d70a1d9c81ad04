import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { logRequest, markRefused } from '../logging/request-log';
import { takeCorrelationId } from './request-context.hook';

/**
 * What Fastify refuses before routing, where neither hooks nor Nest's exception filter run: a URL whose
 * percent-encoding is not UTF-8 (`/v1/consortia/%f9`), a path parameter over the router's limit. Answered as every
 * refusal is — a 4xx in the error envelope, with its correlation id, one line at warn.
 */
export function answerFrameworkError(logger: Logger) {
  return (error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply): void => {
    takeCorrelationId(request.raw, reply.raw);
    logRequest(logger, request, reply.raw);
    const status =
      error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
    const message =
      status === 414
        ? 'a path segment is longer than the ledger reads'
        : 'the URL is not valid: its percent-encoding must be UTF-8';
    markRefused(reply.raw, message);
    void reply.code(status).send({ error: 'invalid-input', message });
  };
}
