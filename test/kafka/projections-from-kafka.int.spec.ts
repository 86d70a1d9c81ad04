/**
 * The projection app with LEDGER_BUS=kafka, against a real Kafka-protocol broker (librdkafka's mock cluster): its read
 * models come from the log topic the relay publishes, each position applied once (redelivery changes nothing), a
 * missing position stops the projections loudly, a new read store in an old group catches up from the topic's start,
 * and the change feed reaches its compacted topics keyed by entity id. The reference is always a rebuild from the log.
 */
import { INestApplication } from '@nestjs/common';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, Producer } from 'kafkajs';
import { RecordedEvent, SqliteEventStore } from '@ledger/event-store';
import {
  CHANGE_FEED_CHECKPOINT,
  createLedgerApp,
  eventMessage,
  EventRelay,
  KafkaEventSource,
  LedgerConfig,
  ledgerConfigFromEnv,
  ProjectionEngine,
  READ_STORE,
  ReadStore,
  SqliteReadStore,
} from '@ledger/platform';
import { consortiumView } from '@ledger/presentation/consortium.view';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { CHANGE_FEED_KINDS, CHANGE_FEED_TOPICS } from '../../apps/projection/src/change-feed/change-feed.kinds';
import { ProjectionAppModule } from '../../apps/projection/src/projection.module';
import { PROJECTIONS } from '../../apps/projection/src/projections';
import { HttpClient } from '../support/http-client';
import { testKafkaConfig } from '../support/kafka/kafkajs-test-settings';
import { MockKafka, startMockKafka } from '../support/kafka/mock-kafka';
import { eventually, readTopics } from '../support/kafka/topic-reader';
import { dumpReadModels } from '../support/read-model-dump';
import { TOKEN_LIST, TOKENS } from '../support/test-tokens';
import { RawEventRow, writeRawLog } from '../stored-log/raw-log';

const LOG_TOPIC = 'ledger.events.v1';
const GAP_TOPIC = 'ledger.gap.v1';
const ROWS: RawEventRow[] = readFileSync(join(__dirname, '..', 'fixtures', 'stored-log-v1', 'events.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as RawEventRow);

describe('projections from Kafka', () => {
  let kafka: MockKafka;
  let client: Kafka;
  let producer: Producer;
  const dir = mkdtempSync(join(tmpdir(), 'ledger-kafka-projections-'));
  const eventsFile = join(dir, 'events.sqlite');
  let store: SqliteEventStore;
  let relay: EventRelay;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    kafka = await startMockKafka({
      topics: [
        { name: LOG_TOPIC, partitions: 1 },
        { name: GAP_TOPIC, partitions: 1 },
        ...Object.values(CHANGE_FEED_TOPICS).map((topic) => ({ name: topic, partitions: 2 })),
      ],
    });
    client = new Kafka(testKafkaConfig(kafka.bootstrap, 'projections-int-spec'));
    producer = client.producer();
    await producer.connect();
    // The first part of the stored log is there before anything starts; the rest is written while it runs.
    writeRawLog(eventsFile, ROWS.slice(0, 120));
    store = new SqliteEventStore({ file: eventsFile, pollIntervalMs: 20 });
    relay = new EventRelay(store, client, LOG_TOPIC, { retryDelayMs: 100 });
    relay.start();
  }, 30_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    await relay?.stop();
    await producer?.disconnect();
    await store?.close();
    await kafka?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function configFor(name: string, env: Record<string, string> = {}): LedgerConfig {
    return ledgerConfigFromEnv(
      {
        LEDGER_DATA_DIR: join(dir, name),
        LEDGER_BUS: 'kafka',
        KAFKA_BROKERS: kafka.bootstrap.join(','),
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        LEDGER_FOLLOW_POLL_MS: '20',
        LEDGER_ADMIN_TOKEN: TOKENS.admin,
        LEDGER_TOKENS: TOKEN_LIST,
        ...env,
      },
      0,
    );
  }

  /** The projection app as `main` builds it, on its own data directory; its events file is the shared log's. */
  async function projectionApp(config: LedgerConfig): Promise<INestApplication> {
    const app = await createLedgerApp(
      ProjectionAppModule.forRoot({ ...config, eventStore: { kind: 'sqlite', file: eventsFile } }),
      { title: 'kafka', description: 'kafka', logger: false },
    );
    await app.listen(0, '127.0.0.1');
    apps.push(app);
    return app;
  }

  const engineOf = (app: INestApplication) => app.get(ProjectionEngine);
  const head = () => store.headPosition();

  /** A rebuild of every read model from the log, as `npm run ledger -- rebuild` makes it. */
  async function rebuilt(name: string): Promise<ReturnType<typeof dumpReadModels>> {
    const file = join(dir, `${name}.sqlite`);
    const readStore = new SqliteReadStore(file);
    await new ProjectionEngine(store, readStore, PROJECTIONS).rebuild();
    await readStore.close();
    return dumpReadModels(file);
  }

  /** The app's read models, without the change feed's own checkpoint row. */
  const readModelsOf = (config: LedgerConfig) => {
    const dump = dumpReadModels(config.projectionsFile);
    const checkpoints = dump.rm_checkpoints as Array<{ projection: string }>;
    return { ...dump, rm_checkpoints: checkpoints.filter((c) => c.projection !== CHANGE_FEED_CHECKPOINT) };
  };

  describe('one projection process in the group', () => {
    const config = () => configFor('main');
    let app: INestApplication;

    beforeAll(async () => {
      app = await projectionApp(config());
      // The rest of the log arrives while the relay and the consumer run.
      for (let from = 120; from < ROWS.length; from += 40) {
        writeRawLog(eventsFile, ROWS.slice(from, from + 40));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const last = await head();
      await eventually(() => engineOf(app).processedPosition() === last, 'the read models to reach the head', 30_000);
    }, 60_000);

    afterAll(async () => {
      // It leaves the group: the next process takes the partition at once.
      await app.close();
      apps.splice(apps.indexOf(app), 1);
    });

    it('applies the whole log from the topic: the read models equal a rebuild from the log', async () => {
      expect(await head()).toBe(ROWS.length);
      expect(app.get(KafkaEventSource).health()).toEqual({ state: 'running', position: ROWS.length });
      expect(readModelsOf(config())).toEqual(await rebuilt('reference-1'));
    });

    it('applies each position once: the whole log delivered again changes nothing', async () => {
      const recorded = await store.readAll();
      await producer.send({ topic: LOG_TOPIC, messages: recorded.map(eventMessage) });
      // One event more after the redelivered ones: once it is applied, they have all been read.
      writeRawLog(eventsFile, [nextRow(recorded, 1)]);
      await eventually(() => engineOf(app).processedPosition() === ROWS.length + 1, 'the event after the redelivery');
      expect(readModelsOf(config())).toEqual(await rebuilt('reference-2'));
    });

    it('publishes the change feed: every entity on its compacted topic, key = id, value = its view at its position', async () => {
      const topics = Object.values(CHANGE_FEED_TOPICS);
      const reader = await readTopics(client, topics);
      const readStore = app.get<ReadStore>(READ_STORE);
      try {
        let lastChange = 0;
        for (const { kind, projection } of CHANGE_FEED_KINDS) {
          const topic = CHANGE_FEED_TOPICS[kind];
          const { documents } = await readStore.findDocuments(projection, {
            orderBy: [['position', 'desc']],
            limit: 1,
          });
          lastChange = Math.max(lastChange, documents[0]?.position ?? 0);
          const count = await readStore.countDocuments(projection);
          await eventually(
            () => new Set(reader.of(topic).map((m) => m.key)).size === count,
            `${count} keys on ${topic}`,
          );
        }
        const [consortium] = (await readStore.findDocuments<ConsortiumState>('consortia', { limit: 1 })).documents;
        const latest = reader.of('ledger.consortia.v1').filter((m) => m.key === consortium.id);
        expect(latest[latest.length - 1]).toMatchObject({
          key: consortium.id,
          headers: { kind: 'consortium', position: String(consortium.position), 'content-type': 'application/json' },
          value: {
            kind: 'consortium',
            id: consortium.id,
            position: consortium.position,
            recordedAt: consortium.updatedAt,
            state: JSON.parse(JSON.stringify(consortiumView(consortium.state))),
          },
        });
        const subsidy = reader.of('ledger.subsidies.v1')[0];
        expect(subsidy.value).toMatchObject({ kind: 'subsidy', id: subsidy.key, state: { id: subsidy.key } });
        expect(JSON.stringify(subsidy.value)).not.toMatch(/Fen"/);
        expect(reader.of('ledger.funding.v1')[0].value).toMatchObject({ kind: 'funding' });
        expect(reader.of('ledger.zones.v1')[0].value).toMatchObject({
          kind: 'zone',
          state: { id: expect.any(String) },
        });
        const checkpoints = await readStore.checkpoints();
        expect(checkpoints.get(CHANGE_FEED_CHECKPOINT)?.position).toBe(lastChange);
      } finally {
        await reader.stop();
      }
    });
  });

  it('a new read store in a group whose offset is past it reads the topic again from its start, and catches up', async () => {
    const config = configFor('second-store');
    const app = await projectionApp(config);
    const last = await head();
    await eventually(() => engineOf(app).processedPosition() === last, 'the new read store to catch up', 30_000);
    expect(readModelsOf(config)).toEqual(await rebuilt('reference-3'));
    await app.close();
    apps.splice(apps.indexOf(app), 1);
  }, 60_000);

  it('a missing position stops the projections loudly: stopped at the event before it, 503 on /health/ready', async () => {
    const recorded = await store.readAll({ maxCount: 20 });
    const withoutEleven = recorded.filter((event) => event.position !== 11);
    await producer.send({ topic: GAP_TOPIC, messages: withoutEleven.map(eventMessage) });
    const app = await projectionApp(configFor('gap', { KAFKA_TOPIC: GAP_TOPIC, KAFKA_GROUP: 'gap-group' }));
    const engine = engineOf(app);
    await eventually(
      () => engine.health().projections.every((p) => p.status === 'stopped'),
      'every projection to stop',
    );
    for (const projection of engine.health().projections) {
      expect(projection).toMatchObject({
        position: 10,
        status: 'stopped',
        failure: { position: 11, error: expect.stringContaining('position 11 is missing') },
      });
    }
    const http = new HttpClient((await app.getUrl()).replace('[::1]', '127.0.0.1'));
    const ready = await http.get('/health/ready', { as: null });
    expect(ready.status).toBe(503);
    expect(ready.body.error.projections.reason).toMatch(/^stopped: consortia/);
    const waiting = await http.get('/v1/consortia?minPosition=11', { as: 'viewer' });
    expect(waiting.status).toBe(503);
  }, 60_000);
});

/** A row for the log after `recorded`'s last event: an event of a stream of its own, that no projection reads. */
function nextRow(recorded: RecordedEvent[], n: number): RawEventRow {
  const last = recorded[recorded.length - 1];
  return {
    position: last.position + n,
    stream_id: `test-redelivery-${n}`,
    stream_revision: 0,
    event_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'TestMarker',
    schema_version: 1,
    data: '{}',
    metadata: JSON.stringify(last.metadata),
    recorded_at: last.recordedAt,
    hash: last.hash,
  };
}
