import type { onRequestHookHandler } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timeOrderedUuid } from '../commands/command-metadata';
import { chinaDate, LedgerConfig } from '../config/ledger.config';
import { requestFactsOf } from './request-facts';

export interface RequestContext {
  /** Business "today": commands and queries never read the wall clock themselves. */
  today: () => string;
  /** `X-Correlation-Id` as sent, or a new one; echoed on the answer and recorded on every event the request causes. */
  correlationId: string;
}

/** What an `X-Correlation-Id` or `X-Causation-Id` may be: 1–128 of `A–Z a–z 0–9 _ . : -`. */
export const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * The first thing a request meets, before its body is read: every answer (404s, 413s too) carries its correlation id.
 * A Fastify hook rather than Nest middleware, which Fastify runs through @fastify/middie at a cost on every request.
 */
export function requestContextHook(config: Pick<LedgerConfig, 'today'>): onRequestHookHandler {
  return (request, reply, done) => {
    takeCorrelationId(request.raw, reply.raw);
    requestFactsOf(request.raw).today = config.today;
    done();
  };
}

/** `X-Correlation-Id` as sent (when well-formed) or a new one: kept with the request's facts and echoed on the answer. */
export function takeCorrelationId(request: IncomingMessage, response: ServerResponse): string {
  const sent = request.headers['x-correlation-id'];
  const correlationId = typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : timeOrderedUuid();
  requestFactsOf(request).correlationId = correlationId;
  response.setHeader('X-Correlation-Id', correlationId);
  return correlationId;
}

/** The request's context, given Node's request or the adapter's wrapper of it. */
export function requestContextOf(request: object): RequestContext {
  const { today, correlationId } = requestFactsOf(request);
  return {
    today: today ?? (() => chinaDate(new Date())),
    correlationId: correlationId ?? timeOrderedUuid(),
  };
}
