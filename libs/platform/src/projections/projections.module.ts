import {
  DynamicModule,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { EventStore } from '@ledger/event-store';
import { ChangeFeedPublisher } from '../bus/change-feed.publisher';
import { ChangeFeedTopics } from '../bus/change-message';
import { densePositions, kafkaProjectionProviders } from '../bus/kafka-projections.providers';
import { KafkaEventSource } from '../bus/kafka-event-source';
import { BusSetting, LEDGER_CONFIG, LedgerConfig } from '../config/ledger.config';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { ChangeFeed, ChangeFeedKind } from './change-feed';
import { MinPositionGuard } from './min-position.guard';
import { Projection, PROJECTIONS } from './projection';
import { AnswersAtCheckpoints } from './answers-at-checkpoints';
import { ProjectionEngine } from './projection-engine';
import { READ_STORE, ReadStore } from './read-store.port';
import { openReadStore } from './read-store.opener';

class ProjectionLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Optional() @Inject(KafkaEventSource) private readonly consumer?: KafkaEventSource,
    @Optional() @Inject(ChangeFeedPublisher) private readonly publisher?: ChangeFeedPublisher,
  ) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.engine.start();
    this.publisher?.start();
  }
  async onModuleDestroy(): Promise<void> {
    await this.publisher?.stop();
    await this.engine.stop();
    // After the engine's last batch: the group's offset is committed, and the partition goes to another member.
    await this.consumer?.close();
    await this.readStore.close();
  }
}

export interface ProjectionsModuleOptions {
  /** LEDGER_BUS: with kafka, events come from the log topic and the change feed goes to `changeFeedTopics`. */
  bus?: BusSetting;
  /** The kinds of entity the change feed carries (which read model, how shown). */
  changeFeed?: ReadonlyArray<ChangeFeedKind>;
  /** kind → compacted topic, with LEDGER_BUS=kafka. */
  changeFeedTopics?: ChangeFeedTopics;
}

/** The read store, the engine that keeps it up with the log, the change feed, and `minPosition` for queries. */
@Module({})
export class ProjectionsModule {
  static forProjections(
    projections: ReadonlyArray<Projection>,
    { bus = { kind: 'inproc' }, changeFeed = [], changeFeedTopics = {} }: ProjectionsModuleOptions = {},
  ): DynamicModule {
    const logger = new Logger('Projections');
    const kafka = bus.kind === 'kafka';
    return {
      module: ProjectionsModule,
      global: true,
      providers: [
        { provide: PROJECTIONS, useValue: projections },
        {
          provide: READ_STORE,
          inject: [LEDGER_CONFIG],
          useFactory: (config: LedgerConfig): Promise<ReadStore> => openReadStore(config.readStore),
        },
        {
          provide: ProjectionEngine,
          inject: [EVENT_STORE, READ_STORE, LEDGER_CONFIG, ...(kafka ? [KafkaEventSource] : [])],
          useFactory: (store: EventStore, readStore: ReadStore, config: LedgerConfig, source?: KafkaEventSource) =>
            new ProjectionEngine(store, readStore, projections, {
              log: (message) => logger.error(message),
              source,
              densePositions: densePositions(config),
            }),
        },
        {
          provide: ChangeFeed,
          inject: [ProjectionEngine, READ_STORE],
          useFactory: (engine: ProjectionEngine, readStore: ReadStore) =>
            new ChangeFeed(engine, readStore, changeFeed, (message) => logger.error(message)),
        },
        ...(kafka ? kafkaProjectionProviders(changeFeedTopics) : []),
        MinPositionGuard,
        AnswersAtCheckpoints,
        ProjectionLifecycle,
      ],
      exports: [
        READ_STORE,
        PROJECTIONS,
        ProjectionEngine,
        ChangeFeed,
        MinPositionGuard,
        AnswersAtCheckpoints,
        ...(kafka ? [KafkaEventSource, ChangeFeedPublisher] : []),
      ],
    };
  }
}
