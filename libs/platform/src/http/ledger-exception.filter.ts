import { renderWords } from '@ledger/presentation/sentences/render-words';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { IdempotentReplay } from '../idempotency/idempotency-keys';
import { markFailed, markRefused } from '../logging/request-log';
import { ledgerErrorBody } from './ledger-error-body';
import { storageFailureCode } from '../storage-failure';
import { TransportRefusal } from './transport-refusal';

/** RFC 6750: a 401 names the scheme that would do. */
const BEARER_CHALLENGE = 'Bearer realm="consortium-ledger"';

/**
 * Every error leaves as `{ error, message, rule?, citation?, details? }` (API.md, "Errors"), answered through the HTTP
 * adapter so the filter works on any of them. A 5xx is logged once, with its stack, on the request's log line; the
 * HTTP layer's own refusals (a body it will not read, TransportRefusal or Fastify's 4xx errors) at warn, without one.
 * A 401 carries `WWW-Authenticate: Bearer`. The first answer to a repeated Idempotency-Key (success or error) leaves
 * here too, as it was given.
 */
@Catch()
export class LedgerExceptionFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<object>();
    const http = this.adapterHost.httpAdapter;
    if (exception instanceof IdempotentReplay) {
      http.setHeader(response, 'Idempotent-Replayed', 'true');
      http.reply(response, exception.answer.body, exception.answer.status);
      return;
    }
    const [status, body] = ledgerErrorBody(exception);
    // 503 projection-lagging is the ledger working as designed (a read that asked to wait too long), not a fault; a
    // store that cannot write is one, and its line keeps the stack.
    if (status >= 500 && (status !== 503 || storageFailureCode(exception) !== undefined))
      markFailed(response, exception);
    else if (isTransportError(exception, status)) markRefused(response, renderWords(body.message, 'en'));
    if (exception instanceof TransportRefusal) {
      for (const [name, value] of Object.entries(exception.headers)) http.setHeader(response, name, value);
    }
    if (status === 401) http.setHeader(response, 'WWW-Authenticate', BEARER_CHALLENGE);
    http.reply(response, body, status);
  }
}

/**
 * Refused by the HTTP layer (the ledger's body parsers; Fastify's own errors, which carry a `statusCode`; a body too
 * large or of a media type nothing reads, which Nest passes on as HttpExceptions), not by a guard, pipe or handler.
 */
function isTransportError(exception: unknown, status: number): boolean {
  if (exception instanceof TransportRefusal || status === 413 || status === 415) return true;
  return (
    status < 500 && exception instanceof Error && !(exception instanceof HttpException) && 'statusCode' in exception
  );
}
