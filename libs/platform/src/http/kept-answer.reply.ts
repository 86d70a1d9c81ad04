import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import type { KeptAnswer } from '../projections/answers-at-checkpoints';

/**
 * Sends an answer kept as bytes (AnswersAtCheckpoints): gzipped to a client whose `Accept-Encoding` prefers gzip to
 * none, as every browser's does; as it is to any other (no `Accept-Encoding`: none). Both carry the answer's one weak
 * ETag: the same JSON, only encoded differently, which a weak tag allows.
 */
export function sendKeptAnswer(request: FastifyRequest, reply: FastifyReply, answer: KeptAnswer): Buffer {
  reply.header('content-type', 'application/json; charset=utf-8').header('etag', answer.etag);
  reply.header('vary', 'Accept-Encoding');
  if (!acceptsGzip(request.headers['accept-encoding'])) return answer.body;
  reply.header('content-encoding', 'gzip');
  return answer.gzipped;
}

/** The last header weighed: the clients of one dashboard send one and the same. */
let lastWeighed: { header: string | undefined; gzip: boolean } = { header: undefined, gzip: false };

function acceptsGzip(header: string | undefined): boolean {
  if (lastWeighed.header !== header) {
    const gzip = new Negotiator({ headers: { 'accept-encoding': header } }).encoding(['identity', 'gzip']) === 'gzip';
    lastWeighed = { header, gzip };
  }
  return lastWeighed.gzip;
}
