import { Controller, Get, Inject, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type Database from 'better-sqlite3';
import {
  LEDGER_CONFIG,
  LedgerConfig,
  MinPositionInterceptor,
  ProjectionEngine,
  READ_STORE,
  Roles,
} from '@ledger/platform';
import { consortiumDeadlines } from '../consortia/consortium-deadlines';
import { moneyByPolicyAndYear } from '../subsidies/subsidies-dashboard';
import { zoneDeadlines } from '../zones/zone-deadlines';
import { DashboardQuery } from './dashboard.query.dto';

const DEFAULT_HORIZON_DAYS = 90;

/** What a dashboard shows at a glance: counts by policy and status, money by policy and year, every deadline coming up. */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('v1/dashboard')
@UseInterceptors(MinPositionInterceptor)
export class DashboardHttpController {
  constructor(
    @Inject(READ_STORE) private readonly db: Database.Database,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
  ) {}

  @Get()
  @Roles('viewer')
  @ApiOperation({
    summary: 'Counts by policy and status, money by policy and fiscal year, upcoming deadlines of consortia and zones.',
  })
  dashboard(@Query() query: DashboardQuery) {
    const today = this.config.today();
    const horizonDays = query.horizonDays ?? DEFAULT_HORIZON_DAYS;
    const deadlines = [
      ...consortiumDeadlines(this.db, today, horizonDays).map((d) => ({ subject: 'consortium' as const, ...d })),
      ...zoneDeadlines(this.db, today, horizonDays).map((d) => ({ subject: 'zone' as const, ...d })),
    ].sort((a, b) => a.due.localeCompare(b.due));
    return {
      today,
      position: this.engine.processedPosition(),
      consortia: this.db
        .prepare(
          'SELECT policy, status, COUNT(*) AS count FROM consortia GROUP BY policy, status ORDER BY policy, status',
        )
        .all(),
      zones: this.db
        .prepare('SELECT policy, status, COUNT(*) AS count FROM zones GROUP BY policy, status ORDER BY policy, status')
        .all(),
      money: moneyByPolicyAndYear(this.db),
      deadlines: { horizonDays, items: deadlines },
    };
  }
}
