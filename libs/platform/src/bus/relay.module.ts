import { DynamicModule, Inject, Logger, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EventStore } from '@ledger/event-store';
import { KafkaSetting } from '../config/ledger.config';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { EventRelay } from './event-relay';
import { kafkaClient } from './kafka-client';

class RelayLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(EventRelay) private readonly relay: EventRelay) {}
  onApplicationBootstrap(): void {
    this.relay.start();
  }
  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }
}

/** The outbox relay: the event log to the log topic (see event-relay.ts). */
@Module({})
export class RelayModule {
  static forKafka(setting: KafkaSetting): DynamicModule {
    const logger = new Logger('Relay');
    return {
      module: RelayModule,
      global: true,
      providers: [
        {
          provide: EventRelay,
          inject: [EVENT_STORE],
          useFactory: async (store: EventStore) =>
            new EventRelay(store, await kafkaClient(setting, 'consortium-ledger-relay'), setting.topic, {
              log: (message) => logger.error(message),
            }),
        },
        RelayLifecycle,
      ],
      exports: [EventRelay],
    };
  }
}
