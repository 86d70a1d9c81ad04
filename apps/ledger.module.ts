import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { HealthController, LedgerConfig, PlatformModule, RelayModule } from '@ledger/platform';
import { COMMAND_MODULES } from './command/src/command.module';
import { projectionsOf, QUERY_MODULES } from './projection/src/projection.module';

/**
 * Both apps in one process (`npm start`): one port, one event store, projections woken on every commit. With
 * LEDGER_BUS=kafka the relay runs in it too, and the projections consume the log topic: the whole way round in one
 * process, for trying Kafka out (on a server, the relay app runs on its own: deploy/README.md).
 */
@Module({})
export class LedgerModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: LedgerModule,
      imports: [
        PlatformModule.forRoot(config),
        CqrsModule.forRoot(),
        ...COMMAND_MODULES,
        ...(config.bus.kind === 'kafka' ? [RelayModule.forKafka(config.bus.kafka)] : []),
        projectionsOf(config),
        ...QUERY_MODULES,
      ],
      controllers: [HealthController],
    };
  }
}
