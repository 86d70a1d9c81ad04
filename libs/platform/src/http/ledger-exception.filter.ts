import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { IdempotentReplay } from '../idempotency/idempotency-keys';
import { markFailed } from '../logging/request-log';
import { ledgerErrorBody } from './ledger-error-body';

/**
 * Every error leaves as `{ error, message, rule?, citation?, details? }` (API.md, "Errors"), answered through the HTTP
 * adapter so the filter works on any of them. A 5xx is logged once, with its stack, on the request's log line. The
 * first answer to a repeated Idempotency-Key (success or error) leaves here too, as it was given.
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
    // 503 projection-lagging is the ledger working as designed (a read that asked to wait too long), not a fault.
    if (status >= 500 && status !== 503) markFailed(response, exception);
    http.reply(response, body, status);
  }
}
