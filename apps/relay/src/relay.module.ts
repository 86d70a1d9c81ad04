import { DynamicModule, Module } from '@nestjs/common';
import { HealthController, KafkaSetting, LedgerConfig, PlatformModule, RelayModule } from '@ledger/platform';

/** The relay app: the event log → the log topic, and the health endpoints that say how far it has got. */
@Module({})
export class RelayAppModule {
  static forRoot(config: LedgerConfig, kafka: KafkaSetting): DynamicModule {
    return {
      module: RelayAppModule,
      imports: [PlatformModule.forRoot(config), RelayModule.forKafka(kafka)],
      controllers: [HealthController],
    };
  }
}
