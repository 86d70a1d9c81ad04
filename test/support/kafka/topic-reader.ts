/** Reads topics from their start in a consumer group of its own, gathering every message for a test to look at. */
import { randomUUID } from 'node:crypto';
import { Consumer, Kafka } from 'kafkajs';
import { fastConsumerSettings } from './kafkajs-test-settings';

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  value: unknown;
  headers: Record<string, string>;
}

export interface TopicReader {
  readonly messages: ReadMessage[];
  of(topic: string): ReadMessage[];
  stop(): Promise<void>;
}

/** Resolves once the reader has joined its group (~3 s on the mock); messages arrive in `messages` from then on. */
export async function readTopics(client: Kafka, topics: string[]): Promise<TopicReader> {
  const consumer: Consumer = client.consumer({ groupId: `test-reader-${randomUUID()}`, ...fastConsumerSettings });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    eachMessage: ({ topic, partition, message }) => {
      const text = message.value?.toString('utf8') ?? '';
      messages.push({
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString('utf8') ?? '',
        value: text.startsWith('{') ? JSON.parse(text) : text,
        headers: Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, header]) => [name, header?.toString() ?? '']),
        ),
      });
      return Promise.resolve();
    },
  });
  return {
    messages,
    of: (topic) => messages.filter((m) => m.topic === topic),
    stop: () => consumer.disconnect(),
  };
}

/** Polls `condition` every 50 ms until it holds; fails naming `what` after `timeoutMs`. */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
