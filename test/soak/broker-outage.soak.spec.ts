/**
 * The relay's start reads the log topic's last message (`lastPublishedPosition`) with a throwaway consumer. A broker
 * that goes away while that consumer joins its group must be an error the relay retries (EventRelay.connect catches
 * it), never an unhandled rejection: in the relay process (Node's default) that ends the process.
 */
import { Kafka } from 'kafkajs';
import { testKafkaConfig } from '../support/kafka/kafkajs-test-settings';
import { MockKafka, startMockKafka } from '../support/kafka/mock-kafka';
import { eventMessage } from '@ledger/platform/bus/event-message';
import { lastPublishedPosition } from '@ledger/platform/bus/log-topic';

const TOPIC = 'ledger.outage.v1';

describe('lastPublishedPosition while the broker comes and goes', () => {
  let kafka: MockKafka;
  let client: Kafka;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);

  beforeAll(async () => {
    kafka = await startMockKafka({ topics: [{ name: TOPIC, partitions: 1 }] });
    client = new Kafka({
      ...testKafkaConfig(kafka.bootstrap, 'log-topic-outage'),
      retry: { retries: 1, initialRetryTime: 50 },
    });
    const producer = client.producer();
    await producer.connect();
    const event = {
      position: 1,
      streamId: 'consortium-1',
      streamRevision: 0,
      eventId: '00000000-0000-4000-8000-000000000001',
      type: 'TestMarker',
      schemaVersion: 1,
      data: {},
      metadata: {},
      recordedAt: '2026-01-01T00:00:00.000Z',
      hash: 'h',
    };
    await producer.send({ topic: TOPIC, messages: [eventMessage(event as never)] });
    await producer.disconnect();
    expect(await lastPublishedPosition(client, TOPIC)).toBe(1);
    process.on('unhandledRejection', onUnhandled);
  }, 30_000);

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await kafka?.stop();
  });

  it('answers or rejects, and leaves no unhandled rejection behind', async () => {
    for (let attempt = 0; attempt < 25 && unhandled.length === 0; attempt++) {
      const read = lastPublishedPosition(client, TOPIC, 3000).catch((error: unknown) => error);
      // The broker goes away at some moment of the read: while connecting, joining, or seeking.
      await new Promise((resolve) => setTimeout(resolve, 20 + attempt * 40));
      await kafka.setBroker(1, 'down');
      await new Promise((resolve) => setTimeout(resolve, 400));
      await kafka.setBroker(1, 'up');
      await read;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(unhandled.map((reason) => (reason instanceof Error ? reason.message : String(reason)))).toEqual([]);
  }, 120_000);
});
