import fc from 'fast-check';
import { EVENT_STORE } from '@ledger/platform';
import type { EventStore } from '@ledger/event-store';
import { RunningLedger, startLedger, TOKENS } from './support/ledger-test-app';

/** Generated requests per operation (issue 10: about 200; ~20 s on an idle machine); BAD_INPUT_RUNS for more. */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 200);
const SEED = 20251001;

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** The properties of the JSON body's schema, with their examples where the document gives one. */
  bodyFields?: Record<string, unknown>;
}

type Schema = { $ref?: string; properties?: Record<string, { example?: unknown; enum?: unknown[] }> };
type OpenApi = {
  paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }>; requestBody?: any }>>;
  components: { schemas: Record<string, Schema> };
};

/** Every operation of the ledger's OpenAPI document: endpoints added later join by being documented. */
function operationsOf(doc: OpenApi): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref as string | undefined;
      const schema = ref ? doc.components.schemas[ref.split('/').pop()!] : undefined;
      return {
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields:
          schema?.properties &&
          Object.fromEntries(
            Object.entries(schema.properties).map(([name, property]) => [
              name,
              property.example ?? property.enum?.[0] ?? 'x',
            ]),
          ),
      };
    }),
  );
}

/** Percent-encoding of bytes, so that invalid UTF-8 and control characters reach the server as sent. */
const percentEncoded = (bytes: Uint8Array | string): string =>
  [...(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes)]
    .map((byte) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).padStart(2, '0')}`,
    )
    .join('');

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '2025-02-30',
    '2025-13-01',
    '-1',
    '0',
    '1e309',
    'NaN',
    '9'.repeat(40),
    ' padded ',
    'a\u0000b',
    '\ud800',
    '91210100MA0000001G',
    ['..', '..', 'etc', 'passwd'].join('/'),
    '<script>',
    '',
  ),
);
const segment = fc.oneof(
  nasty.filter((text) => text.length > 0).map(percentEncoded),
  fc.uint8Array({ minLength: 1, maxLength: 12 }).map(percentEncoded),
);
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, -1, 1.5, 2 ** 53, -(2 ** 60), [], {}, { __proto__: { polluted: true } }),
);
const deepJson = fc.integer({ min: 60, max: 400 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`);

function bodyOf(operation: Operation): fc.Arbitrary<string | undefined> {
  const fields = operation.bodyFields ?? {};
  const mutated = fc
    .record(
      Object.fromEntries(
        Object.entries(fields).map(([name, example]) => [name, fc.oneof(garbage, fc.constant(example))]),
      ),
    )
    .chain((body) =>
      fc.dictionary(fc.string({ maxLength: 12 }), garbage, { maxKeys: 2 }).map((extra) => ({ ...extra, ...body })),
    );
  return fc.oneof(
    { weight: 4, arbitrary: mutated.map((body) => JSON.stringify(body)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
    { weight: 1, arbitrary: deepJson },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

const headers = fc.record(
  {
    'content-type': fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
    ),
    'content-encoding': fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'compress, gzip', 'x-unknown'),
    'idempotency-key': fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map(String.fromCharCode),
      maxLength: 300,
    }),
    'x-correlation-id': fc.string({
      unit: fc.integer({ min: 0x21, max: 0x7e }).map(String.fromCharCode),
      maxLength: 200,
    }),
  },
  { requiredKeys: ['content-type'] },
);

function requestOf(operation: Operation) {
  return fc.record({
    path: fc
      .tuple(...operation.pathParams.map(() => segment))
      .map((values) =>
        values.reduce((path, value, i) => path.replace(`{${operation.pathParams[i]}}`, value), operation.path),
      ),
    query: fc.array(
      fc.tuple(fc.oneof(fc.constantFrom(...operation.queryParams, 'unknown'), fc.string({ maxLength: 8 })), nasty),
      {
        maxLength: 4,
      },
    ),
    body: operation.method === 'GET' ? fc.constant(undefined) : bodyOf(operation),
    headers,
  });
}

const ERROR_CODE = /^[a-z][a-z-]*$/;

interface FieldProblem {
  field: string;
  problems: string[];
}

/**
 * Generated invalid requests to every operation of the OpenAPI document (issue 10): invalid bodies (wrong types,
 * unknown fields, control characters, impossible dates, nesting past the limit, not JSON at all), query strings, path
 * ids, and headers (media types, charsets, content codings, Idempotency-Keys). Never a 5xx; every 4xx in the
 * documented envelope `{ error, message }`; and after a 4xx the log's head position has not moved. Query strings are
 * closed as bodies are: every operation refuses a parameter it does not take, and one given twice, naming it.
 */
describe('bad input, generated for every operation', () => {
  let ledger: RunningLedger;
  let store: EventStore;
  let operations: Operation[];
  beforeAll(async () => {
    ledger = await startLedger();
    store = ledger.app.get<EventStore>(EVENT_STORE);
    operations = operationsOf((await ledger.http.get('/docs-json')).body as OpenApi);
  });
  afterAll(async () => {
    await ledger.close();
  });

  it('every operation refuses an unknown query parameter, and a parameter given twice, naming it (nothing recorded)', async () => {
    const failures: string[] = [];
    const before = await store.headPosition();
    for (const operation of operations) {
      const path = operation.pathParams.reduce((filled, name) => filled.replace(`{${name}}`, 'x'), operation.path);
      const repeated = operation.queryParams[0];
      const cases: Array<[string, string, RegExp]> = [
        ['minPositon', 'minPositon=5', /should not exist/],
        ...(repeated ? [[repeated, `${repeated}=1&${repeated}=2`, /more than once/] as [string, string, RegExp]] : []),
      ];
      for (const [name, query, problem] of cases) {
        const answer = await fetch(`${ledger.url}${path}?${query}`, {
          method: operation.method,
          headers: {
            authorization: `Bearer ${TOKENS.admin}`,
            'content-type': 'application/json',
            'accept-language': 'en', // the problems' English wording is what the cases match
          },
          body: operation.method === 'GET' ? undefined : JSON.stringify(operation.bodyFields ?? {}),
        });
        const body = (await answer.json().catch(() => ({}))) as { error?: string; details?: FieldProblem[] };
        const named = body.details?.find((detail) => detail.field === name);
        if (answer.status !== 400 || body.error !== 'invalid-input' || !named?.problems.some((p) => problem.test(p)))
          failures.push(`${operation.method} ${path}?${query}: ${answer.status} ${JSON.stringify(body)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await store.headPosition()).toBe(before);
  });

  it(
    'answers only 2xx or 4xx, every 4xx in the envelope with nothing recorded',
    async () => {
      expect(operations.length).toBeGreaterThanOrEqual(50);
      const failures: string[] = [];
      for (const operation of operations) {
        const property = fc.asyncProperty(requestOf(operation), async (request) => {
          const before = await store.headPosition();
          const query = request.query.map(([name, value]) => `${percentEncoded(name)}=${percentEncoded(value)}`);
          const url = `${ledger.url}${request.path}${query.length ? `?${query.join('&')}` : ''}`;
          const answer = await fetch(url, {
            method: operation.method,
            headers: { authorization: `Bearer ${TOKENS.admin}`, ...request.headers },
            body: request.body,
          });
          if (answer.headers.get('content-type')?.startsWith('text/event-stream')) {
            // GET /v1/stream took the request: a stream never ends, its head is the answer.
            await answer.body?.cancel();
            if (answer.status >= 300) throw new Error(`${answer.status} as an event stream`);
            return;
          }
          const text = await answer.text();
          if (answer.status >= 500 && answer.status !== 503) throw new Error(`${answer.status}: ${text}`);
          if (answer.status < 400) return;
          const body = JSON.parse(text) as { error?: unknown; message?: unknown };
          if (typeof body.error !== 'string' || !ERROR_CODE.test(body.error) || typeof body.message !== 'string') {
            throw new Error(`${answer.status} outside the error envelope: ${text}`);
          }
          if (!answer.headers.get('x-correlation-id')) throw new Error(`${answer.status} without X-Correlation-Id`);
          const after = await store.headPosition();
          if (after !== before)
            throw new Error(`${answer.status} ${text}, yet the log moved from ${before} to ${after}`);
        });
        try {
          await fc.assert(property, { numRuns: RUNS, seed: SEED, endOnFailure: true });
        } catch (error) {
          failures.push(`${operation.method} ${operation.path}: ${(error as Error).message.slice(0, 3000)}`);
        }
      }
      expect(failures).toEqual([]);
    },
    6 * 60_000,
  );
});
