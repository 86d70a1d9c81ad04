/**
 * The outbox relay: follows the event log (the outbox: every event is in it once committed) and publishes each event
 * to the log topic, in log order, keyed by stream id, with an idempotent producer. Its position moves only when the
 * broker has acknowledged a batch (acks from every in-sync replica); its checkpoint across restarts is the topic itself
 * (`lastPublishedPosition`). A failed batch is sent again from the last acknowledged position after a pause: a batch
 * the broker took but whose acknowledgement was lost goes out twice, which consumers skip by position.
 */
import { Kafka, Producer } from 'kafkajs';
import { EventStore, RecordedEvent, Subscription } from '@ledger/event-store';
import { BusLinkHealth, BusLinkStatus } from './bus-link';
import { eventMessage } from './event-message';
import { lastPublishedPosition } from './log-topic';

export interface EventRelayOptions {
  log?: (message: string) => void;
  /** The pause after a failure before the relay tries again. Default 1000 ms. */
  retryDelayMs?: number;
  /** Events per produce request. Default 500. */
  batchSize?: number;
}

export class EventRelay {
  private readonly status = new BusLinkStatus();
  private producer?: Producer;
  private subscription?: Subscription;
  private running = false;
  /** Whether this process has read where the topic ends (then its own acknowledged position is the checkpoint). */
  private tailKnown = false;
  private retry?: NodeJS.Timeout;
  private readonly log: (message: string) => void;
  private readonly retryDelayMs: number;
  private readonly batchSize: number;

  constructor(
    private readonly store: EventStore,
    private readonly kafka: Kafka,
    readonly topic: string,
    options: EventRelayOptions = {},
  ) {
    this.log = options.log ?? (() => undefined);
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.batchSize = options.batchSize ?? 500;
  }

  /** Starts in the background: `health()` tells how it goes (a broker that is not there yet is retried). */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retry);
    await this.disconnect();
  }

  health(): BusLinkHealth {
    return this.status.health();
  }

  /** The last position the broker acknowledged. */
  position(): number {
    return this.status.lastPosition;
  }

  private async connect(): Promise<void> {
    try {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      this.producer = producer;
      await producer.connect();
      // At start, where the topic ends; after a failure, the last position this process saw acknowledged.
      const after = this.tailKnown ? this.status.lastPosition : await lastPublishedPosition(this.kafka, this.topic);
      this.tailKnown = true;
      if (!this.running) return void (await producer.disconnect());
      this.status.reached(after);
      this.subscription = this.store.follow({
        after,
        batchSize: this.batchSize,
        onEvents: (events) => this.publish(producer, events),
        onError: (error) => this.recover(error),
      });
    } catch (error) {
      this.recover(error);
    }
  }

  private async publish(producer: Producer, events: RecordedEvent[]): Promise<void> {
    // acks -1: every in-sync replica has it (idempotent producers require it anyway).
    await producer.send({ topic: this.topic, acks: -1, messages: events.map(eventMessage) });
    this.status.reached(events[events.length - 1].position);
  }

  private recover(error: unknown): void {
    const message = this.status.failed(error);
    if (!this.running) return;
    this.log(`the relay to ${this.topic} failed (${message}); trying again from position ${this.status.lastPosition}`);
    void this.disconnect().then(() => {
      if (!this.running) return;
      this.retry = setTimeout(() => void this.connect(), this.retryDelayMs);
    });
  }

  private async disconnect(): Promise<void> {
    const subscription = this.subscription;
    const producer = this.producer;
    this.subscription = undefined;
    this.producer = undefined;
    await subscription?.stop().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
  }
}
