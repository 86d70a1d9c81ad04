import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { say, Words } from '@ledger/domain/shared/sentence';
import { refusalOf } from './body-parsers';
import { TransportRefusal } from './transport-refusal';

/**
 * Uploads (a payment statement to match, `POST /v1/reconciliations`): one file of up to 20 MiB and a few fields. More
 * is a 413 naming the limit.
 */
const MULTIPART_LIMITS = { fileSize: 20 * 1024 * 1024, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 21 };

/** @fastify/multipart's limits, as the ledger says them (its own messages are English only: "reach files limit"). */
const LIMIT_PASSED: Readonly<Record<string, Words>> = {
  FST_REQ_FILE_TOO_LARGE: say`the file is over ${MULTIPART_LIMITS.fileSize / 1024 / 1024} MiB`,
  FST_FILES_LIMIT: say`an upload takes ${MULTIPART_LIMITS.files} file`,
  FST_FIELDS_LIMIT: say`an upload takes at most ${MULTIPART_LIMITS.fields} fields`,
  FST_PARTS_LIMIT: say`an upload takes at most ${MULTIPART_LIMITS.parts} parts`,
};

/** What a part that could not be read is refused as: a limit passed 413, the rest 400 (busboy's errors carry none). */
function unreadable(error: unknown): TransportRefusal {
  if (error instanceof TransportRefusal) return error;
  const passed = LIMIT_PASSED[(error as { code?: string }).code ?? ''];
  if (passed) return new TransportRefusal(413, 'invalid-input', passed);
  const status = (error as { statusCode?: unknown }).statusCode;
  return new TransportRefusal(
    status === 413 ? 413 : 400,
    'invalid-input',
    say`the multipart/form-data body could not be read`,
  );
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
      throw unreadable(error);
    }
    request.body = body;
  });
}
