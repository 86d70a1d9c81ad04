import { say, Words } from '@ledger/domain/shared/sentence';
import type { FastifyBodyParser, FastifyInstance, FastifyRequest } from 'fastify';
import { parse as parseQueryString } from 'node:querystring';
import { TransportRefusal } from './transport-refusal';

/** How deep objects and arrays may nest in a JSON body: a filing needs 3; a limit keeps recursion off the stack's edge. */
export const MAX_JSON_DEPTH = 64;

const FIRST_CHARACTER = /^[ \t\n\r]*(.)/;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;
const READABLE_CHARSETS = new Set(['utf-8', 'utf8']);

/**
 * What every body parser checks first, since Fastify reads neither: a body in a content coding (gzip, br, …) is
 * refused with 415 and `Accept-Encoding: identity` (the ledger reads bodies as sent, RFC 7694), a charset other than
 * UTF-8 with 415.
 */
export function refusalOf(request: FastifyRequest): TransportRefusal | undefined {
  const coding = request.headers['content-encoding']?.trim().toLowerCase();
  if (coding && coding !== 'identity') {
    return new TransportRefusal(
      415,
      'invalid-input',
      say`a body in the content coding "${coding.slice(0, 40)}" is not read: send it unencoded (Content-Encoding: identity)`,
      { 'Accept-Encoding': 'identity' },
    );
  }
  const charset = CHARSET.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset !== undefined && !READABLE_CHARSETS.has(charset)) {
    return new TransportRefusal(
      415,
      'invalid-input',
      say`a body in the charset "${charset.slice(0, 40)}" is not read: send UTF-8 (charset=utf-8)`,
    );
  }
  return undefined;
}

/** Whether objects and arrays in `text` (JSON) nest deeper than `limit`, counted without parsing. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  if (text.length <= limit * 2) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

const malformed = (message: Words) => new TransportRefusal(400, 'invalid-input', message);

/** UTF-8 that fails on bytes that are not (instead of replacing them with U+FFFD, which would then be recorded). */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body's text, or undefined when its bytes are not UTF-8. */
function utf8TextOf(body: Buffer): string | undefined {
  try {
    return STRICT_UTF8.decode(body);
  } catch {
    return undefined;
  }
}

const NOT_UTF8 = say`the body is not valid UTF-8: send its text in UTF-8`;

/**
 * JSON bodies: an empty body with a JSON content type is `{}` (as under Express; Fastify would refuse it), and a body
 * must be UTF-8 and an object — every operation takes one; Fastify would take `"text"` or `42`, and an array of a
 * million elements was validated element by element into a 100 MB refusal — nested at most MAX_JSON_DEPTH deep. The
 * rest is Fastify's own parser, with its guard against `__proto__` and `constructor` keys.
 */
export function jsonBodyParser(fastify: FastifyInstance): FastifyBodyParser<Buffer> {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    const refusal = refusalOf(request);
    if (refusal) return done(refusal);
    if (body.length === 0) return done(null, {});
    const text = utf8TextOf(body);
    if (text === undefined) return done(malformed(NOT_UTF8));
    if (FIRST_CHARACTER.exec(text)?.[1] !== '{') return done(malformed(say`a JSON body must be an object`));
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      return done(malformed(say`a JSON body may nest objects and arrays at most ${MAX_JSON_DEPTH} deep`));
    }
    void parseJson(request, text, (error, value) =>
      error ? done(malformed(say`the body is not valid JSON: ${error.message}`)) : done(null, value),
    );
  };
}

/**
 * Form bodies (`curl -d on=2025-10-12`), as Nest reads them by default: fields of a plain object (querystring's own
 * has no prototype). Bytes and percent-escapes must be UTF-8 (querystring would turn `%FF` into U+FFFD).
 */
export const formBodyParser: FastifyBodyParser<Buffer> = (request, body, done) => {
  const refusal = refusalOf(request);
  if (refusal) return done(refusal);
  const text = utf8TextOf(body);
  if (text === undefined) return done(malformed(NOT_UTF8));
  if (fieldsEscapedNotInUtf8(text).length > 0) {
    return done(malformed(say`the form body's percent-escapes are not UTF-8`));
  }
  done(null, { ...parseQueryString(text) });
};

/**
 * The names of a query string's fields (a URL's, a form body's) whose percent-escapes are not UTF-8 (`name=%FF`),
 * which querystring would read as U+FFFD.
 */
export function fieldsEscapedNotInUtf8(queryString: string): string[] {
  if (!queryString.includes('%')) return [];
  return queryString
    .split('&')
    .filter((part) => {
      try {
        decodeURIComponent(part);
        return false;
      } catch {
        return true;
      }
    })
    .map((part) => part.split('=')[0].replace(/%[0-9a-f]{2}/gi, '?'));
}
