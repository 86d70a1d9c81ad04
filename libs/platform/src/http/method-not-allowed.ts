import { say } from '@ledger/domain/shared/sentence';
import { renderWords } from '@ledger/presentation/sentences/render-words';
import type { FastifyInstance } from 'fastify';
import { markRefused } from '../logging/request-log';

interface KnownRoute {
  pattern: RegExp;
  methods: Set<string>;
}

/** `/v1/consortia/:id/reviews` → a pattern as the router matches it: any letter case, an optional trailing slash. */
function patternOf(url: string): RegExp {
  const source = url
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}/?$`, 'i');
}

/**
 * A known path asked with a method it lacks answers 405 with `Allow` (not 404): the routes are collected as they are
 * declared, and a request the router found nothing for is checked against them before the 404 handler runs.
 */
export function methodNotAllowed(fastify: FastifyInstance): void {
  const routes = new Map<string, KnownRoute>();
  fastify.addHook('onRoute', (route) => {
    const known = routes.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
    for (const method of [route.method].flat()) known.methods.add(method.toUpperCase());
    if (known.methods.has('GET')) known.methods.add('HEAD');
    routes.set(route.url, known);
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.is404) return done();
    const path = (request.raw.url ?? '/').split('?')[0];
    const allowed = new Set<string>();
    for (const route of routes.values()) if (route.pattern.test(path)) route.methods.forEach((m) => allowed.add(m));
    if (allowed.size === 0) return done();
    const allow = [...allowed].sort().join(', ');
    const message = say`${request.method} is not a method of ${path}; it allows ${allow}`;
    markRefused(reply.raw, renderWords(message, 'en'));
    void reply.code(405).header('Allow', allow).send({ error: 'method-not-allowed', message });
  });
}
