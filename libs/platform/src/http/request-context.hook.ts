import type { onRequestHookHandler } from 'fastify';
import { timeOrderedUuid } from '../commands/command-metadata';
import { chinaDate, LedgerConfig } from '../config/ledger.config';
import { requestFactsOf } from './request-facts';

export interface RequestContext {
  /** Business "today": commands and queries never read the wall clock themselves. */
  today: () => string;
  /** `X-Correlation-Id` as sent, or a new one; echoed on the answer and recorded on every event the request causes. */
  correlationId: string;
}

const CORRELATION_ID = /^[\w.:-]{1,128}$/;

/**
 * The first thing a request meets, before its body is read: every answer (404s, 413s too) carries its correlation id.
 * A Fastify hook rather than Nest middleware, which Fastify runs through @fastify/middie at a cost on every request.
 */
export function requestContextHook(config: Pick<LedgerConfig, 'today'>): onRequestHookHandler {
  return (request, reply, done) => {
    const sent = request.headers['x-correlation-id'];
    const correlationId = typeof sent === 'string' && CORRELATION_ID.test(sent) ? sent : timeOrderedUuid();
    const facts = requestFactsOf(request.raw);
    facts.correlationId = correlationId;
    facts.today = config.today;
    reply.raw.setHeader('X-Correlation-Id', correlationId);
    done();
  };
}

/** The request's context, given Node's request or the adapter's wrapper of it. */
export function requestContextOf(request: object): RequestContext {
  const { today, correlationId } = requestFactsOf(request);
  return {
    today: today ?? (() => chinaDate(new Date())),
    correlationId: correlationId ?? timeOrderedUuid(),
  };
}
