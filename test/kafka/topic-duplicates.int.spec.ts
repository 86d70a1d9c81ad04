/**
 * The log topic may hold a position more than once: ARCHITECTURE.md, "Kafka between the apps": "A failed batch is
 * retried from the last acknowledged position; a batch taken whose acknowledgement was lost may go out twice, which
 * consumers skip by position" — and two relays running at once each publish the log from the topic's tail. A consumer
 * must then skip the copies. When a copy lands in the same fetch as the messages it repeats, the batch handed to the
 * engine is not in position order, and the engine takes the copy for a gap: every projection stops.
 */
import { INestApplication } from '@nestjs/common';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, Producer } from 'kafkajs';
import { SqliteEventStore } from '@ledger/event-store';
import {
  CHANGE_FEED_CHECKPOINT,
  createLedgerApp,
  eventMessage,
  EventRelay,
  LedgerConfig,
  ledgerConfigFromEnv,
  ProjectionEngine,
  SqliteReadStore,
} from '@ledger/platform';
import { CHANGE_FEED_TOPICS } from '../../apps/projection/src/change-feed/change-feed.kinds';
import { ProjectionAppModule } from '../../apps/projection/src/projection.module';
import { PROJECTIONS } from '../../apps/projection/src/projections';
import { testKafkaConfig } from '../support/kafka/kafkajs-test-settings';
import { MockKafka, startMockKafka } from '../support/kafka/mock-kafka';
import { eventually, readTopics } from '../support/kafka/topic-reader';
import { dumpReadModels } from '../support/read-model-dump';
import { TOKEN_LIST, TOKENS } from '../support/test-tokens';
import { RawEventRow, writeRawLog } from '../stored-log/raw-log';

const RESENT_TOPIC = 'ledger.resent.v1';
const TWO_RELAYS_TOPIC = 'ledger.two-relays.v1';
const FETCHED_TOPIC = 'ledger.two-relays-fetched.v1';
const ROWS: RawEventRow[] = readFileSync(join(__dirname, '..', 'fixtures', 'stored-log-v1', 'events.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as RawEventRow);

describe('copies of positions on the log topic', () => {
  let kafka: MockKafka;
  let client: Kafka;
  let producer: Producer;
  const dir = mkdtempSync(join(tmpdir(), 'ledger-kafka-duplicates-'));
  const eventsFile = join(dir, 'events.sqlite');
  let store: SqliteEventStore;
  const apps: INestApplication[] = [];
  const relays: EventRelay[] = [];

  beforeAll(async () => {
    kafka = await startMockKafka({
      topics: [
        { name: RESENT_TOPIC, partitions: 1 },
        { name: TWO_RELAYS_TOPIC, partitions: 1 },
        { name: FETCHED_TOPIC, partitions: 1 },
        ...Object.values(CHANGE_FEED_TOPICS).map((topic) => ({ name: topic, partitions: 2 })),
      ],
    });
    client = new Kafka(testKafkaConfig(kafka.bootstrap, 'duplicates-int-spec'));
    producer = client.producer();
    await producer.connect();
    writeRawLog(eventsFile, ROWS.slice(0, 60));
    store = new SqliteEventStore({ file: eventsFile, pollIntervalMs: 20 });
  }, 30_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const relay of relays) await relay.stop();
    await producer?.disconnect();
    await store?.close();
    await kafka?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function configFor(name: string, topic: string): LedgerConfig {
    return ledgerConfigFromEnv(
      {
        LEDGER_DATA_DIR: join(dir, name),
        LEDGER_BUS: 'kafka',
        KAFKA_BROKERS: kafka.bootstrap.join(','),
        KAFKA_TOPIC: topic,
        KAFKA_GROUP: `${name}-group`,
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        LEDGER_FOLLOW_POLL_MS: '20',
        LEDGER_ADMIN_TOKEN: TOKENS.admin,
        LEDGER_TOKENS: TOKEN_LIST,
      },
      0,
    );
  }

  async function projectionApp(config: LedgerConfig): Promise<INestApplication> {
    const app = await createLedgerApp(
      ProjectionAppModule.forRoot({ ...config, eventStore: { kind: 'sqlite', file: eventsFile } }),
      { title: 'kafka', description: 'kafka', logger: false },
    );
    await app.listen(0, '127.0.0.1');
    apps.push(app);
    return app;
  }

  async function rebuilt(name: string): Promise<ReturnType<typeof dumpReadModels>> {
    const file = join(dir, `${name}.sqlite`);
    const readStore = new SqliteReadStore(file);
    await new ProjectionEngine(store, readStore, PROJECTIONS).rebuild();
    await readStore.close();
    return dumpReadModels(file);
  }

  /** Rows in a total order (dumpReadModels orders by the first two columns only). */
  const sorted = (dump: Record<string, unknown[]>) =>
    Object.fromEntries(
      Object.entries(dump).map(([table, rows]) => [table, rows.map((row) => JSON.stringify(row)).sort()]),
    );

  const readModelsOf = (config: LedgerConfig) => {
    const dump = dumpReadModels(config.projectionsFile);
    const checkpoints = dump.rm_checkpoints as Array<{ projection: string }>;
    return sorted({ ...dump, rm_checkpoints: checkpoints.filter((c) => c.projection !== CHANGE_FEED_CHECKPOINT) });
  };

  async function expectCaughtUp(app: INestApplication, config: LedgerConfig, reference: string): Promise<void> {
    const engine = app.get(ProjectionEngine);
    const last = await store.headPosition();
    await eventually(
      () => engine.processedPosition() === last || engine.health().projections.some((p) => p.status === 'stopped'),
      'the read models to reach the head (or a projection to stop)',
      30_000,
    );
    // No projection takes a copy of a position it applied for a missing one.
    expect(engine.health().projections.filter((p) => p.status !== 'running')).toEqual([]);
    expect(engine.processedPosition()).toBe(last);
    expect(readModelsOf(config)).toEqual(sorted(await rebuilt(reference)));
  }

  it('a batch the relay sent again (its acknowledgement lost) is skipped by position', async () => {
    const recorded = await store.readAll();
    // What a relay leaves when the broker took 21…40 but the acknowledgement never came back: it resends from 20.
    const topic = [...recorded.slice(0, 40), ...recorded.slice(20, 40), ...recorded.slice(40)];
    await producer.send({ topic: RESENT_TOPIC, messages: topic.map(eventMessage) });
    const config = configFor('resent', RESENT_TOPIC);
    const app = await projectionApp(config);
    await expectCaughtUp(app, config, 'reference-resent');
  }, 60_000);

  it('two relays publishing at once: what a fetch of their topic brings is skipped by position', async () => {
    // Two relay processes started together on one log (a deployment's rolling restart, a second replica): each reads
    // the topic's tail and publishes the log from there, so the topic holds each position twice.
    for (let i = 0; i < 2; i++) {
      const relay = new EventRelay(store, client, TWO_RELAYS_TOPIC, { retryDelayMs: 100, batchSize: 10 });
      relays.push(relay);
      relay.start();
    }
    const last = await store.headPosition();
    await eventually(
      () => relays.every((relay) => relay.position() === last),
      'both relays to publish the log',
      30_000,
    );
    const reader = await readTopics(client, [TWO_RELAYS_TOPIC]);
    await eventually(() => reader.of(TWO_RELAYS_TOPIC).length >= 2 * last, 'both copies on the topic', 20_000);
    const positions = reader.of(TWO_RELAYS_TOPIC).map((m) => (m.value as { position: number }).position);
    await reader.stop();
    expect(positions.length).toBe(2 * last);
    // A real broker answers a fetch with every record batch up to the fetch's size (kafkajs hands them to eachBatch
    // as one batch); librdkafka's mock answers one record batch a fetch. The topic's messages as one record batch
    // are what a consumer catching up reads from a real broker in one fetch.
    const byPosition = new Map((await store.readAll()).map((event) => [event.position, event]));
    const asFetched = positions.map((position) => eventMessage(byPosition.get(position)!));
    await producer.send({ topic: FETCHED_TOPIC, messages: asFetched });
    const config = configFor('two-relays', FETCHED_TOPIC);
    const app = await projectionApp(config);
    await expectCaughtUp(app, config, 'reference-two-relays');
  }, 60_000);
});
