/**
 * The projection engine's events consumed from the log topic, in a consumer group (KAFKA_GROUP): one of the group's
 * projection processes owns the topic's one partition and applies; the others stand by, answering queries from the
 * shared read store, and take over when the owner leaves or dies (after KAFKA_SESSION_TIMEOUT_MS).
 *
 * The read store's checkpoints, not the group's offsets, say what is applied: each batch goes to the engine, which
 * applies to each projection only the positions past that projection's checkpoint, re-read in the batch's transaction
 * (redelivery after a crash or a rebalance changes nothing), and — positions being dense — stops a projection on a
 * missing one. The group's offset is committed after the engine's commit, and never past what every projection has
 * applied (a stopped one included), so a restarted process finds every event its read models still need. Taking the
 * partition, the consumer steps back one message, so that the first it reads is the last one the group applied: when
 * that is past what the read models need (a new read store, a projection reset by a version change), it reads the
 * partition again from its start, once, and the engine skips what it has.
 */
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { FollowOptions, RecordedEvent, Subscription } from '@ledger/event-store';
import { KafkaSetting } from '../config/ledger.config';
import { EventSource } from '../projections/event-source';
import { BusLinkHealth, BusLinkStatus, messageOf } from './bus-link';
import { LOG_PARTITION, recordedEventOf } from './event-message';
import { logTopicOffsets } from './log-topic';

export interface KafkaEventSourceOptions {
  log?: (message: string) => void;
  /** Dense positions (SQLite, PostgreSQL): an offset past the next position needed can be told, and is rewound. */
  densePositions: boolean;
  /** The lowest checkpoint of the projections that run, read afresh from the read store (before a rewind). */
  checkpoint(): Promise<number>;
  /** The position every projection, stopped ones included, has applied: the group's offset never passes it. */
  committable(): number;
  /** Called every `standbyPollMs` while this process owns no partition: take up what the owner committed. */
  whileStandby(): Promise<void>;
  standbyPollMs: number;
  /** The pause before a failed start (a broker not reachable) is tried again. Default 1000 ms. */
  retryDelayMs?: number;
}

export class KafkaEventSource implements EventSource {
  private readonly status = new BusLinkStatus();
  private consumer?: Consumer;
  private started?: Promise<void>;
  private closed = false;
  private follower?: FollowOptions;
  /** The highest position handed to the engine (or its checkpoint when it attached). */
  private delivered = 0;
  /** The first events after an attach or an assignment must follow `delivered`; otherwise rewind, once. */
  private verifyStart = true;
  private rewound = false;
  private ownsLog = false;
  /** A message that is not a ledger event stops the consumer for good: skipping it could skip an event. */
  private poisoned = false;
  private inFlight: Promise<void> = Promise.resolve();
  private standbyTimer?: NodeJS.Timeout;
  private readonly log: (message: string) => void;

  constructor(
    private readonly kafka: Kafka,
    private readonly setting: KafkaSetting,
    private readonly options: KafkaEventSourceOptions,
  ) {
    this.log = options.log ?? (() => undefined);
  }

  follow(follower: FollowOptions): Subscription {
    this.follower = follower;
    this.delivered = follower.after;
    this.verifyStart = true;
    this.rewound = false;
    this.started ??= this.start();
    if (!this.poisoned) this.consumer?.resume([{ topic: this.setting.topic }]);
    return { stop: () => this.detach(follower) };
  }

  /** Leaves the group (its partition goes to another member at once) and disconnects. */
  async close(): Promise<void> {
    this.closed = true;
    this.follower = undefined;
    clearInterval(this.standbyTimer);
    // A start still retrying an unreachable broker is not waited for long: nothing of it needs finishing.
    await Promise.race([this.started, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    await this.inFlight;
    await this.consumer?.disconnect().catch(() => undefined);
  }

  health(): BusLinkHealth {
    return this.status.health();
  }

  private async detach(follower: FollowOptions): Promise<void> {
    if (this.follower === follower) this.follower = undefined;
    this.pause();
    await this.inFlight;
  }

  private pause(): void {
    this.consumer?.pause([{ topic: this.setting.topic }]);
  }

  private async start(): Promise<void> {
    const { topic, group, sessionTimeoutMs } = this.setting;
    while (!this.closed) {
      const consumer = this.kafka.consumer({
        groupId: group,
        sessionTimeout: sessionTimeoutMs,
        heartbeatInterval: Math.min(3000, Math.max(500, Math.round(sessionTimeoutMs / 12))),
        maxWaitTimeInMs: 500,
        allowAutoTopicCreation: false,
      });
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => this.assigned(payload.memberAssignment[topic] ?? []));
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        const message = this.status.failed(payload.error, payload.restart ? 'retrying' : 'stopped');
        this.log(`the consumer of ${topic} failed (${message})${payload.restart ? '; it rejoins' : ''}`);
      });
      try {
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: (p) => this.onBatch(p) });
        // pause() and resume() are refused before run(): only now is the consumer handed out.
        this.consumer = consumer;
        if (!this.follower) this.pause();
        this.standbyTimer = setInterval(() => void this.standby(), this.options.standbyPollMs).unref();
        return;
      } catch (error) {
        const message = this.status.failed(error);
        this.log(`the consumer of ${topic} could not start (${message}); trying again`);
        await consumer.disconnect().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs ?? 1000));
      }
    }
  }

  private assigned(partitions: number[]): void {
    const owns = partitions.includes(LOG_PARTITION);
    if (owns && !this.ownsLog) {
      // Another member may have applied since this one last did: check the start again.
      this.verifyStart = true;
      this.rewound = false;
      void this.stepBack().catch((error) => this.log(`could not read the group's offset: ${messageOf(error)}`));
    }
    this.ownsLog = owns;
    if (!this.poisoned) this.status.is(owns ? 'running' : 'standby');
  }

  /** Seeks to the group's last applied message (its committed offset − 1), for the start check to read its position. */
  private async stepBack(): Promise<void> {
    const { topic, group } = this.setting;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      const offset = committed?.partitions.find((p) => p.partition === LOG_PARTITION)?.offset ?? '-1';
      const { low } = await logTopicOffsets(admin, topic);
      if (BigInt(offset) > BigInt(low))
        this.consumer?.seek({ topic, partition: LOG_PARTITION, offset: (BigInt(offset) - 1n).toString() });
    } finally {
      await admin.disconnect();
    }
  }

  private async standby(): Promise<void> {
    if (this.ownsLog || this.closed) return;
    try {
      await this.options.whileStandby();
    } catch (error) {
      this.log(`a standby could not read the committed checkpoints: ${messageOf(error)}`);
    }
  }

  private onBatch(payload: EachBatchPayload): Promise<void> {
    const work = this.handle(payload);
    this.inFlight = work.catch(() => undefined);
    return work;
  }

  private async handle(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const follower = this.follower;
    // Nothing resolved: after resume() the partition is fetched again from the same offset.
    if (!follower || this.poisoned) return this.pause();
    if (payload.isStale() || batch.partition !== LOG_PARTITION || batch.isEmpty()) return;
    const events = this.decode(batch.topic, batch.messages);
    if (!events) return;
    let fresh = eachOnceAfter(this.delivered, events);
    if (fresh.length > 0 && this.verifyStart && this.options.densePositions && fresh[0].position > this.delivered + 1) {
      // Another process may have applied further than this one knew: ask the read store before rewinding.
      this.delivered = Math.max(this.delivered, await this.options.checkpoint());
      fresh = eachOnceAfter(this.delivered, fresh);
      if (fresh.length > 0 && fresh[0].position > this.delivered + 1 && !this.rewound) return this.rewind();
    }
    if (fresh.length > 0) {
      this.verifyStart = false;
      try {
        await follower.onEvents(fresh);
      } catch (error) {
        // Not resolved: the engine's next follow() resumes here, and it skips what it has.
        if (this.follower === follower) this.follower = undefined;
        this.pause();
        this.status.failed(error);
        follower.onError?.(error);
        return;
      }
      this.delivered = fresh[fresh.length - 1].position;
    }
    payload.resolveOffset(batch.lastOffset());
    this.status.reached(this.delivered);
    await this.commit(batch.topic, batch.messages, events);
    await payload.heartbeat();
  }

  private decode(topic: string, messages: KafkaMessage[]): RecordedEvent[] | undefined {
    try {
      return messages.map((message) => recordedEventOf(topic, message));
    } catch (error) {
      this.poisoned = true;
      this.pause();
      const message = this.status.failed(error, 'stopped');
      this.log(`the consumer of ${topic} stopped: ${message}`);
      return undefined;
    }
  }

  private async rewind(): Promise<void> {
    this.rewound = true;
    const { topic } = this.setting;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { low } = await logTopicOffsets(admin, topic);
      this.log(
        `the group's offset on ${topic} is past position ${this.delivered + 1}, which the read models need next: ` +
          `reading the topic again from offset ${low}`,
      );
      this.consumer?.seek({ topic, partition: LOG_PARTITION, offset: low });
    } finally {
      await admin.disconnect();
    }
  }

  /** Commits the offset after the last message whose position every projection has applied. */
  private async commit(topic: string, messages: KafkaMessage[], events: RecordedEvent[]): Promise<void> {
    const applied = this.options.committable();
    let last: string | undefined;
    events.forEach((event, i) => {
      if (event.position <= applied) last = messages[i].offset;
    });
    if (last === undefined) return;
    const offset = (BigInt(last) + 1n).toString();
    await this.consumer?.commitOffsets([{ topic, partition: LOG_PARTITION, offset }]);
  }
}

/**
 * The events after `position`, each one past every event kept before it: a batch may hold a position twice (a relay's
 * batch sent again, two relays at once; one fetch returns several record batches as one), and each is applied once.
 */
function eachOnceAfter(position: number, events: readonly RecordedEvent[]): RecordedEvent[] {
  const kept: RecordedEvent[] = [];
  let last = position;
  for (const event of events) {
    if (event.position <= last) continue;
    kept.push(event);
    last = event.position;
  }
  return kept;
}
