import { DynamicModule, Inject, Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EventStore } from '@ledger/event-store';
import { LEDGER_CONFIG, LedgerConfig } from '../config/ledger.config';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { MinPositionGuard } from './min-position.guard';
import { Projection, PROJECTIONS } from './projection';
import { ProjectionEngine } from './projection-engine';
import { READ_STORE, ReadStore } from './read-store.port';
import { openReadStore } from './read-store.opener';

class ProjectionLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.engine.start();
  }
  async onModuleDestroy(): Promise<void> {
    await this.engine.stop();
    await this.readStore.close();
  }
}

/** The read store, the engine that keeps it up with the log, and `minPosition` for queries. */
@Module({})
export class ProjectionsModule {
  static forProjections(projections: ReadonlyArray<Projection>): DynamicModule {
    const logger = new Logger('Projections');
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
          inject: [EVENT_STORE, READ_STORE],
          useFactory: (store: EventStore, readStore: ReadStore) =>
            new ProjectionEngine(store, readStore, projections, { log: (message) => logger.error(message) }),
        },
        MinPositionGuard,
        ProjectionLifecycle,
      ],
      exports: [READ_STORE, PROJECTIONS, ProjectionEngine, MinPositionGuard],
    };
  }
}
