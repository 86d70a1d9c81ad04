import { DynamicModule, Module } from '@nestjs/common';
import { HealthController, LedgerConfig, PlatformModule, ProjectionsModule } from '@ledger/platform';
import { CHANGE_FEED_KINDS, CHANGE_FEED_TOPICS } from './change-feed/change-feed.kinds';
import { ConsortiaQueryModule } from './consortia/consortia.query.module';
import { DashboardQueryModule } from './dashboard/dashboard.query.module';
import { DashboardPageModule } from './dashboard-page/dashboard-page.module';
import { StreamModule } from './change-feed/stream.module';
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
  DashboardPageModule,
  StreamModule,
  ConsortiaQueryModule,
  ZonesQueryModule,
  SubsidiesQueryModule,
  ReplayQueryModule,
  ReconciliationsQueryModule,
];

/** The projections, their engine following the log in process, or (LEDGER_BUS=kafka) consuming the log topic. */
export const projectionsOf = (config: LedgerConfig) =>
  ProjectionsModule.forProjections(PROJECTIONS, {
    bus: config.bus,
    changeFeed: CHANGE_FEED_KINDS,
    changeFeedTopics: CHANGE_FEED_TOPICS,
  });

@Module({})
export class ProjectionAppModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: ProjectionAppModule,
      imports: [PlatformModule.forRoot(config), projectionsOf(config), ...QUERY_MODULES],
      controllers: [HealthController],
    };
  }
}
