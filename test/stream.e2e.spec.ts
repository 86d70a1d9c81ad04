/**
 * GET /v1/stream alone, over real HTTP: the projections' change feed as server-sent events, one message per log
 * position; `Last-Event-ID` resumes without loss or repeat; filters by kind and id; heartbeats on an idle stream.
 */
import { openStream, SseMessage } from './support/event-stream';
import { filingBody } from './support/consortium-requests';
import { RunningLedger, startLedger, TOKENS } from './support/ledger-test-app';
import { enterprise } from '@ledger/domain/consortium/consortium.fixtures';
import { unitBody } from './support/consortium-requests';
import { consortiumWith, postGrant } from './support/subsidy-requests';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const changedIds = (messages: SseMessage[]) =>
  messages.flatMap((m) => (m.event === 'change' ? m.data.changes.map((c: { id: string }) => c.id) : []));

describe('GET /v1/stream (server-sent events of the change feed)', () => {
  let ledger: RunningLedger;
  let serial = 7100;
  const file = async (name: string) => {
    const answer = await ledger.http.post(
      '/v1/consortia',
      filingBody('liaoning-2021-alliance', { name, lead: unitBody(enterprise('shenyang', serial++)) }),
      { as: 'officer' },
    );
    expect(answer.status).toBe(201);
    return answer.body as { id: string; position: number };
  };

  beforeAll(async () => {
    ledger = await startLedger({ today: '2026-01-05', env: { LEDGER_STREAM_HEARTBEAT_MS: '100' } });
  });
  afterAll(async () => {
    await ledger.close();
  });

  it('needs a token: 401 without one', async () => {
    const stream = openStream(`${ledger.url}/v1/stream`);
    expect((await stream.response).statusCode).toBe(401);
    stream.close();
  });

  it('sends one message per log position, id = that position; resumes after Last-Event-ID without loss or repeat', async () => {
    const live = openStream(`${ledger.url}/v1/stream?kind=consortium`, auth(TOKENS.viewer));
    const res = await live.response;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    await live.until((all) => all.some((m) => m.event === 'ready'));
    const first = await file('辽宁第一联盟');
    await live.until((all) => changedIds(all).includes(first.id));
    const seen = live.changes();
    expect(seen.map((m) => m.id)).toEqual([String(first.position)]);
    expect(seen[0].data.changes).toEqual([
      expect.objectContaining({ kind: 'consortium', id: first.id, position: first.position }),
    ]);
    expect(seen[0].data.changes[0].state).toMatchObject({ id: first.id, status: 'filed' });
    live.close();

    // While no one listens: two filings and a review of the first.
    const second = await file('辽宁第二联盟');
    const third = await file('辽宁第三联盟');
    const review = await ledger.http.post(
      `/v1/consortia/${first.id}/reviews`,
      { stage: 'preliminary', outcome: 'pass', on: '2025-09-12' },
      { as: 'officer' },
    );
    expect(review.status).toBe(201);
    await ledger.http.get(`/v1/consortia/${first.id}?minPosition=${review.body.position}`, { as: 'viewer' });

    const resumed = openStream(`${ledger.url}/v1/stream?kind=consortium`, {
      ...auth(TOKENS.viewer),
      'last-event-id': String(first.position),
    });
    await resumed.until((all) => changedIds(all).length >= 3);
    const fourth = await file('辽宁第四联盟');
    await resumed.until((all) => changedIds(all).includes(fourth.id));
    const ids = resumed.changes().map((m) => Number(m.id));
    expect(ids).toEqual([second.position, third.position, review.body.position, fourth.position]);
    expect(changedIds(resumed.messages)).toEqual([second.id, third.id, first.id, fourth.id]);
    expect(resumed.changes()[2].data.changes[0].state.status).toBe('under-review');
    expect(resumed.messages.some((m) => m.event === 'ready')).toBe(false);
    resumed.close();
  });

  it('resumes while filings go on: every one arrives once, positions strictly rising', async () => {
    const before = await file('辽宁并发联盟 0');
    const filings = Array.from({ length: 12 }, (_, i) => file(`辽宁并发联盟 ${i + 1}`));
    const resumed = openStream(`${ledger.url}/v1/stream?kind=consortium`, {
      ...auth(TOKENS.viewer),
      'last-event-id': String(before.position),
    });
    const filed = await Promise.all(filings);
    await resumed.until((all) => filed.every((f) => changedIds(all).includes(f.id)));
    const ids = resumed.changes().map((m) => Number(m.id));
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    expect(ids[0]).toBeGreaterThan(before.position);
    expect(changedIds(resumed.messages).sort()).toEqual(filed.map((f) => f.id).sort());
    resumed.close();
  });

  it('filters by kind and id, and keeps an idle stream open with heartbeats', async () => {
    const zones = openStream(`${ledger.url}/v1/stream?kind=zone`, auth(TOKENS.supervisor));
    const one = await file('辽宁第五联盟');
    const onlyOne = openStream(`${ledger.url}/v1/stream?id=${one.id}`, {
      ...auth(TOKENS.viewer),
      'last-event-id': '0',
    });
    const zone = await ledger.http.post(
      '/v1/zones',
      { policy: 'nmg-2022-zone', name: '包头稀土高新区', approvedOn: '2023-03-01' },
      { as: 'officer' },
    );
    expect(zone.status).toBe(201);
    await zones.until((all) => changedIds(all).includes(zone.body.id));
    await onlyOne.until((all) => changedIds(all).includes(one.id));
    await zones.until((all) => all.some((m) => m.comment?.startsWith('heartbeat')));
    expect(changedIds(zones.messages)).toEqual([zone.body.id]);
    await onlyOne.until((all) => all.some((m) => m.comment?.startsWith('heartbeat')));
    expect(changedIds(onlyOne.messages)).toEqual([one.id]);
    zones.close();
    onlyOne.close();
  });

  it('names a funding boundary `funding-boundary`, as API.md does, and reads `?kind=funding` (its old spelling) as it', async () => {
    const alliance = await consortiumWith(ledger, 'liaoning-2021-alliance', enterprise('shenyang', serial++));
    const documented = openStream(`${ledger.url}/v1/stream?kind=funding-boundary`, auth(TOKENS.finance));
    const oldSpelling = openStream(`${ledger.url}/v1/stream?kind=funding,consortium`, auth(TOKENS.finance));
    expect((await documented.response).statusCode).toBe(200);
    expect((await oldSpelling.response).statusCode).toBe(200);
    await documented.until((all) => all.some((m) => m.event === 'ready'));
    await oldSpelling.until((all) => all.some((m) => m.event === 'ready'));
    const grant = await postGrant(ledger, {
      consortiumId: alliance.id,
      recipient: alliance.lead.creditCode,
      category: 'liaoning.operating',
      amount: '1000000',
      fiscalYear: 2025,
      grantedOn: '2025-11-01',
    });
    expect(grant.status).toBe(201);
    const boundary = `funding-${alliance.lead.creditCode}-2025`;
    for (const stream of [documented, oldSpelling]) {
      await stream.until((all) => changedIds(all).includes(boundary));
      const kinds = stream.changes().flatMap((m) => m.data.changes.map((c: { kind: string }) => c.kind));
      expect(kinds).toContain('funding-boundary');
      expect(kinds).not.toContain('funding');
      expect(kinds).not.toContain('subsidy');
    }
    documented.close();
    oldSpelling.close();
  });

  it('takes minPosition as every query does: it opens once the read models hold that position', async () => {
    const filed = await file('辽宁第九联盟');
    const stream = openStream(`${ledger.url}/v1/stream?minPosition=${filed.position}`, auth(TOKENS.viewer));
    expect((await stream.response).statusCode).toBe(200);
    await stream.until((all) => all.some((m) => m.event === 'ready'));
    const ready = stream.messages.find((m) => m.event === 'ready')!;
    expect(Number(ready.id)).toBeGreaterThanOrEqual(filed.position);
    stream.close();
    const lagging = await ledger.http.get('/v1/stream?minPosition=99999999', { as: 'viewer' });
    expect(lagging.status).toBe(503);
    expect(lagging.body).toMatchObject({ error: 'projection-lagging', minPosition: 99999999 });
    const bad = await ledger.http.get('/v1/stream?minPosition=soon', { as: 'viewer' });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'minPosition' })]);
  });

  it('refuses an unknown kind and a Last-Event-ID that is no position (400 naming it)', async () => {
    const kind = await ledger.http.get('/v1/stream?kind=galaxy', {
      as: 'viewer',
      headers: { 'accept-language': 'en' },
    });
    expect(kind.status).toBe(400);
    expect(kind.body.details).toEqual([expect.objectContaining({ field: 'kind' })]);
    expect(kind.body.message).toContain('consortium, subsidy, funding-boundary, zone');
    for (const lastEventId of ['yesterday', '0x10', '1e3', '-1']) {
      const last = await ledger.http.get('/v1/stream', { as: 'viewer', headers: { 'last-event-id': lastEventId } });
      expect({ lastEventId, status: last.status }).toEqual({ lastEventId, status: 400 });
      expect(last.body.details).toEqual([expect.objectContaining({ field: 'Last-Event-ID' })]);
    }
  });
});
