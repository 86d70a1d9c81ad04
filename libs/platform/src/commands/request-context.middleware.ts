import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { chinaDate, LEDGER_CONFIG, LedgerConfig } from '../config/ledger.config';
import { timeOrderedUuid } from './command-metadata';

const CONTEXT = Symbol('ledgerRequestContext');

export interface RequestContext {
  /** Business "today": commands and queries never read the wall clock themselves. */
  today: () => string;
  /** `X-Correlation-Id` as sent, or a new one; echoed on the answer and recorded on every event the request causes. */
  correlationId: string;
}

const CORRELATION_ID = /^[\w.:-]{1,128}$/;

@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  constructor(@Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  use(request: any, response: { setHeader(name: string, value: string): void }, next: () => void): void {
    const sent = request.headers['x-correlation-id'];
    const correlationId = typeof sent === 'string' && CORRELATION_ID.test(sent) ? sent : timeOrderedUuid();
    request[CONTEXT] = { today: this.config.today, correlationId } satisfies RequestContext;
    response.setHeader('X-Correlation-Id', correlationId);
    next();
  }
}

export function requestContextOf(request: any): RequestContext {
  return request[CONTEXT] ?? { today: () => chinaDate(new Date()), correlationId: timeOrderedUuid() };
}
