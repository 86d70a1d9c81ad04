import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { HealthController, LedgerConfig, PlatformModule } from '@ledger/platform';
import { ConsortiaCommandModule } from './consortia/consortia.command.module';
import { SubsidiesCommandModule } from './subsidies/subsidies.command.module';
import { ZonesCommandModule } from './zones/zones.command.module';

/** HTTP commands → @nestjs/cqrs command handlers → the event store. */
export const COMMAND_MODULES = [ConsortiaCommandModule, ZonesCommandModule, SubsidiesCommandModule];

@Module({})
export class CommandAppModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: CommandAppModule,
      imports: [PlatformModule.forRoot(config), CqrsModule.forRoot(), ...COMMAND_MODULES],
      controllers: [HealthController],
    };
  }
}
