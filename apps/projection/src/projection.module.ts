import { DynamicModule, Module } from '@nestjs/common';
import { HealthController, LedgerConfig, PlatformModule, ProjectionsModule } from '@ledger/platform';
import { ConsortiaQueryModule } from './consortia/consortia.query.module';
import { DashboardQueryModule } from './dashboard/dashboard.query.module';
import { PoliciesQueryModule } from './policies/policies.query.module';
import { ReconciliationsQueryModule } from './reconciliations/reconciliations.query.module';
import { ReplayQueryModule } from './replay/replay.query.module';
import { SubsidiesQueryModule } from './subsidies/subsidies.query.module';
import { ZonesQueryModule } from './zones/zones.query.module';
import { PROJECTIONS } from './projections';

/** The log → projections → read models → the query API. */
export const QUERY_MODULES = [
  PoliciesQueryModule,
  DashboardQueryModule,
  ConsortiaQueryModule,
  ZonesQueryModule,
  SubsidiesQueryModule,
  ReplayQueryModule,
  ReconciliationsQueryModule,
];

@Module({})
export class ProjectionAppModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: ProjectionAppModule,
      imports: [PlatformModule.forRoot(config), ProjectionsModule.forProjections(PROJECTIONS), ...QUERY_MODULES],
      controllers: [HealthController],
    };
  }
}
