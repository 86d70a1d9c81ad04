import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { HealthController, LedgerConfig, PlatformModule, ProjectionsModule } from '@ledger/platform';
import { COMMAND_MODULES } from './command/src/command.module';
import { PROJECTIONS } from './projection/src/projections';
import { QUERY_MODULES } from './projection/src/projection.module';

/** Both apps in one process (`npm start`): one port, one event store, projections woken on every commit. */
@Module({})
export class LedgerModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: LedgerModule,
      imports: [
        PlatformModule.forRoot(config),
        CqrsModule.forRoot(),
        ...COMMAND_MODULES,
        ProjectionsModule.forProjections(PROJECTIONS),
        ...QUERY_MODULES,
      ],
      controllers: [HealthController],
    };
  }
}
