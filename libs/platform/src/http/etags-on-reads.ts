import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';

const READS = new Set(['GET', 'HEAD']);

/** If-None-Match names the answer's ETag, given with or without the weak prefix (as @fastify/etag compares). */
const matches = (ifNoneMatch: string | undefined, etag: string) =>
  ifNoneMatch !== undefined && (ifNoneMatch === etag || `W/${ifNoneMatch}` === etag || ifNoneMatch === `W/${etag}`);

/**
 * A weak ETag on every read, and 304 to an If-None-Match that names it, as Express answered reads (the same tag
 * @fastify/etag made: a SHA-1 of the body). Only reads: the answer to a command is never asked for again by its tag,
 * so hashing it would be work on every command for nothing.
 */
export function etagsOnReads(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const hashable = typeof payload === 'string' || Buffer.isBuffer(payload);
    if (!READS.has(request.method) || !hashable) return done(null, payload);
    // An answer kept with its tag (AnswersAtCheckpoints) brings it; any other is hashed here.
    const etag = String(reply.getHeader('etag') ?? `W/"${createHash('sha1').update(payload).digest('base64')}"`);
    reply.header('etag', etag);
    if (!matches(request.headers['if-none-match'], etag)) return done(null, payload);
    reply.code(304);
    reply.removeHeader('content-encoding'); // no body: none is encoded
    done(null, '');
  });
}
