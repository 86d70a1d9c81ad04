import { say, Words } from '@ledger/domain/shared/sentence';
import type { FastifyBodyParser, FastifyRequest } from 'fastify';
import { parse as parseQueryString } from 'node:querystring';
import { invalidInput } from './ledger-validation.pipe';
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

/** What JSON.parse takes without a word and the ledger does not: nesting too deep, a field given twice in one object. */
export type JsonShapeProblem = { tooDeep: true } | { repeated: string };

interface Nesting {
  /** An object's fields so far; undefined in an array. */
  keys: Set<string> | undefined;
  /** Where the value being read sits: its field, or its index in the array. */
  at: string | number;
  expectingKey: boolean;
}

/**
 * Scans a JSON text, without parsing it, for objects and arrays nested deeper than `maxDepth`, and for a field given
 * twice in one object (named by its path, `members[2].name`): JSON.parse keeps the last, and which one the sender
 * meant would be a guess — a query parameter or a form part given twice is refused too. A text that is not JSON at
 * all is JSON.parse's to refuse.
 */
export function jsonShapeProblem(text: string, maxDepth: number): JsonShapeProblem | undefined {
  const nesting: Nesting[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      let escaped = false;
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c) {
          escaped = true;
          i++;
        }
      }
      const inner = nesting[nesting.length - 1];
      if (inner?.keys && inner.expectingKey) {
        const key = escaped ? unescaped(text.slice(start, i + 1)) : text.slice(start + 1, i);
        if (inner.keys.has(key)) return { repeated: pathOf(nesting, key) };
        inner.keys.add(key);
        inner.at = key;
        inner.expectingKey = false;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (nesting.length >= maxDepth) return { tooDeep: true };
      nesting.push({ keys: c === 0x7b ? new Set() : undefined, at: 0, expectingKey: c === 0x7b });
    } else if (c === 0x7d || c === 0x5d) nesting.pop();
    else if (c === 0x2c) {
      const inner = nesting[nesting.length - 1];
      if (inner?.keys) inner.expectingKey = true;
      else if (inner) inner.at = (inner.at as number) + 1;
    }
  }
  return undefined;
}

/** A key written with escapes (`"\u0070olicy"`) as the field it names; as written when it is not valid JSON. */
function unescaped(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal;
  }
}

function pathOf(nesting: readonly Nesting[], key: string): string {
  let path = '';
  for (const { at } of nesting.slice(0, -1))
    path = typeof at === 'number' ? `${path}[${at}]` : path ? `${path}.${at}` : at;
  return path ? `${path}.${key}` : key;
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
 * million elements was validated element by element into a 100 MB refusal — nested at most MAX_JSON_DEPTH deep, with
 * no field given twice in one object. JSON.parse makes a `__proto__` key an own field, as any other: the validation
 * pipe refuses it by name, with `constructor`, `toString` and the rest of every object's members (text-problems.ts).
 */
export const jsonBodyParser: FastifyBodyParser<Buffer> = (request, body, done) => {
  const refusal = refusalOf(request);
  if (refusal) return done(refusal);
  if (body.length === 0) return done(null, {});
  const text = utf8TextOf(body);
  if (text === undefined) return done(malformed(NOT_UTF8));
  if (FIRST_CHARACTER.exec(text)?.[1] !== '{') return done(malformed(say`a JSON body must be an object`));
  const shape = jsonShapeProblem(text, MAX_JSON_DEPTH);
  if (shape && 'tooDeep' in shape) {
    return done(malformed(say`a JSON body may nest objects and arrays at most ${MAX_JSON_DEPTH} deep`));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const at = /at position (\d+)/.exec((error as Error).message)?.[1];
    return done(malformed(at ? say`the body is not valid JSON (at character ${at})` : say`the body is not valid JSON`));
  }
  if (shape) {
    const problem = say`${shape.repeated} is given more than once in one object; a field takes one value`;
    return done(invalidInput([{ field: shape.repeated, problems: [problem] }]));
  }
  done(null, value);
};

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
