import { filingBody } from './support/consortium-requests';
import { RunningLedger, startLedger, TOKENS } from './support/ledger-test-app';

/**
 * What the HTTP server itself decides, before any handler runs: bodies it cannot read, URLs it routes, caching
 * headers. Each keeps the ledger's error envelope and answers as the ledger answered before it ran on Fastify.
 */
describe('the HTTP edge', () => {
  let ledger: RunningLedger;
  beforeAll(async () => {
    ledger = await startLedger();
  });
  afterAll(async () => {
    await ledger.close();
  });

  const post = (path: string, contentType: string | undefined, body: string) =>
    fetch(`${ledger.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.officer}`, ...(contentType && { 'content-type': contentType }) },
      body,
    });

  describe('bodies', () => {
    it('refuses a body over 2 MB with 413 invalid-input, in the envelope, echoing the correlation id', async () => {
      const members = Array.from({ length: 1000 }, () => ({ name: 'x'.repeat(2200) }));
      const answer = await post('/v1/consortia', 'application/json', JSON.stringify({ members }));
      expect(answer.status).toBe(413);
      expect(await answer.json()).toEqual({ error: 'invalid-input', message: expect.any(String) });
      expect(answer.headers.get('x-correlation-id')).toBeTruthy();
    });

    it('refuses a media type it does not read with 415, in the envelope', async () => {
      const answer = await post('/v1/consortia', 'application/xml', '<filing/>');
      expect(answer.status).toBe(415);
      expect(await answer.json()).toEqual({ error: 'invalid-input', message: expect.any(String) });
    });

    it('reads an empty JSON body as {}: a 400 naming every missing field', async () => {
      const answer = await post('/v1/consortia', 'application/json', '');
      expect(answer.status).toBe(400);
      const body = (await answer.json()) as { error: string; details: Array<{ field: string }> };
      expect(body.error).toBe('invalid-input');
      expect(body.details.map((detail) => detail.field)).toEqual(expect.arrayContaining(['policy', 'lead']));
    });

    it('takes only an object or an array as a JSON body', async () => {
      for (const text of ['42', '"filing"', 'null']) {
        const answer = await post('/v1/consortia', 'application/json', text);
        expect([text, answer.status]).toEqual([text, 400]);
        expect(await answer.json()).toMatchObject({ error: 'invalid-input' });
      }
    });

    it('reads a form body (curl -d) as fields, and a JSON body with a charset', async () => {
      const form = await post('/v1/consortia/nope/approval', 'application/x-www-form-urlencoded', 'on=2025-10-12');
      expect(form.status).toBe(404);
      const json = await post(
        '/v1/consortia',
        'application/json; charset=utf-8',
        JSON.stringify(filingBody('liaoning-2021-alliance')),
      );
      expect(json.status).toBe(201);
    });
  });

  describe('routing', () => {
    it('finds a route with a trailing slash or in other letter case, keeping the case of its parameters', async () => {
      expect((await ledger.http.get('/v1/consortia/', { as: 'viewer' })).status).toBe(200);
      const upper = await ledger.http.get('/V1/Consortia/SomeId', { as: 'viewer' });
      expect(upper.status).toBe(404);
      expect(upper.body.message).toContain('SomeId');
    });

    it('answers an unknown route with 404 not-found in the envelope', async () => {
      const answer = await ledger.http.get('/v2/nothing', { as: 'viewer' });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: 'not-found', message: 'Cannot GET /v2/nothing' });
      expect(answer.headers.get('x-correlation-id')).toBeTruthy();
    });
  });

  describe('caching and content negotiation', () => {
    it('gives reads a weak ETag and answers 304 to If-None-Match', async () => {
      const first = await ledger.http.get('/v1/policies', { as: 'viewer' });
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^W\/"/);
      const again = await ledger.http.get('/v1/policies', { as: 'viewer', headers: { 'if-none-match': etag! } });
      expect(again.status).toBe(304);
    });

    it('answers the reconciliation in the type the Accept header prefers', async () => {
      const accept = async (value: string) =>
        (await ledger.http.get('/v1/reconciliation', { as: 'viewer', headers: { accept: value } })).headers.get(
          'content-type',
        );
      expect(await accept('text/csv')).toMatch(/^text\/csv/);
      expect(await accept('text/*')).toMatch(/^text\/csv/);
      expect(await accept('text/csv;q=0.5, application/json')).toMatch(/^application\/json/);
      expect(await accept('*/*')).toMatch(/^application\/json/);
      expect(await accept('image/png')).toMatch(/^application\/json/);
    });
  });
});
