import { Inject, Injectable, Optional } from '@nestjs/common';
import { EventStore } from '@ledger/event-store';
import { BusLinkHealth } from '../bus/bus-link';
import { ChangeFeedPublisher } from '../bus/change-feed.publisher';
import { EventRelay } from '../bus/event-relay';
import { KafkaEventSource } from '../bus/kafka-event-source';
import { LEDGER_CONFIG, LedgerConfig, positionsAreNotDense } from '../config/ledger.config';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { ProjectionEngine, ProjectionStatus } from '../projections/projection-engine';
import { READ_STORE, ReadStore } from '../projections/read-store.port';

/** How long a store may take to answer a health check before it counts as unreachable. */
export const HEALTH_TIMEOUT_MS = 2000;

export interface FailingProjection {
  name: string;
  status: ProjectionStatus;
  /** The log position the projection has processed (its checkpoint). */
  position: number;
  /** The event it fails on, the error, since when and how often. */
  failure?: { position: number; error: string; since: string; attempts: number };
}

export type Reachability = { reachable: true } | { reachable: false; error: string };

/**
 * One reading of the ledger's health: what `/health`, `/health/ready` and `/health/live` all answer from (each endpoint
 * shows it its own way; nothing is computed twice). Parts the app does not have are absent: the command app has no
 * read store and no projections; only with LEDGER_BUS=kafka are there links to Kafka (the relay app's relay, the
 * projection app's consumer and change-feed publisher).
 */
export interface HealthReading {
  log: { reachable: true; headPosition: number } | { reachable: false; error: string };
  /** Only when asked for (readiness) and the app has a read store. */
  readStore?: Reachability;
  projections?: {
    /** The position every projection has processed. */
    position: number;
    running: boolean;
    /** Events the read models trail the log by (unknown when the log is unreachable). */
    lag?: number;
    maxLag: number;
    /** Each projection not running: its name, status, the position it has processed and, once it failed, why. */
    failing: FailingProjection[];
  };
  bus?: {
    /** The log to the log topic; `lag`: events of the log not yet acknowledged by the broker. */
    relay?: BusLinkHealth & { lag?: number; maxLag: number };
    /** The log topic to the projections: 'running' owns the partition, 'standby' waits in the group. */
    consumer?: BusLinkHealth;
    /** The change feed to the compacted topics; `lag`: entries received and not yet acknowledged by the broker. */
    changeFeed?: BusLinkHealth & { lag: number };
  };
}

@Injectable()
export class LedgerHealth {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Optional() @Inject(ProjectionEngine) private readonly engine?: ProjectionEngine,
    @Optional() @Inject(READ_STORE) private readonly readStore?: ReadStore,
    @Optional() @Inject(EventRelay) private readonly relay?: EventRelay,
    @Optional() @Inject(KafkaEventSource) private readonly consumer?: KafkaEventSource,
    @Optional() @Inject(ChangeFeedPublisher) private readonly changeFeed?: ChangeFeedPublisher,
  ) {}

  /** Reads the log head (and pings the read store when `pingReadStore`), each within HEALTH_TIMEOUT_MS. */
  async read({ pingReadStore = false } = {}): Promise<HealthReading> {
    const [head, readStore] = await Promise.all([
      settled(() => this.store.headPosition()),
      pingReadStore && this.readStore ? settled(() => this.readStore!.ping()) : undefined,
    ]);
    const engine = this.engine?.health();
    const lag = head.ok && engine ? await settled(() => this.eventsBehind(engine.position, head.value)) : undefined;
    const relay = this.relay?.health();
    const relayLag = head.ok && relay ? await settled(() => this.eventsBehind(relay.position, head.value)) : undefined;
    const bus = {
      ...(relay && {
        relay: { ...relay, ...(relayLag?.ok && { lag: relayLag.value }), maxLag: this.config.readyMaxLag },
      }),
      ...(this.consumer && { consumer: this.consumer.health() }),
      ...(this.changeFeed && { changeFeed: { ...this.changeFeed.health(), lag: this.changeFeed.lag() } }),
    };
    return {
      log: head.ok ? { reachable: true, headPosition: head.value } : { reachable: false, error: head.error },
      ...(readStore && {
        readStore: readStore.ok ? { reachable: true } : { reachable: false, error: readStore.error },
      }),
      ...(engine && {
        projections: {
          position: engine.position,
          running: engine.running,
          ...(lag?.ok && { lag: lag.value }),
          maxLag: this.config.readyMaxLag,
          failing: engine.projections
            .filter((p) => p.status !== 'running')
            .map((p) => ({
              name: p.name,
              status: p.status,
              position: p.position,
              ...(p.failure && { failure: p.failure }),
            })),
        },
      }),
      ...(Object.keys(bus).length > 0 && { bus }),
    };
  }

  /**
   * Events between the read models' position and the head. The SQL stores number the log densely, so it is the
   * difference; KurrentDB's positions are byte offsets in its transaction log (monotonic, not dense), so there the
   * events after the position are counted, at most `readyMaxLag + 1` of them (enough to tell "too far behind").
   */
  private async eventsBehind(position: number, head: number): Promise<number> {
    if (head <= position) return 0;
    if (!positionsAreNotDense(this.config)) return head - position;
    return (await this.store.readAll({ after: position, maxCount: this.config.readyMaxLag + 1 })).length;
  }
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: string };

async function settled<T>(read: () => Promise<T>): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
  });
  try {
    return { ok: true, value: await Promise.race([read(), timeout]) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
