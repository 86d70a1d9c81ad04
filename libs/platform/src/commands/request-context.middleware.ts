import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { chinaDate, LEDGER_CONFIG, LedgerConfig } from '../config/ledger.config';
import { requestFactsOf } from '../http/request-facts';
import { timeOrderedUuid } from './command-metadata';

export interface RequestContext {
  /** Business "today": commands and queries never read the wall clock themselves. */
  today: () => string;
  /** `X-Correlation-Id` as sent, or a new one; echoed on the answer and recorded on every event the request causes. */
  correlationId: string;
}

const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/** Runs on Node's own request and response, before routing: every answer (404s too) carries its correlation id. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware<IncomingMessage, ServerResponse> {
  constructor(@Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    const sent = request.headers['x-correlation-id'];
    const correlationId = typeof sent === 'string' && CORRELATION_ID.test(sent) ? sent : timeOrderedUuid();
    const facts = requestFactsOf(request);
    facts.correlationId = correlationId;
    facts.today = this.config.today;
    response.setHeader('X-Correlation-Id', correlationId);
    next();
  }
}

/** The request's context, given Node's request or the adapter's wrapper of it. */
export function requestContextOf(request: object): RequestContext {
  const { today, correlationId } = requestFactsOf(request);
  return {
    today: today ?? (() => chinaDate(new Date())),
    correlationId: correlationId ?? timeOrderedUuid(),
  };
}
