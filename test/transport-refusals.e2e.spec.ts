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
    await expectRefused(await send('POST', '/v1/consortia', {}, '{"__proto__": {"x": 1}}'), 400, 'invalid-input');
  });

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
