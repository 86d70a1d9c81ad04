import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { markFailed } from '../logging/request-log';
import { ledgerErrorBody } from './ledger-error-body';

/**
 * Every error leaves as `{ error, message, rule?, citation?, details? }` (API.md, "Errors"), answered through the HTTP
 * adapter so the filter works on any of them. A 5xx is logged once, with its stack, on the request's log line.
 */
@Catch()
export class LedgerExceptionFilter implements ExceptionFilter {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<object>();
    const [status, body] = ledgerErrorBody(exception);
    // 503 projection-lagging is the ledger working as designed (a read that asked to wait too long), not a fault.
    if (status >= 500 && status !== 503) markFailed(response, exception);
    this.adapterHost.httpAdapter.reply(response, body, status);
  }
}
