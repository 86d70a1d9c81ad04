import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { timeOrderedUuid } from '../commands/command-metadata';
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

/** Node's HTTP parser's error codes for a request it could not read, and what the ledger answers each. */
function clientErrorAnswer(code: string | undefined): { status: number; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, message: 'the request line and headers are over 16 KB' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, message: 'the request was not received in time' };
  return { status: 400, message: 'the request is not valid HTTP/1.1 (its line, a header or its framing)' };
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (a header over 16 KB, a malformed chunked body or
 * Content-Length, a control character in a header): answered, as every refusal is, in the error envelope with a
 * correlation id and one line at warn, then the connection is closed (the rest of its bytes cannot be trusted).
 * Fastify's own handler answered `{"error":"Bad Request","message":"Client Error","statusCode":400}` without one.
 */
export function answerClientError(logger: Logger) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const { status, message } = clientErrorAnswer(error.code);
    const correlationId = timeOrderedUuid();
    logger.warn({ correlationId, status, refusal: message, parserError: error.code }, 'request refused');
    if (socket.writable) {
      const body = JSON.stringify({ error: 'invalid-input', message });
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nX-Correlation-Id: ${correlationId}\r\n` +
          `Connection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}

/**
 * An `Expect` other than `100-continue`: 417 in the error envelope with a correlation id (Node's own answer has no
 * body), and nothing of the request is read.
 */
export function answerUnmetExpectation(logger: Logger) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const correlationId = timeOrderedUuid();
    const message = 'the only expectation the ledger meets is Expect: 100-continue';
    logger.warn({ correlationId, status: 417, refusal: message, url: request.url }, 'request refused');
    const body = JSON.stringify({ error: 'invalid-input', message });
    response.writeHead(417, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'x-correlation-id': correlationId,
      connection: 'close',
    });
    response.end(body);
  };
}
