import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DashboardDto } from '../shared/query-answers.dto';
import {
  CounterRow,
  covers,
  CurrentPrincipal,
  Jurisdiction,
  Principal,
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
  async dashboard(@Query() query: DashboardQuery, @CurrentPrincipal() principal: Principal) {
    const { jurisdiction } = principal;
    const today = this.config.today();
    const horizonDays = query.horizonDays ?? DEFAULT_HORIZON_DAYS;
    const position = this.engine.processedPosition();
    const [consortia, zones, money, consortiumDue, zoneDue] = await Promise.all([
      consortiaCounts(this.readStore, jurisdiction),
      this.readStore.counters('zones'),
      moneyByPolicyAndYear(this.readStore, jurisdiction),
      consortiumDeadlines(this.readStore, today, horizonDays, jurisdiction),
      zoneDeadlines(this.readStore, today, horizonDays, jurisdiction),
    ]);
    const deadlines = [
      ...consortiumDue.map((d) => ({ subject: 'consortium' as const, ...d })),
      ...zoneDue.map((d) => ({ subject: 'zone' as const, ...d })),
    ].sort((a, b) => a.due.localeCompare(b.due));
    return {
      today,
      position,
      consortia: countsByPolicyAndStatus(consortia),
      zones: countsByPolicyAndStatus(
        zones.filter(({ key: [policy] }) => covers(jurisdiction, { policy: String(policy) })),
      ),
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

/**
 * The `consortia` counter (by policy and status), or for a jurisdiction the by-division counts it covers, added up by
 * policy and status.
 */
async function consortiaCounts(readStore: ReadStore, jurisdiction?: Jurisdiction): Promise<CounterRow[]> {
  if (!jurisdiction) return readStore.counters('consortia');
  const sums = new Map<string, CounterRow>();
  for (const { key, values } of await readStore.counters('consortia-by-division')) {
    const [policy, status, division] = key.map(String);
    if (!covers(jurisdiction, { policy, division })) continue;
    const id = JSON.stringify([policy, status]);
    const sum = sums.get(id) ?? { key: [policy, status], values: { count: 0 } };
    sum.values.count += values.count ?? 0;
    sums.set(id, sum);
  }
  return [...sums.values()];
}
