/**
 * Publishes the change feed to compacted topics (one per kind of entity, key = entity id). It is one more subscriber
 * of the feed (`projections/change-feed.ts`), from its checkpoint: the row `change-feed:kafka` of the read store's
 * checkpoints, moved only after the broker has acknowledged every entry up to it. At start, and after a failure, it
 * subscribes again from there, so the feed's catch-up sends the current state of every entity changed since. A change
 * may thus go out twice (harmless: same key, same or newer state, in order), never not at all.
 *
 * Only the process that applies events produces live changes: in a consumer group, the owner of the log's partition.
 */
import { Kafka, Producer } from 'kafkajs';
import { ChangeFeed, ChangeFeedEntry } from '../projections/change-feed';
import { ReadStore } from '../projections/read-store.port';
import { BusLinkHealth, BusLinkStatus } from './bus-link';
import { changeMessage, ChangeFeedTopics } from './change-message';

export const CHANGE_FEED_CHECKPOINT = 'change-feed:kafka';
/** Entries held while the broker does not take them; past this, they are dropped and caught up from the read store. */
const MAX_HELD = 10_000;
const SEND_BATCH = 500;

export interface ChangeFeedPublisherOptions {
  log?: (message: string) => void;
  retryDelayMs?: number;
}

export class ChangeFeedPublisher {
  private readonly status = new BusLinkStatus();
  private held: ChangeFeedEntry[] = [];
  /** Set when the subscription must start again from the checkpoint (at start, after an overflow or a failure). */
  private resubscribe = true;
  private running = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  private unsubscribe?: () => void;
  private producer?: Producer;
  private checkpoint = 0;
  private readonly log: (message: string) => void;
  private readonly retryDelayMs: number;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly readStore: ReadStore,
    private readonly kafka: Kafka,
    private readonly topics: ChangeFeedTopics,
    options: ChangeFeedPublisherOptions = {},
  ) {
    this.log = options.log ?? (() => undefined);
    this.retryDelayMs = options.retryDelayMs ?? 1000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
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

  /** The entries received and not yet acknowledged by the broker. */
  lag(): number {
    return this.held.length;
  }

  private subscribe(): void {
    this.unsubscribe?.();
    this.held = [];
    this.resubscribe = false;
    this.unsubscribe = this.feed.subscribe(
      (entry) => {
        if (this.held.length >= MAX_HELD) {
          this.resubscribe = true;
          this.held = [];
        } else if (!this.resubscribe) this.held.push(entry);
        this.wake?.();
      },
      {
        fromPosition: this.checkpoint + 1,
        kinds: Object.keys(this.topics),
        onError: (error) => {
          this.log(`the change feed's catch-up failed (${error.message}); trying again`);
          this.resubscribe = true;
          this.wake?.();
        },
      },
    );
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!this.producer) {
          this.checkpoint = (await this.readStore.checkpoints()).get(CHANGE_FEED_CHECKPOINT)?.position ?? 0;
          const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
          await producer.connect();
          this.producer = producer;
          this.status.reached(this.checkpoint);
          this.resubscribe = true;
        }
        if (this.resubscribe) this.subscribe();
        if (this.held.length > 0) await this.sendHeld(this.producer);
        else if (!this.resubscribe) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = undefined;
        }
      } catch (error) {
        const message = this.status.failed(error);
        this.log(`the change feed could not be published (${message}); trying again`);
        this.unsubscribe?.();
        this.unsubscribe = undefined;
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = undefined;
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
      }
    }
  }

  private async sendHeld(producer: Producer): Promise<void> {
    const batch = this.held.slice(0, SEND_BATCH);
    const byTopic = new Map<string, ReturnType<typeof changeMessage>[]>();
    for (const entry of batch) {
      const topic = this.topics[entry.kind];
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), changeMessage(entry)]);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    // Unless the held entries were dropped meanwhile (then the feed is caught up again from the checkpoint).
    if (this.held[0] !== batch[0]) return;
    this.held.splice(0, batch.length);
    // Entries of one position may straddle two batches: the checkpoint is the last position sent whole.
    const last = batch[batch.length - 1].position;
    const whole = this.held.length > 0 && this.held[0].position === last ? last - 1 : last;
    await this.saved(whole);
  }

  /** Saves the checkpoint, never moving it back (two processes of a group may both publish, e.g. while catching up). */
  private async saved(position: number): Promise<void> {
    if (position <= this.checkpoint) return;
    await this.readStore.transaction(async (tx) => {
      const current = await tx.checkpoint(CHANGE_FEED_CHECKPOINT);
      if ((current?.position ?? 0) < position)
        await tx.saveCheckpoint(CHANGE_FEED_CHECKPOINT, { position, version: 1 });
    });
    this.checkpoint = position;
    this.status.reached(position);
  }
}
