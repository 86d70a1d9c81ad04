/**
 * What the relay and the consumer ask of the log topic itself: that it has the one partition the log's order needs,
 * its offsets, and the position of its last message — the relay's checkpoint.
 *
 * Why the topic is the relay's checkpoint: what the broker holds is exactly what it acknowledged, so a relay that
 * restarts (after a crash between an acknowledgement and anything it could have written down) resumes after the last
 * event the topic really has, and publishes nothing twice and nothing short. No table to keep in step with the broker.
 */
import { randomUUID } from 'node:crypto';
import { Admin, Kafka } from 'kafkajs';
import { LOG_PARTITION, recordedEventOf } from './event-message';

export interface LogTopicOffsets {
  /** The offset of the first message still held (retention may have removed older ones). */
  low: string;
  /** The offset the next message will get. */
  high: string;
}

/** The log topic's offsets; refuses a topic with more than one partition (the log has one order). */
export async function logTopicOffsets(admin: Admin, topic: string): Promise<LogTopicOffsets> {
  const partitions = await admin.fetchTopicOffsets(topic);
  if (partitions.length !== 1) {
    throw new Error(
      `topic ${topic} has ${partitions.length} partitions; the ledger's log needs exactly 1 (one order: the log's)`,
    );
  }
  return { low: partitions[0].low, high: partitions[0].high };
}

/** The position of the last event on the log topic (0 when it holds none). Takes a consumer group join (~3 s). */
export async function lastPublishedPosition(kafka: Kafka, topic: string, timeoutMs = 30_000): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  let offsets: LogTopicOffsets;
  try {
    offsets = await logTopicOffsets(admin, topic);
  } finally {
    await admin.disconnect();
  }
  if (BigInt(offsets.high) <= BigInt(offsets.low)) return 0;
  const last = (BigInt(offsets.high) - 1n).toString();
  return (await readMessageAt(kafka, topic, last, timeoutMs)).position;
}

/**
 * kafkajs reads only as a member of a consumer group: a throwaway group that commits nothing (so nothing of it stays
 * on the broker once it leaves) seeks to the offset and reads the one message.
 */
async function readMessageAt(kafka: Kafka, topic: string, offset: string, timeoutMs: number) {
  const consumer = kafka.consumer({ groupId: `${topic}.tail-reader.${randomUUID()}`, maxWaitTimeInMs: 250 });
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const found = new Promise<ReturnType<typeof recordedEventOf>>((resolve, reject) => {
      void consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            // A fetch may start before the seek takes effect: skip what comes before the offset.
            if (partition !== LOG_PARTITION || BigInt(message.offset) < BigInt(offset)) return;
            try {
              resolve(recordedEventOf(topic, message));
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          },
        })
        // run() resolves even when joining the group crashed (a broker failing meanwhile); seek then throws, and that
        // is this read's failure, not an unhandled rejection that ends the process.
        .then(() => consumer.seek({ topic, partition: LOG_PARTITION, offset }))
        .catch(reject);
    });
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no message read at ${topic}:${offset} within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    return await Promise.race([found, timedOut]);
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}
