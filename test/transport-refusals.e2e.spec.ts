import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { CapturedLog } from './support/captured-log';
import { filingBody } from './support/consortium-requests';
import { RunningLedger, startLedger, TOKENS } from './support/ledger-test-app';

/**
 * What the HTTP layer refuses before any handler runs (issue 10): every refusal a 4xx in the error envelope, with its
 * correlation id, one line at warn in the log without a stack, and nothing recorded.
 */
describe('transport refusals', () => {
  const log = new CapturedLog();
  let ledger: RunningLedger;
  beforeAll(async () => {
    ledger = await startLedger({ log });
  });
  afterAll(async () => {
    await ledger.close();
  });

  const head = async (): Promise<number> =>
    ((await ledger.http.get('/health', { as: 'viewer' })).body as { log: { headPosition: number } }).log.headPosition;

  const send = (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string | Buffer,
  ): Promise<Response> =>
    fetch(`${ledger.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKENS.officer}`, 'content-type': 'application/json', ...headers },
      body,
    });

  /** The answer is a 4xx in the envelope with a correlation id; its one log line is at warn, without a stack. */
  async function expectRefused(answer: Response, status: number, error: string) {
    const body = (await answer.json()) as { error: string; message: string };
    expect({ status: answer.status, error: body.error }).toEqual({ status, error });
    expect(body.message).toEqual(expect.any(String));
    const correlationId = answer.headers.get('x-correlation-id');
    expect(correlationId).toBeTruthy();
    const lines = await log.linesOf(correlationId!);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, status, refusal: expect.any(String) });
    expect(lines[0].err).toBeUndefined();
    expect(JSON.stringify(lines[0])).not.toContain('    at ');
    return body;
  }

  const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const filing = JSON.stringify(filingBody('liaoning-2021-alliance'));

  it('refuses JSON nested 20,000 deep with 400 before validation runs; 64 deep is read', async () => {
    const before = await head();
    await expectRefused(await send('POST', '/v1/consortia', {}, deep(20_000)), 400, 'invalid-input');
    await expectRefused(
      await send('POST', '/v1/consortia', {}, `[${'['.repeat(20_000)}${']'.repeat(20_000)}]`),
      400,
      'invalid-input',
    );
    const shallow = await send('POST', '/v1/consortia', {}, deep(64));
    expect(shallow.status).toBe(400); // read, then refused by validation: `a` is no field of a filing
    expect(((await shallow.json()) as { message: string }).message).toContain('a');
    expect(await head()).toBe(before);
  });

  it('refuses a body over 2 MB with 413', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) });
    await expectRefused(await send('POST', '/v1/consortia', {}, body), 413, 'invalid-input');
  });

  it('refuses a charset other than UTF-8 with 415, and reads utf-8 and UTF8', async () => {
    const before = await head();
    for (const charset of ['latin2', 'iso-8859-1', 'utf-16', '"gbk"']) {
      const answer = await send(
        'POST',
        '/v1/consortia',
        { 'content-type': `application/json; charset=${charset}` },
        filing,
      );
      await expectRefused(answer, 415, 'invalid-input');
    }
    expect(await head()).toBe(before);
    const utf8 = await send('POST', '/v1/consortia', { 'content-type': 'application/json;charset=UTF8' }, filing);
    expect(utf8.status).toBe(201);
  });

  it('refuses a content coding (gzip, br, unknown) with 415 and Accept-Encoding: identity, even when it is gzip', async () => {
    const before = await head();
    for (const [coding, body] of [
      ['gzip', filing],
      ['gzip', gzipSync(Buffer.from(filing))],
      ['br', filing],
      ['x-unheard-of', filing],
      ['gzip, identity', filing],
    ] as const) {
      const answer = await send('POST', '/v1/consortia', { 'content-encoding': coding }, body);
      expect(answer.headers.get('accept-encoding')).toBe('identity');
      await expectRefused(answer, 415, 'invalid-input');
    }
    expect(await head()).toBe(before);
  });

  it('refuses malformed JSON with 400', async () => {
    await expectRefused(await send('POST', '/v1/consortia', {}, '{"name": '), 400, 'invalid-input');
  });

  it('reads a "__proto__" key as a field, refused by name like any unknown field (no prototype is touched)', async () => {
    const answer = await send('POST', '/v1/consortia', {}, '{"__proto__": {"x": 1}}');
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: 'invalid-input', details: [{ field: '__proto__' }] });
  });

  it('refuses bytes that are not UTF-8 with 400, in JSON and in form bodies, instead of recording U+FFFD', async () => {
    const before = await head();
    const json = Buffer.concat([
      Buffer.from('{"on":"2025-10-22","name":"A'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('B"}'),
    ]);
    await expectRefused(await send('POST', '/v1/consortia', {}, json), 400, 'invalid-input');
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    await expectRefused(await send('POST', '/v1/consortia', form, 'on=2025-10-22&name=%FF'), 400, 'invalid-input');
    await expectRefused(
      await send('POST', '/v1/consortia', form, Buffer.concat([Buffer.from('name='), Buffer.from([0xc3])])),
      400,
      'invalid-input',
    );
    expect(await head()).toBe(before);
  });

  it('refuses a JSON array, and a body of 20,000 unknown fields, with a short 400 naming at most 100 fields', async () => {
    const before = await head();
    const array = await send('POST', '/v1/consortia', {}, `[${Array(200_000).fill('0').join(',')}]`);
    expect(JSON.stringify(await expectRefused(array, 400, 'invalid-input')).length).toBeLessThan(2_000);
    const fields = JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`f${i}`, i])));
    const wide = (await (await send('POST', '/v1/consortia', {}, fields)).json()) as { details: unknown[] };
    expect(wide.details).toEqual([expect.objectContaining({ field: 'body' })]);
    const unknown = JSON.stringify({
      ...filingBody('liaoning-2021-alliance'),
      ...Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, i])),
    });
    const many = (await (await send('POST', '/v1/consortia', {}, unknown)).json()) as {
      details: unknown[];
      message: string;
    };
    expect(many.details).toHaveLength(100);
    expect(many.message).toMatch(/400 more fields|另有400个字段/);
    expect(await head()).toBe(before);
  });

  it('refuses an X-Causation-Id that is not an id, or sent twice, with 400 naming it; records a good one', async () => {
    const before = await head();
    // Sent twice, a header arrives as one value joined by ", ".
    for (const causation of ['x'.repeat(129), 'bad id\twith space', 'order-1, order-2']) {
      const answer = await send('POST', '/v1/consortia', { 'x-causation-id': causation }, filing);
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({
        error: 'invalid-input',
        details: [expect.objectContaining({ field: 'X-Causation-Id' })],
      });
    }
    expect(await head()).toBe(before);
    const good = await send('POST', '/v1/consortia', { 'x-causation-id': 'order-2025.11:07' }, filing);
    expect(good.status).toBe(201);
  });

  it('reads numbers in a query only when written in decimal (0x10, 1e3 are 400 naming the field), and its escapes only as UTF-8', async () => {
    for (const [query, field] of [
      ['limit=0x10', 'limit'],
      ['offset=1e3', 'offset'],
      ['limit=%2016', 'limit'],
    ]) {
      const answer = await ledger.http.get(`/v1/consortia?${query}`, { as: 'viewer' });
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
      expect(answer.body.details).toEqual([expect.objectContaining({ field })]);
    }
    const list = await ledger.http.get('/v1/consortia?limit=16&offset=0', { as: 'viewer' });
    expect(list.status).toBe(200);
    const notUtf8 = await ledger.http.get('/v1/subsidies?consortiumId=%FF', { as: 'viewer' });
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.details).toEqual([expect.objectContaining({ field: 'consortiumId' })]);
    const chinese = await ledger.http.get(`/v1/subsidies?consortiumId=${encodeURIComponent('辽宁-1')}`, {
      as: 'viewer',
    });
    expect(chinese.status).toBe(200);
  });

  /** What the server answers bytes sent as they are, read until it closes the connection. */
  function rawExchange(request: string): Promise<string> {
    const { hostname, port } = new URL(ledger.url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.end(request));
      let answer = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (answer += chunk));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });
  }

  it.each([
    ['headers over 16 KB', `GET /health HTTP/1.1\r\nHost: l\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['a malformed chunk', 'POST /v1/consortia HTTP/1.1\r\nHost: l\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 400],
    ['a DEL in a header', 'GET /health HTTP/1.1\r\nHost: l\r\nX-A: b\x7fc\r\n\r\n', 400],
    ['an unmet Expect', 'POST /v1/consortia HTTP/1.1\r\nHost: l\r\nExpect: bogus\r\nContent-Length: 2\r\n\r\n{}', 417],
  ])(
    'answers a request HTTP cannot read (%s) in the envelope, with a correlation id',
    async (_case, request, status) => {
      const answer = await rawExchange(request);
      const [head, body] = answer.split('\r\n\r\n');
      expect(head.split('\r\n')[0]).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(head.toLowerCase()).toMatch(/\r\nx-correlation-id: [\w-]{36}/);
      expect(JSON.parse(body)).toEqual({ error: 'invalid-input', message: expect.any(String) });
    },
  );

  it('answers GET /health whatever body, media type or coding comes with it', async () => {
    for (const headers of <Array<Record<string, string>>>[
      { 'content-encoding': 'gzip' },
      { 'content-encoding': 'br' },
      { 'content-type': 'application/json; charset=latin2' },
    ]) {
      const answer = await fetch(`${ledger.url}/health`, { headers });
      expect(answer.status).toBe(200);
    }
    const withBody = await send('GET', '/health', { 'content-encoding': 'x-unknown' }, undefined);
    expect(withBody.status).toBe(200);
  });

  it('answers a method a known path lacks with 405 and Allow; an unknown path stays 404', async () => {
    const put = await send('PUT', '/v1/consortia', {}, filing);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    await expectRefused(put, 405, 'method-not-allowed');
    const remove = await send('DELETE', '/v1/Consortia/some-id/', {});
    expect(remove.headers.get('allow')).toBe('GET, HEAD');
    await expectRefused(remove, 405, 'method-not-allowed');
    const patch = await send('PATCH', '/health', {}, '{}');
    expect(patch.headers.get('allow')).toBe('GET, HEAD');
    expect(patch.status).toBe(405);
    expect((await send('PUT', '/v1/nothing-here', {}, '{}')).status).toBe(404);
  });

  it('answers 401 with WWW-Authenticate: Bearer, with no token and with a wrong one', async () => {
    for (const authorization of [undefined, 'Bearer nobody-has-this', 'Basic dXNlcjpwYXNz']) {
      const answer = await fetch(`${ledger.url}/v1/consortia`, { headers: authorization ? { authorization } : {} });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
      expect(answer.headers.get('x-correlation-id')).toBeTruthy();
    }
  });
});
