import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DashboardDto } from '../shared/query-answers.dto';
import {
  CounterRow,
  LEDGER_CONFIG,
  LedgerConfig,
  MinPositionGuard,
  ProjectionEngine,
  READ_STORE,
  ReadStore,
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
@UseGuards(MinPositionGuard)
export class DashboardHttpController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(ProjectionEngine) private readonly engine: ProjectionEngine,
  ) {}

  @Get()
  @Roles('viewer')
  @ApiOkResponse({ type: DashboardDto })
  @ApiOperation({
    operationId: 'getDashboard',
    summary: 'Counts by policy and status, money by policy and fiscal year, upcoming deadlines of consortia and zones.',
  })
  async dashboard(@Query() query: DashboardQuery) {
    const today = this.config.today();
    const horizonDays = query.horizonDays ?? DEFAULT_HORIZON_DAYS;
    const position = this.engine.processedPosition();
    const [consortia, zones, money, consortiumDue, zoneDue] = await Promise.all([
      this.readStore.counters('consortia'),
      this.readStore.counters('zones'),
      moneyByPolicyAndYear(this.readStore),
      consortiumDeadlines(this.readStore, today, horizonDays),
      zoneDeadlines(this.readStore, today, horizonDays),
    ]);
    const deadlines = [
      ...consortiumDue.map((d) => ({ subject: 'consortium' as const, ...d })),
      ...zoneDue.map((d) => ({ subject: 'zone' as const, ...d })),
    ].sort((a, b) => a.due.localeCompare(b.due));
    return {
      today,
      position,
      consortia: countsByPolicyAndStatus(consortia),
      zones: countsByPolicyAndStatus(zones),
      money,
      deadlines: { horizonDays, items: deadlines },
    };
  }
}

/** Counter rows keyed [policy, status] as `{ policy, status, count }`, by policy then status. */
function countsByPolicyAndStatus(rows: CounterRow[]) {
  return rows
    .map(({ key: [policy, status], values }) => ({
      policy: String(policy),
      status: String(status),
      count: values.count,
    }))
    .sort((a, b) => a.policy.localeCompare(b.policy) || a.status.localeCompare(b.status));
}
