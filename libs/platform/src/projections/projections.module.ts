import { DynamicModule, Inject, Logger, Module, OnApplicationBootstrap, OnModuleDestroy, Type } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { EventStore } from '@ledger/event-store';
import { LEDGER_CONFIG, LedgerConfig } from '../config/ledger.config';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { MinPositionInterceptor } from './min-position.interceptor';
import { ProjectionEngine } from './projection-engine';
import { Projector, READ_STORE } from './projector';
import { openReadStore } from './read-store';

class ProjectionLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
    @Inject(READ_STORE) private readonly db: Database.Database,
  ) {}
  onApplicationBootstrap(): void {
    this.engine.start();
  }
  async onModuleDestroy(): Promise<void> {
    await this.engine.stop();
    this.db.close();
  }
}

/** The read store, the engine that keeps it up with the log, and `minPosition` for queries. */
@Module({})
export class ProjectionsModule {
  static forProjectors(projectors: Array<Type<Projector>>): DynamicModule {
    const logger = new Logger('Projections');
    return {
      module: ProjectionsModule,
      global: true,
      providers: [
        ...projectors,
        {
          provide: READ_STORE,
          inject: [LEDGER_CONFIG],
          useFactory: (config: LedgerConfig) => openReadStore(config.projectionsFile),
        },
        {
          provide: ProjectionEngine,
          inject: [EVENT_STORE, READ_STORE, ...projectors],
          useFactory: (store: EventStore, db: Database.Database, ...instances: Projector[]) =>
            new ProjectionEngine(store, db, instances, (message) => logger.error(message)),
        },
        MinPositionInterceptor,
        ProjectionLifecycle,
      ],
      exports: [READ_STORE, ProjectionEngine, MinPositionInterceptor],
    };
  }
}
