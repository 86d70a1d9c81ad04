/**
 * The ledger as an operator runs it with LEDGER_BUS=kafka: the built command, relay and projection apps as three OS
 * processes on PostgreSQL (event store and read store) and a real Kafka-protocol broker (librdkafka's mock cluster).
 * The whole story is driven through the command process while the relay and the projection process are killed
 * (SIGKILL) mid-stream and started again: the log topic then holds every position exactly once, and every query of
 * the projection process answers as a reference whose read models are a fresh rebuild from the log (the projection
 * app in this process, following the PostgreSQL log itself on SQLite).
 */
import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka } from 'kafkajs';
import { startTestPostgres, TestPostgresServer } from '@ledger/event-store/postgres/testing/embedded-postgres';
import { createLedgerApp, ledgerConfigFromEnv } from '@ledger/platform';
import { CHANGE_FEED_TOPICS } from '../../apps/projection/src/change-feed/change-feed.kinds';
import { ProjectionAppModule } from '../../apps/projection/src/projection.module';
import { playStory, STORED_LOG_TODAY, storedLogQueries, StoryIds } from '../stored-log/stored-log.story';
import { HttpClient } from '../support/http-client';
import { testKafkaConfig } from '../support/kafka/kafkajs-test-settings';
import { MockKafka, startMockKafka } from '../support/kafka/mock-kafka';
import { eventually, readTopics, TopicReader } from '../support/kafka/topic-reader';
import { LedgerProcess, startLedgerProcess } from '../support/ledger-process';
import { TOKEN_LIST, TOKENS } from '../support/test-tokens';

const LOG_TOPIC = 'ledger.events.v1';

describe('command, relay and projection apps as processes over Kafka, on PostgreSQL', () => {
  let postgres: TestPostgresServer;
  let kafka: MockKafka;
  let reader: TopicReader;
  let env: Record<string, string>;
  let commands: LedgerProcess;
  let relay: LedgerProcess;
  let queries: LedgerProcess;
  let reference: INestApplication;
  let referenceHttp: HttpClient;
  let ids: StoryIds;
  let head: number;
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-kafka-apps-'));
  const referenceDir = mkdtempSync(join(tmpdir(), 'ledger-kafka-ref-'));

  beforeAll(async () => {
    [postgres, kafka] = await Promise.all([
      startTestPostgres(),
      startMockKafka({
        topics: [
          { name: LOG_TOPIC, partitions: 1 },
          ...Object.values(CHANGE_FEED_TOPICS).map((name) => ({ name, partitions: 2 })),
        ],
      }),
    ]);
    const database = await postgres.createDatabase();
    env = {
      LEDGER_STORE: 'postgres',
      LEDGER_READ_STORE: 'postgres',
      DATABASE_URL: database,
      DATABASE_SCHEMA: 'ledger',
      LEDGER_DATA_DIR: dataDir,
      LEDGER_ADMIN_TOKEN: TOKENS.admin,
      LEDGER_TOKENS: TOKEN_LIST,
      LEDGER_TODAY: STORED_LOG_TODAY,
      LEDGER_FOLLOW_POLL_MS: '20',
      LEDGER_BUS: 'kafka',
      KAFKA_BROKERS: kafka.bootstrap.join(','),
      KAFKA_SESSION_TIMEOUT_MS: '6000',
    };
    [commands, relay, queries] = await Promise.all([
      startLedgerProcess('command', env),
      startLedgerProcess('relay', env),
      startLedgerProcess('projection', env),
    ]);
    reader = await readTopics(new Kafka(testKafkaConfig(kafka.bootstrap, 'apps-over-kafka')), [LOG_TOPIC]);

    // The story through the command process; halfway, the relay and the projection process die without a word.
    const story = playStory(commands);
    await eventually(async () => (await headOf(commands)) >= 60, 'the story to be under way', 60_000);
    await Promise.all([relay.stop('SIGKILL'), queries.stop('SIGKILL')]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    [relay, queries] = await Promise.all([startLedgerProcess('relay', env), startLedgerProcess('projection', env)]);
    ids = await story;
    head = await headOf(commands);

    reference = await createLedgerApp(
      ProjectionAppModule.forRoot(
        ledgerConfigFromEnv(
          { ...env, LEDGER_BUS: 'inproc', LEDGER_READ_STORE: 'sqlite', LEDGER_DATA_DIR: referenceDir },
          0,
        ),
      ),
      { title: 'reference', description: 'reference', logger: false },
    );
    await reference.listen(0, '127.0.0.1');
    referenceHttp = new HttpClient((await reference.getUrl()).replace('[::1]', '127.0.0.1'));
  }, 150_000);

  afterAll(async () => {
    await reader?.stop();
    await reference?.close();
    await Promise.all([commands, relay, queries].filter(Boolean).map((p) => p.stop()));
    await Promise.all([postgres?.stop(), kafka?.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(referenceDir, { recursive: true, force: true });
  });

  const headOf = async (process: LedgerProcess): Promise<number> =>
    (await process.http.get('/health', { as: 'viewer' })).body.log.headPosition;

  it('the log topic holds every position once, in order, keyed by stream id: nothing lost or doubled by the kills', async () => {
    await eventually(() => reader.messages.length >= head, `${head} events on ${LOG_TOPIC}`, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const positions = reader.messages.map((m) => Number(m.headers.position));
    expect(positions).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    expect(reader.messages.every((m) => m.key === (m.value as { streamId: string }).streamId)).toBe(true);
  });

  it('the relay is ready with its lag in /health/ready; the projection process names its consumer', async () => {
    const ready = await relay.http.get('/health/ready', { as: 'viewer' });
    expect(ready.status).toBe(200);
    expect(ready.body.details.relay).toMatchObject({ status: 'up', state: 'running', position: head, lag: 0 });
    const anonymous = await relay.http.get('/health/ready', { as: null });
    expect(anonymous.body.details.relay).toEqual({
      status: 'up',
      state: 'running',
      lag: 0,
      maxLag: expect.any(Number),
    });
    // The restarted process joins the group once the killed member's session has expired (KAFKA_SESSION_TIMEOUT_MS).
    const consumerState = async () => (await queries.http.get('/health', { as: 'viewer' })).body.bus?.consumer?.state;
    await eventually(
      async () => (await consumerState()) === 'running',
      'the restarted consumer to own the log',
      30_000,
    );
    const projected = async () => (await queries.http.get('/health', { as: 'viewer' })).body.projections?.position;
    await eventually(async () => (await projected()) === head, 'the restarted process to apply the rest', 30_000);
    const health = await queries.http.get('/health', { as: 'viewer' });
    expect(health.body).toMatchObject({ status: 'ok', projections: { position: head, lag: 0 } });
  });

  it('every query of the restarted projection process answers as a fresh rebuild from the log', async () => {
    const paths = [...storedLogQueries(ids).map((query) => query.path), '/v1/subsidies?limit=50', '/v1/dashboard'];
    expect(paths.length).toBeGreaterThan(150);
    for (const path of paths) {
      const at = `${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`;
      const [overKafka, rebuilt] = await Promise.all(
        [queries.http, referenceHttp].map((http) => http.get(at, { as: 'supervisor' })),
      );
      expect([path, overKafka.status]).toEqual([path, 200]);
      expect([path, overKafka.body]).toEqual([path, rebuilt.body]);
    }
  });
});
