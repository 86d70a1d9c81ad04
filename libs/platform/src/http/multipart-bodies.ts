import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { say } from '@ledger/domain/shared/sentence';
import { refusalOf } from './body-parsers';
import { TransportRefusal } from './transport-refusal';

/**
 * Uploads (a payment statement to match, `POST /v1/reconciliations`): one file of up to 20 MiB and a few fields. More
 * is a 413 naming the limit.
 */
const MULTIPART_LIMITS = { fileSize: 20 * 1024 * 1024, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 21 };

/** A multipart body that cannot be read: a 400 in the ledger's envelope (busboy's own errors carry no status). */
class MalformedMultipartError extends Error {
  readonly statusCode = 400;
}

/**
 * `multipart/form-data` read into the body before the route's guards, as JSON bodies are (so Idempotency-Key and
 * validation see it): files as Buffers, fields as strings. What every body parser refuses first (a content coding, a
 * charset other than UTF-8: `refusalOf`) is refused here too; a part named twice is 400 (which one counts would be a
 * guess, as a query parameter sent twice is); a body busboy cannot read is 400, a limit passed 413.
 */
export async function multipartBodies(fastify: FastifyInstance): Promise<void> {
  await fastify.register(multipart, { limits: MULTIPART_LIMITS });
  fastify.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    const refusal = refusalOf(request);
    if (refusal) throw refusal;
    const body: Record<string, unknown> = {};
    try {
      for await (const part of request.parts()) {
        if (Object.hasOwn(body, part.fieldname)) {
          throw new TransportRefusal(
            400,
            'invalid-input',
            say`the part "${part.fieldname.slice(0, 64)}" is sent more than once`,
          );
        }
        body[part.fieldname] = part.type === 'file' ? await part.toBuffer() : part.value;
      }
    } catch (error) {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (error instanceof TransportRefusal || (typeof status === 'number' && status >= 400 && status < 500))
        throw error;
      throw new MalformedMultipartError(`the multipart/form-data body could not be read: ${(error as Error).message}`);
    }
    request.body = body;
  });
}
