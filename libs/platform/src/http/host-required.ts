import { say } from '@ledger/domain/shared/sentence';
import type { FastifyInstance } from 'fastify';
import { TransportRefusal } from './transport-refusal';

/**
 * An HTTP/1.1 request must name its Host (RFC 9112, 3.2): one that does not is refused 400 here, in the ledger's
 * envelope with its correlation id and log line. Node's own check (`requireHostHeader`, turned off for this) answered
 * a bare 400 outside all three.
 */
export function hostRequired(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const { httpVersionMajor, httpVersionMinor, headers } = request.raw;
    if (headers.host !== undefined || httpVersionMajor !== 1 || httpVersionMinor < 1) return done();
    done(new TransportRefusal(400, 'invalid-input', say`an HTTP/1.1 request must name its Host`));
  });
}
