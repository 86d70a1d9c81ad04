/**
 * Replicas: two command processes (the built apps/command, two OS processes) on one PostgreSQL event store, and a
 * projection process for the reads. Each command process has its own in-process locks, so only what lives in the
 * store keeps the guarantees: expected revisions for caps and uniqueness, the idempotency store's claims for keys.
 * Clients behave as behind a load balancer: a 409 is sent again, with the same Idempotency-Key, to the other process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore, RecordedEvent } from '@ledger/event-store';
import { startTestPostgres, TestPostgresServer } from '@ledger/event-store/postgres/testing/embedded-postgres';
import { enterprise } from '@ledger/domain/consortium/consortium.fixtures';
import { fenToYuan } from '@ledger/domain/shared/money';
import { filingBody, unitBody } from './support/consortium-requests';
import { HttpAnswer } from './support/http-client';
import { LedgerProcess, startLedgerProcess } from './support/ledger-process';
import { STORY_TODAY } from './support/ledger-test-app';
import { capOf, consortiumWith, getFunding, leadFactory } from './support/subsidy-requests';
import { TOKEN_LIST, TOKENS } from './support/test-tokens';

const statuses = (answers: HttpAnswer[]) =>
  answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});

describe('two command processes on one PostgreSQL event store', () => {
  let server: TestPostgresServer;
  let database: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-replicas-'));
  let replicas: [LedgerProcess, LedgerProcess];
  let queries: LedgerProcess;
  /** Every request sent, and how many were 409s sent again. */
  const sent = { requests: 0, conflicts: 0 };

  beforeAll(async () => {
    server = await startTestPostgres();
    database = await server.createDatabase();
    const env = {
      LEDGER_STORE: 'postgres',
      DATABASE_URL: database,
      DATABASE_SCHEMA: 'ledger',
      LEDGER_DATA_DIR: dataDir,
      LEDGER_ADMIN_TOKEN: TOKENS.admin,
      LEDGER_TOKENS: TOKEN_LIST,
      LEDGER_TODAY: STORY_TODAY,
      LEDGER_FOLLOW_POLL_MS: '20',
    };
    const [one, two, projection] = await Promise.all([
      startLedgerProcess('command', env),
      startLedgerProcess('command', env),
      startLedgerProcess('projection', env),
    ]);
    replicas = [one, two];
    queries = projection;
  }, 60_000);

  afterAll(async () => {
    await Promise.all([...(replicas ?? []), queries].filter(Boolean).map((p) => p.stop()));
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * POSTs with an Idempotency-Key, first to replica `first`; a 409 (conflict retries exhausted, or the key still being
   * answered elsewhere) is sent again to the other replica, until it is answered otherwise.
   */
  async function postUntilAnswered(path: string, body: unknown, key: string, first: number, as: 'finance' | 'officer') {
    for (let attempt = 0; ; attempt++) {
      const replica = replicas[(first + attempt) % 2];
      const answer = await replica.http.post(path, body, { as, headers: { 'idempotency-key': key } });
      sent.requests++;
      if (answer.status !== 409) return { answer, answeredBy: (first + attempt) % 2 };
      sent.conflicts++;
      if (attempt >= 50) throw new Error(`${key}: still 409 after ${attempt} attempts: ${answer.text}`);
    }
  }

  async function readLog(): Promise<RecordedEvent[]> {
    const store = await PostgresEventStore.open({ connectionString: database, schema: 'ledger' });
    try {
      return await store.readAll();
    } finally {
      await store.close();
    }
  }

  it('64 parallel 10万 grants on one Luzhou platform (cap 100万), split across both: exactly 10 accepted', async () => {
    const lead = leadFactory(7000)['luzhou-2024-consortium']();
    const consortium = await consortiumWith(replicas[0], 'luzhou-2024-consortium', lead);
    const grant = {
      consortiumId: consortium.id,
      recipient: lead.creditCode,
      category: 'luzhou.platform',
      amount: '100000',
      fiscalYear: 2025,
      grantedOn: '2025-11-03',
      platformId: 'LZ-REPLICA-PF-1',
    };
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        postUntilAnswered('/v1/subsidies', grant, `replica-grant-${i}`, i % 2, 'finance'),
      ),
    );
    const answers = results.map((r) => r.answer);
    // LOG_LEVEL=info npx jest test/replicas.e2e.spec.ts shows how the run went.
    if (process.env.LOG_LEVEL)
      console.log(
        `replicas: 64 grants answered in ${Date.now() - started} ms after ${sent.requests} requests ` +
          `(${sent.conflicts} answered 409 and sent again); answered by replica one ` +
          `${results.filter((r) => r.answeredBy === 0).length}, two ${results.filter((r) => r.answeredBy === 1).length}`,
      );
    expect(statuses(answers)).toEqual({ 201: 10, 422: 54 });
    for (const refused of answers.filter((a) => a.status === 422)) {
      expect(refused.body).toMatchObject({
        error: 'cap-exceeded',
        rule: 'luzhou.platform-cap',
        limit: '1000000.00',
        used: '1000000.00',
      });
    }
    const accepted = answers.filter((a) => a.status === 201);
    expect(accepted.map((a) => capOf(a.body, 'luzhou.platform-cap').used).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => fenToYuan((i + 1) * 100_000_00)).sort(),
    );

    // Every key answers its first answer again, from either replica, and records nothing new.
    const headBefore = (await replicas[0].http.get('/health', { as: 'viewer' })).body.log.headPosition as number;
    const repeats = await Promise.all(
      results.map(({ answeredBy }, i) =>
        replicas[1 - answeredBy].http.post('/v1/subsidies', grant, {
          as: 'finance',
          headers: { 'idempotency-key': `replica-grant-${i}` },
        }),
      ),
    );
    repeats.forEach((repeat, i) => {
      expect([i, repeat.status, repeat.body]).toEqual([i, answers[i].status, answers[i].body]);
      expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    });
    expect((await replicas[1].http.get('/health', { as: 'viewer' })).body.log.headPosition).toBe(headBefore);

    // The log holds 10 grants; the funding view, projected from it by another process, agrees.
    const granted = (await readLog()).filter(
      (e) => e.type === 'SubsidyGranted' && (e.data as { consortiumId?: string }).consortiumId === consortium.id,
    );
    expect(granted).toHaveLength(10);
    const position = Math.max(...accepted.map((a) => a.body.position as number));
    const funding = await getFunding(queries, lead.creditCode, 2025, position);
    expect(funding.status).toBe(200);
    expect(funding.body).toMatchObject({ granted: '1000000.00' });
    expect(funding.body.subsidies).toHaveLength(10);
    expect(capOf(funding.body, 'luzhou.platform-cap')).toMatchObject({
      limit: '1000000.00',
      used: '1000000.00',
      headroom: '0.00',
    });
  });

  it('20 parallel filings by one nmg lead across both replicas: exactly one accepted (nmg.one-per-lead)', async () => {
    const lead = unitBody(enterprise('baotou', 7400, { rdExpenseLastYearFen: 200_000_000_00 }));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postUntilAnswered(
          '/v1/consortia',
          filingBody('nmg-2024-consortium', { lead, name: `内蒙古自治区副本${i}产业链创新联合体` }),
          `replica-filing-${i}`,
          i % 2,
          'officer',
        ),
      ),
    );
    const answers = results.map((r) => r.answer);
    expect(statuses(answers)).toEqual({ 201: 1, 422: 19 });
    for (const refused of answers.filter((a) => a.status === 422))
      expect(refused.body).toMatchObject({ error: 'rule-violated', rule: 'nmg.one-per-lead' });
    const winner = answers.find((a) => a.status === 201)!;
    const list = await queries.http.get(
      `/v1/consortia?policy=nmg-2024-consortium&limit=100&minPosition=${winner.body.position}`,
      { as: 'viewer' },
    );
    expect(
      list.body.items.filter((c: { lead: { creditCode: string } }) => c.lead.creditCode === lead.creditCode),
    ).toHaveLength(1);
  });

  it('one Idempotency-Key sent to both replicas at once is answered once: the same answer, one consortium', async () => {
    const keys = Array.from({ length: 8 }, (_, i) => `replica-twice-${i}`);
    const pairs = await Promise.all(
      keys.map((key, i) => {
        const body = filingBody('liaoning-2021-alliance', { name: `辽宁副本${i}实质性产学研联盟` });
        const send = (replica: LedgerProcess) =>
          replica.http.post('/v1/consortia', body, { as: 'officer', headers: { 'idempotency-key': key } });
        return Promise.all(replicas.map(send));
      }),
    );
    for (const [a, b] of pairs) {
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body).toEqual(a.body);
      // One of the two ran the command; the other waited for its answer and replayed it.
      const replayed = [a, b].filter((answer) => answer.headers.get('idempotent-replayed') === 'true');
      expect(replayed).toHaveLength(1);
    }
    const filed = (await readLog()).filter((e) => e.type === 'ConsortiumFiled');
    for (const [a] of pairs)
      expect(filed.filter((e) => (e.data as { consortiumId: string }).consortiumId === a.body.id)).toHaveLength(1);
  });
});
