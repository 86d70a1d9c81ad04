/**
 * Publishes the change feed to compacted topics (`ChangeFeedTopic`: one per kind of entity). Its checkpoint — the
 * position up to which every change has been acknowledged — is a row of the read store's checkpoints
 * (`change-feed:kafka`), moved only after the broker's acknowledgement. At start, and after it had to drop what it
 * held (a broker away for long), it catches up from the read store: the current state of every document changed since
 * the checkpoint; then it publishes the live feed. A change may thus go out twice (harmless: same key, same or newer
 * state, in order), never not at all.
 *
 * Only the process that applies events produces live changes: in a consumer group, the owner of the log's partition.
 */
import { Kafka, Producer } from 'kafkajs';
import { ChangeFeed } from '../projections/change-feed';
import { ReadModelChange } from '../projections/projection';
import { ReadStore } from '../projections/read-store.port';
import { BusLinkHealth, BusLinkStatus } from './bus-link';
import { changeMessage, ChangeFeedTopic } from './change-message';

export const CHANGE_FEED_CHECKPOINT = 'change-feed:kafka';
/** Changes held while the broker does not take them; past this, they are dropped and caught up from the read store. */
const MAX_HELD_CHANGES = 10_000;
const SEND_BATCH = 500;

export interface ChangeFeedPublisherOptions {
  log?: (message: string) => void;
  retryDelayMs?: number;
}

export class ChangeFeedPublisher {
  private readonly status = new BusLinkStatus();
  private readonly topics: ReadonlyMap<string, ChangeFeedTopic>;
  private held: ReadModelChange[] = [];
  private catchUp = true;
  private running = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  private unsubscribe?: () => void;
  private producer?: Producer;
  private readonly log: (message: string) => void;
  private readonly retryDelayMs: number;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly readStore: ReadStore,
    private readonly kafka: Kafka,
    topics: ReadonlyArray<ChangeFeedTopic>,
    options: ChangeFeedPublisherOptions = {},
  ) {
    this.topics = new Map(topics.map((topic) => [topic.projection, topic]));
    this.log = options.log ?? (() => undefined);
    this.retryDelayMs = options.retryDelayMs ?? 1000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // Subscribed before the catch-up reads anything: a change committed in between is in one or the other.
    this.unsubscribe = this.feed.subscribe((changes) => this.hold(changes));
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
    await this.producer?.disconnect().catch(() => undefined);
  }

  health(): BusLinkHealth {
    return this.status.health();
  }

  /** How far the read models are ahead of what the topics have. */
  lag(): number {
    return Math.max(0, this.feed.position([...this.topics.keys()]) - this.status.lastPosition);
  }

  private hold(changes: ReadModelChange[]): void {
    const relevant = changes.filter((change) => this.topics.has(change.projection));
    if (relevant.length === 0) return;
    if (this.held.length + relevant.length > MAX_HELD_CHANGES) {
      this.held = [];
      this.catchUp = true;
    } else {
      this.held.push(...relevant);
    }
    this.wake?.();
  }

  private async run(): Promise<void> {
    let checkpoint: number | undefined;
    while (this.running) {
      try {
        checkpoint ??= (await this.readStore.checkpoints()).get(CHANGE_FEED_CHECKPOINT)?.position ?? 0;
        if (!this.producer) {
          const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
          await producer.connect();
          this.producer = producer;
        }
        if (this.catchUp) {
          checkpoint = await this.caughtUp(this.producer, checkpoint);
        } else if (this.held.length > 0) {
          checkpoint = await this.sentHeld(this.producer, checkpoint);
        } else {
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = undefined;
        }
      } catch (error) {
        const message = this.status.failed(error);
        this.log(`the change feed could not be published (${message}); trying again`);
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = undefined;
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
      }
    }
  }

  /** Every document changed after the checkpoint, as it is now; then the checkpoint is what was committed before. */
  private async caughtUp(producer: Producer, checkpoint: number): Promise<number> {
    const projections = [...this.topics.keys()];
    // Everything committed up to here is visible to the reads below; what commits later is held from the feed.
    const committed = this.feed.position(projections);
    this.catchUp = false;
    try {
      for await (const page of this.feed.since(checkpoint, projections)) await this.send(producer, page);
    } catch (error) {
      this.catchUp = true;
      throw error;
    }
    return this.saved(Math.max(checkpoint, committed));
  }

  private async sentHeld(producer: Producer, checkpoint: number): Promise<number> {
    const batch = this.held.slice(0, SEND_BATCH);
    await this.send(producer, batch);
    // Unless the held changes were dropped meanwhile (then a catch-up follows), these are out.
    if (this.held[0] === batch[0]) this.held.splice(0, batch.length);
    return this.saved(Math.max(checkpoint, batch[batch.length - 1].position));
  }

  private async send(producer: Producer, changes: ReadonlyArray<ReadModelChange>): Promise<void> {
    const byTopic = new Map<string, ReturnType<typeof changeMessage>[]>();
    for (const change of changes) {
      const topic = this.topics.get(change.projection)!;
      const messages = byTopic.get(topic.topic) ?? [];
      messages.push(changeMessage(topic, change));
      byTopic.set(topic.topic, messages);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  /** Saves the checkpoint, never moving it back (two processes of a group may both publish, e.g. while catching up). */
  private async saved(position: number): Promise<number> {
    await this.readStore.transaction(async (tx) => {
      const current = await tx.checkpoint(CHANGE_FEED_CHECKPOINT);
      if ((current?.position ?? 0) < position)
        await tx.saveCheckpoint(CHANGE_FEED_CHECKPOINT, { position, version: 1 });
    });
    this.status.reached(position);
    return position;
  }
}
