import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

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
 * validation see it): files as Buffers, fields as strings. A body busboy cannot read is 400, a limit passed 413.
 */
export async function multipartBodies(fastify: FastifyInstance): Promise<void> {
  await fastify.register(multipart, { limits: MULTIPART_LIMITS });
  fastify.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    const body: Record<string, unknown> = {};
    try {
      for await (const part of request.parts()) {
        body[part.fieldname] = part.type === 'file' ? await part.toBuffer() : part.value;
      }
    } catch (error) {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) throw error;
      throw new MalformedMultipartError(`the multipart/form-data body could not be read: ${(error as Error).message}`);
    }
    request.body = body;
  });
}
