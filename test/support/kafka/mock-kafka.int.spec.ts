/**
 * What later Kafka work relies on, proven with kafkajs against the mock cluster over the real wire protocol:
 * idempotent keyed produce with headers, per-key order in a consumer group, committed offsets surviving a
 * member's departure, and partitions shared by two members after a rebalance.
 */
import { Consumer, EachMessagePayload, Kafka, Partitioners, Producer } from 'kafkajs';
import { fastConsumerSettings, testKafkaConfig } from './kafkajs-test-settings';
import { MockKafka, startMockKafka } from './mock-kafka';

const EVENTS_TOPIC = 'ledger.events.v1';
const REBALANCE_TOPIC = 'ledger.rebalance.v1';
const KEYS = ['consortium-a', 'consortium-b', 'consortium-c', 'consortium-d'];

describe('startMockKafka', () => {
  it('names the Debian package when librdkafka cannot be loaded', async () => {
    await expect(startMockKafka({ library: '/nonexistent/librdkafka.so.1' })).rejects.toThrow(
      /apt-get install -y librdkafka1/,
    );
  });

  it('listens on fresh ports each start, and stop() leaves no process behind', async () => {
    const first = await startMockKafka({ brokers: 3 });
    const second = await startMockKafka();
    try {
      expect(first.bootstrap).toHaveLength(3);
      expect(first.bootstrap).not.toContain(second.bootstrap[0]);
      expect(first.bootstrap[0]).toMatch(/^127\.0\.0\.1:\d+$/);
    } finally {
      await first.stop();
      await second.stop();
      await second.stop(); // twice is harmless
    }
    expect(isRunning(first.pid)).toBe(false);
    expect(isRunning(second.pid)).toBe(false);
  });
});

describe('kafkajs against the mock cluster', () => {
  let kafka: MockKafka;
  let client: Kafka;
  const connected: (Producer | Consumer)[] = [];

  beforeAll(async () => {
    kafka = await startMockKafka({
      topics: [
        { name: EVENTS_TOPIC, partitions: 3 },
        { name: REBALANCE_TOPIC, partitions: 4 },
      ],
    });
    client = new Kafka(testKafkaConfig(kafka.bootstrap, 'mock-kafka-int-spec'));
  });

  afterAll(async () => {
    await Promise.all(connected.map((member) => member.disconnect()));
    await kafka?.stop();
  });

  async function connectedProducer(): Promise<Producer> {
    const producer = client.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    connected.push(producer);
    await producer.connect();
    return producer;
  }

  /** Resolves once the consumer has joined its group (kafkajs' run() waits for the join). */
  async function runningConsumer(
    groupId: string,
    topic: string,
    into: ReceivedMessage[],
    onAssigned: (partitions: number[]) => void = () => undefined,
  ): Promise<Consumer> {
    const consumer = client.consumer({ groupId, ...fastConsumerSettings });
    connected.push(consumer);
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => onAssigned(payload.memberAssignment[topic] ?? []));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: (payload) => {
        into.push(received(payload));
        return Promise.resolve();
      },
    });
    return consumer;
  }

  it('advertises broker 1 as the controller (the patched ControllerId)', async () => {
    const admin = client.admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      expect(cluster.controller).toBe(1);
      expect(cluster.brokers.map((broker) => broker.nodeId)).toEqual([1]);
    } finally {
      await admin.disconnect();
    }
  });

  it('delivers idempotently produced keyed events with headers in per-key order, and a group resumes after its committed offsets', async () => {
    const producer = await connectedProducer();
    await produceRounds(producer, [0, 1, 2, 3, 4]);

    const firstRead: ReceivedMessage[] = [];
    const first = await runningConsumer('ledger-projector', EVENTS_TOPIC, firstRead);
    await until(() => firstRead.length >= 20, 'the first member to read 20 events');
    await first.disconnect(); // commits what it has processed
    expect(await committedOffsetTotal('ledger-projector')).toBe(20);

    expect(firstRead).toHaveLength(20);
    expect(sequencesByKey(firstRead)).toEqual(Object.fromEntries(KEYS.map((key) => [key, [0, 1, 2, 3, 4]])));
    for (const key of KEYS) {
      expect(new Set(firstRead.filter((m) => m.key === key).map((m) => m.partition)).size).toBe(1);
    }
    expect(firstRead[0].headers).toEqual({ 'event-type': 'ConsortiumAmended', 'content-type': 'application/json' });

    await produceRounds(producer, [5, 6]);
    const secondRead: ReceivedMessage[] = [];
    await runningConsumer('ledger-projector', EVENTS_TOPIC, secondRead);
    await until(() => secondRead.length >= 8, 'the second member to read the 8 newer events');

    // Had the offsets not been committed, fromBeginning would have replayed sequences 0..4 first.
    expect(sequencesByKey(secondRead)).toEqual(Object.fromEntries(KEYS.map((key) => [key, [5, 6]])));
  });

  it('shares the partitions of one topic between two members of a group after a rebalance', async () => {
    const assignments = new Map<string, number[]>();
    const readBy = new Map<string, ReceivedMessage[]>([
      ['member-1', []],
      ['member-2', []],
    ]);
    const join = (member: string) =>
      runningConsumer('ledger-rebalance', REBALANCE_TOPIC, readBy.get(member) ?? [], (partitions) =>
        assignments.set(member, partitions),
      );
    await join('member-1');
    await until(() => assignments.get('member-1')?.length === 4, 'member-1 to own all 4 partitions');
    await join('member-2');
    await until(
      () => assignments.get('member-1')?.length === 2 && assignments.get('member-2')?.length === 2,
      'both members to own 2 partitions each',
    );

    const owned = [...(assignments.get('member-1') ?? []), ...(assignments.get('member-2') ?? [])];
    expect(owned.sort()).toEqual([0, 1, 2, 3]);

    const producer = await connectedProducer();
    await producer.send({
      topic: REBALANCE_TOPIC,
      messages: [0, 1, 2, 3].map((partition) => ({ partition, key: `p${partition}`, value: `${partition}` })),
    });
    await until(
      () => [...readBy.values()].every((messages) => messages.length === 2),
      'each member to read the 2 events of its own partitions',
    );
    for (const [member, messages] of readBy) {
      expect(messages.map((m) => m.partition).sort()).toEqual(assignments.get(member)?.sort());
    }
  });

  async function committedOffsetTotal(groupId: string): Promise<number> {
    const admin = client.admin();
    await admin.connect();
    try {
      const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [EVENTS_TOPIC] });
      return partitions.reduce((total, { offset }) => total + Math.max(0, Number(offset)), 0);
    } finally {
      await admin.disconnect();
    }
  }

  async function produceRounds(producer: Producer, sequences: number[]): Promise<void> {
    // One send per round, so the idempotent producer's sequence numbers advance across requests.
    for (const sequence of sequences) {
      await producer.send({
        topic: EVENTS_TOPIC,
        messages: KEYS.map((key) => ({
          key,
          value: JSON.stringify({ key, sequence }),
          headers: { 'event-type': 'ConsortiumAmended', 'content-type': 'application/json' },
        })),
      });
    }
  }
});

interface ReceivedMessage {
  partition: number;
  offset: string;
  key: string;
  sequence: number | undefined;
  headers: Record<string, string>;
}

function received({ partition, message }: EachMessagePayload): ReceivedMessage {
  const value = message.value?.toString() ?? '';
  const body = value.startsWith('{') ? (JSON.parse(value) as { sequence: number }) : undefined;
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, header]) => [name, String(header)]),
  );
  return { partition, offset: message.offset, key: message.key?.toString() ?? '', sequence: body?.sequence, headers };
}

function sequencesByKey(messages: ReceivedMessage[]): Record<string, (number | undefined)[]> {
  const byKey: Record<string, (number | undefined)[]> = {};
  for (const { key, sequence } of messages) (byKey[key] ??= []).push(sequence);
  return byKey;
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
