/**
 * The outbox relay against a real Kafka-protocol broker (librdkafka's mock cluster) and a real SQLite log: what it
 * publishes, that its position moves only on the broker's acknowledgement, and that a relay started again resumes
 * where the topic ends.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka } from 'kafkajs';
import { EventStore, SqliteEventStore } from '@ledger/event-store';
import { testKafkaConfig } from '../../../../test/support/kafka/kafkajs-test-settings';
import { MockKafka, startMockKafka } from '../../../../test/support/kafka/mock-kafka';
import { eventually, ReadMessage, readTopics, TopicReader } from '../../../../test/support/kafka/topic-reader';
import { EventRelay } from './event-relay';

const TOPIC = 'ledger.events.v1';
const STREAMS = ['consortium-a', 'subsidy-b', 'zone-c'];

describe('the outbox relay', () => {
  let kafka: MockKafka;
  let client: Kafka;
  let reader: TopicReader;
  let store: EventStore;
  const dir = mkdtempSync(join(tmpdir(), 'ledger-relay-'));
  const relays: EventRelay[] = [];

  beforeAll(async () => {
    kafka = await startMockKafka({ topics: [{ name: TOPIC, partitions: 1 }] });
    client = new Kafka(testKafkaConfig(kafka.bootstrap, 'relay-int-spec'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    reader = await readTopics(client, [TOPIC]);
  }, 30_000);

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await reader?.stop();
    await store?.close();
    await kafka?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const startRelay = () => {
    const relay = new EventRelay(store, client, TOPIC, { retryDelayMs: 100 });
    relays.push(relay);
    relay.start();
    return relay;
  };

  async function append(rounds: number): Promise<number> {
    let position = 0;
    for (let round = 0; round < rounds; round++) {
      for (const stream of STREAMS) {
        const type = round === 0 ? 'Opened' : 'Amended';
        const metadata = { actor: 'officer.zhang', correlationId: 'c', causationId: 'c', commandId: randomUUID() };
        ({ lastPosition: position } = await store.appendToStream(stream, 'any', [
          { eventId: randomUUID(), type, data: { round }, metadata },
        ]));
      }
    }
    return position;
  }

  const positions = (messages: ReadMessage[]) => messages.map((m) => Number(m.headers.position));
  const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it('publishes every event in log order to the one partition: key = stream id, headers type, position, event id, schema version', async () => {
    const head = await append(3);
    const relay = startRelay();
    await eventually(() => relay.position() === head && reader.messages.length === head, `${head} events`);

    expect(positions(reader.messages)).toEqual(oneToN(head));
    const [first] = reader.messages;
    const [recorded] = await store.readAll({ maxCount: 1 });
    expect(first).toMatchObject({ partition: 0, key: 'consortium-a', value: recorded });
    expect(first.headers).toEqual({
      'event-type': 'Opened',
      position: '1',
      'event-id': recorded.eventId,
      'schema-version': '1',
      'content-type': 'application/json',
    });
    for (const stream of STREAMS) {
      const rounds = reader.messages.filter((m) => m.key === stream).map((m) => (m.value as { data: object }).data);
      expect([stream, rounds]).toEqual([stream, [{ round: 0 }, { round: 1 }, { round: 2 }]]);
    }
    expect(relay.health()).toEqual({ state: 'running', position: head });
  });

  it('moves its position only on the broker’s acknowledgement: with the broker down nothing moves, and once it is back every event goes out once', async () => {
    const [relay] = relays;
    const before = relay.position();
    await kafka.setBroker(1, 'down');
    const head = await append(2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(relay.position()).toBe(before);
    expect(reader.messages).toHaveLength(before);

    await kafka.setBroker(1, 'up');
    await eventually(
      () => relay.position() === head && reader.messages.length >= head,
      'the relay after the outage',
      40_000,
    );
    expect(positions(reader.messages)).toEqual(oneToN(head));
    expect(relay.health().state).toBe('running');
  }, 60_000);

  it('started again, resumes after the last event the topic holds: nothing twice, nothing missed', async () => {
    await relays[0].stop();
    const head = await append(2);
    const restarted = startRelay();
    await eventually(() => restarted.position() === head && reader.messages.length >= head, 'the restarted relay');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(positions(reader.messages)).toEqual(oneToN(head));
  });
});
