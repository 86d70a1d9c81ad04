import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fenToYuan } from '@ledger/domain/shared/money';
import { EventStore, RecordedEvent } from '@ledger/event-store';
import { domainEventOf, EVENT_STORE } from '@ledger/platform';
import { HttpAnswer } from './support/http-client';
import { RunningLedger, startLedger, STORY_TODAY } from './support/ledger-test-app';
import { capOf, consortiumWith, getFunding, leadFactory, postGrant, postSubsidy } from './support/subsidy-requests';
import { subsidyDecider } from '@ledger/domain/subsidy/subsidy.decider';
import { SubsidyLedgerEvent } from '@ledger/domain/subsidy/subsidy.events';
import { SubsidyLedgerState } from '@ledger/domain/subsidy/subsidy.state';
import { recipientYearStreamId } from '@ledger/domain/subsidy/subsidy.streams';
import { usedFen } from '@ledger/domain/policies/funding/funding-boundary';

const LIAONING = 'liaoning-2021-alliance';
const ON_2025 = { fiscalYear: 2025, grantedOn: '2025-11-03' };

async function readLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (
    let page = await store.readAll({ after: 0, maxCount: 1000 });
    page.length > 0;
    page = await store.readAll({ after: events[events.length - 1].position, maxCount: 1000 })
  ) {
    events.push(...page);
  }
  return events;
}

/** The whole log folded with the domain's own evolve: what every read model must agree with. */
async function foldOfTheLog(store: EventStore): Promise<SubsidyLedgerState> {
  return (await readLog(store)).reduce(
    (state, e) => subsidyDecider.evolve(state, domainEventOf<SubsidyLedgerEvent>(e)),
    subsidyDecider.initialState(),
  );
}

const statuses = (answers: HttpAnswer[]) =>
  answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});
const lastPosition = (answers: HttpAnswer[]) =>
  Math.max(...answers.filter((a) => a.status === 201).map((a) => a.body.position));

/** Caps hold under any concurrency (API.md): N parallel grants against a cap accept exactly as many as fit. */
describe('subsidy caps under concurrency, over real HTTP', () => {
  let ledger: RunningLedger;
  const leads = leadFactory(3000);

  beforeAll(async () => {
    ledger = await startLedger({ today: STORY_TODAY });
  });
  afterAll(async () => {
    await ledger.close();
  });

  it('64 parallel 100万 talent grants to one fresh 盟主 in 2025: exactly 20 accepted, 44 refused cap-exceeded; the funding view shows 2000万 used', async () => {
    const alliance = await consortiumWith(ledger, LIAONING, leads[LIAONING]());
    const mengzhu = alliance.lead.creditCode;
    const answers = await Promise.all(
      Array.from({ length: 64 }, () =>
        postGrant(ledger, {
          consortiumId: alliance.id,
          recipient: mengzhu,
          category: 'liaoning.talent',
          amount: '1000000',
          ...ON_2025,
        }),
      ),
    );
    expect(statuses(answers)).toEqual({ 201: 20, 422: 44 });
    for (const refused of answers.filter((a) => a.status === 422)) {
      expect(refused.body).toMatchObject({
        error: 'cap-exceeded',
        rule: 'liaoning.mengzhu-annual-cap',
        limit: '20000000.00',
        used: '20000000.00',
        headroom: '0.00',
      });
    }
    const usedAfter = answers
      .filter((a) => a.status === 201)
      .map((a) => capOf(a.body, 'liaoning.mengzhu-annual-cap').used)
      .sort();
    expect(usedAfter).toEqual(Array.from({ length: 20 }, (_, i) => fenToYuan((i + 1) * 1_000_000_00)).sort());

    const funding = await getFunding(ledger, mengzhu, 2025, lastPosition(answers));
    expect(funding.body).toMatchObject({ granted: '20000000.00', subsidies: expect.any(Array) });
    expect(funding.body.subsidies).toHaveLength(20);
    expect(capOf(funding.body, 'liaoning.mengzhu-annual-cap')).toMatchObject({
      limit: '20000000.00',
      used: '20000000.00',
      headroom: '0.00',
    });

    const boundary = (
      await ledger.app.get<EventStore>(EVENT_STORE).readStream(recipientYearStreamId(mengzhu, 2025))
    ).map((e) => e.type);
    expect(boundary).toEqual(Array(20).fill('FundingCommitted'));
  });

  it('grants and cancellations racing on one boundary end with the funding view equal to the fold of the log', async () => {
    const alliance = await consortiumWith(ledger, LIAONING, leads[LIAONING]());
    const mengzhu = alliance.lead.creditCode;
    const grant = () =>
      postGrant(ledger, {
        consortiumId: alliance.id,
        recipient: mengzhu,
        category: 'liaoning.talent',
        amount: '1000000',
        ...ON_2025,
      });
    const first = await Promise.all(Array.from({ length: 10 }, grant));
    expect(statuses(first)).toEqual({ 201: 10 });

    const cancel = (id: string) =>
      postSubsidy(ledger, id, 'cancellation', { amount: '500000', on: '2025-12-01', reason: '预算调整' });
    const disburse = (id: string) =>
      postSubsidy(ledger, id, 'disbursements', {
        amount: '400000',
        paidOn: '2025-12-01',
        voucher: `PZ-${id.slice(0, 8)}`,
      });
    const racing = await Promise.all([
      ...Array.from({ length: 30 }, grant),
      ...first.map((a) => cancel(a.body.id)),
      ...first.map((a) => disburse(a.body.id)),
    ]);
    const grants = racing.slice(0, 30);
    expect(statuses(racing.slice(30))).toEqual({ 201: 20 });
    for (const refused of grants.filter((a) => a.status !== 201))
      expect([refused.status, refused.body.error]).toEqual([422, 'cap-exceeded']);
    // 1000万 granted, 500万 released by the cancellations: between 10 and 15 more fit, depending on the order.
    const accepted = grants.filter((a) => a.status === 201).length;
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(accepted).toBeLessThanOrEqual(15);

    const store = ledger.app.get<EventStore>(EVENT_STORE);
    const fold = await foldOfTheLog(store);
    const boundary = fold.boundaries[recipientYearStreamId(mengzhu, 2025)];
    const usedByTheFold = usedFen(boundary, (c) => c.policy === LIAONING);
    expect(usedByTheFold).toBe((10 + accepted) * 1_000_000_00 - 10 * 500_000_00);
    expect(usedByTheFold).toBeLessThanOrEqual(2000 * 1_000_000);

    const mine = Object.values(fold.subsidies).filter((s) => s.recipient === mengzhu && s.fiscalYear === 2025);
    const total = (field: 'grantedFen' | 'cancelledFen' | 'disbursedFen') =>
      fenToYuan(mine.reduce((sum, s) => sum + s[field], 0));
    const funding = await getFunding(ledger, mengzhu, 2025, await store.headPosition());
    expect(funding.body).toMatchObject({
      granted: total('grantedFen'),
      cancelled: total('cancelledFen'),
      disbursed: total('disbursedFen'),
    });
    expect(capOf(funding.body, 'liaoning.mengzhu-annual-cap')).toMatchObject({
      used: fenToYuan(usedByTheFold),
      headroom: fenToYuan(2000 * 1_000_000 - usedByTheFold),
    });
  });
});

/**
 * Two ledger apps inside this jest process, not two processes: each has its own command locks and its own SQLite
 * connection to the same data directory, so only the expected revisions (and the runner's retries) keep the cap.
 */
describe('subsidy caps across two ledger apps, each with its own connection to one data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-e2e-two-'));
  let one: RunningLedger;
  let two: RunningLedger;

  beforeAll(async () => {
    one = await startLedger({ dataDir, today: STORY_TODAY });
    two = await startLedger({ dataDir, today: STORY_TODAY });
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('each with its own in-process locks: 40 parallel grants split between them still accept exactly 20 (expected revisions, retried)', async () => {
    const alliance = await consortiumWith(one, LIAONING, leadFactory(3500)[LIAONING]());
    const body = {
      consortiumId: alliance.id,
      recipient: alliance.lead.creditCode,
      category: 'liaoning.talent',
      amount: '1000000',
      ...ON_2025,
    };
    // As clients behind a load balancer: a 409 (the runner's retries ran out against the other app's writes; retrying
    // may succeed) is sent again with the same Idempotency-Key, to the other app, until it is answered otherwise.
    const postUntilAnswered = async (i: number) => {
      for (let attempt = 0; ; attempt++) {
        const answer = await postGrant((i + attempt) % 2 ? one : two, body, { 'idempotency-key': `split-${i}` });
        if (answer.status !== 409 || attempt >= 20) return answer;
      }
    };
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => postUntilAnswered(i)));
    expect(statuses(answers)).toEqual({ 201: 20, 422: 20 });
    const boundary = await one.app
      .get<EventStore>(EVENT_STORE)
      .readStream(recipientYearStreamId(alliance.lead.creditCode, 2025));
    expect(boundary).toHaveLength(20);
  });
});
