import { FollowOptions, Subscription } from '@ledger/event-store';

/**
 * Where the projection engine's events come from: the event store's own log (the default: every store can `follow`),
 * or a bus that carries the log (Kafka, `bus/kafka-event-source.ts`). Either hands the engine batches of recorded
 * events in position order, starting after `after`; the engine's apply and checkpoint logic is the same for both.
 */
export interface EventSource {
  follow(options: FollowOptions): Subscription;
}
