import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { parse as parseQueryString } from 'node:querystring';

/** A body that cannot be read as the ledger reads JSON: a 400, as body-parser's were. */
class MalformedBodyError extends SyntaxError {
  readonly statusCode = 400;
}

const FIRST_CHARACTER = /^[ \t\n\r]*(.)/;

/**
 * JSON bodies read as the ledger read them under Express (body-parser, `strict`): an empty body with a JSON
 * content type is `{}` (Fastify would refuse it), and a body must be an object or an array (Fastify would take
 * `"text"` or `42`). The rest is Fastify's own parser, with its guard against `__proto__` and `constructor` keys.
 */
export function jsonBodyParser(fastify: FastifyInstance): FastifyBodyParser<Buffer> {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    if (body.length === 0) return done(null, {});
    const text = body.toString('utf8');
    const first = FIRST_CHARACTER.exec(text)?.[1];
    if (first === '{' || first === '[') return parseJson(request, text, done);
    done(new MalformedBodyError('a JSON body must be an object or an array'));
  };
}

/**
 * Form bodies (`curl -d on=2025-10-12`), as Nest reads them by default: fields of a plain object (querystring's own
 * has no prototype).
 */
export const formBodyParser: FastifyBodyParser<Buffer> = (_request, body, done) =>
  done(null, { ...parseQueryString(body.toString('utf8')) });
