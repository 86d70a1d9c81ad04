import type { IncomingMessage } from 'node:http';

/** What the ledger learns about a request on its way through: used by the commands it causes and by its log line. */
export interface RequestFacts {
  /** `X-Correlation-Id` as sent, or one the ledger made (requestContextHook). */
  correlationId?: string;
  /** Business "today" for the request (requestContextHook). */
  today?: () => string;
  /** The actor of the bearer token, once it is known (AuthGuard). */
  actor?: string;
  /** `POST /v1/consortia/:id/reviews`: the method and route pattern that matched (RequestLabelGuard). */
  route?: string;
  /** `RecordReviewHttpController.handle`: the controller and handler that answered (RequestLabelGuard). */
  handler?: string;
}

const FACTS = Symbol('ledgerRequestFacts');

type CarriesFacts = { [FACTS]?: RequestFacts };

/**
 * Node's own request object under the adapter's wrapper (Fastify's `request.raw`; Express uses Node's object itself).
 * Middleware and the request logger see only Node's object, guards and interceptors only the wrapper: facts are kept
 * on Node's object so that every one of them finds the same facts.
 */
export function nodeRequestOf(request: object): IncomingMessage {
  const raw = (request as { raw?: unknown }).raw;
  return (typeof raw === 'object' && raw !== null ? raw : request) as IncomingMessage;
}

/** The facts of a request (created empty on first use), given Node's request or the adapter's wrapper of it. */
export function requestFactsOf(request: object): RequestFacts {
  const node = nodeRequestOf(request) as IncomingMessage & CarriesFacts;
  node[FACTS] ??= {};
  return node[FACTS];
}
