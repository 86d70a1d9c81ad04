import { Controller, Get, Inject, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DashboardCapsDto, DashboardDto } from '@ledger/presentation/dashboard.view.dto';
import {
  answerLanguageOf,
  AnswersAtCheckpoints,
  CounterRow,
  covers,
  CurrentPrincipal,
  Principal,
  LEDGER_CONFIG,
  LedgerConfig,
  MinPositionGuard,
  ProjectionEngine,
  READ_STORE,
  ReadStore,
  Roles,
  sendKeptAnswer,
} from '@ledger/platform';
import { consortiaCounters } from '../consortia/consortia.projection';
import { consortiumDeadlines } from '../consortia/consortium-deadlines';
import { moneyByPolicyAndYear } from '../subsidies/subsidies-dashboard';
import { zoneDeadlines } from '../zones/zone-deadlines';
import { capUsage, pendingGrants, targetProgress } from './dashboard-panels';
import { DashboardQuery } from './dashboard.query.dto';
import { QueryOptionsDto } from '../shared/query-options.dto';

const DEFAULT_HORIZON_DAYS = 90;
const DEFAULT_DEADLINES_LIMIT = 100;

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
    @Inject(AnswersAtCheckpoints) private readonly answers: AnswersAtCheckpoints,
  ) {}

  @Get()
  @Roles('viewer')
  @ApiOkResponse({ type: DashboardDto })
  @ApiOperation({
    operationId: 'getDashboard',
    summary:
      'Counts by policy and status, progress toward programme targets, money by policy and fiscal year, upcoming ' +
      'deadlines of consortia and zones and grants waiting for a second signature.',
    description:
      '`deadlines.items`: the earliest `deadlinesLimit` (default 100) of everything overdue and everything due within ' +
      '`horizonDays`; `deadlines.total`: how many there are in all.',
  })
  async dashboard(
    @Query() query: DashboardQuery,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { jurisdiction } = principal;
    const today = this.config.today();
    const horizonDays = query.horizonDays ?? DEFAULT_HORIZON_DAYS;
    const limit = query.deadlinesLimit ?? DEFAULT_DEADLINES_LIMIT;
    // Asked again and again by every open page, and the same until a projection moves: kept per state of the models.
    const key = JSON.stringify(['dashboard', today, jurisdiction ?? null, horizonDays, limit]);
    const language = answerLanguageOf(request);
    const answer = await this.answers.answer(language, key, () =>
      this.compute(today, horizonDays, limit, jurisdiction),
    );
    return sendKeptAnswer(request, reply, answer);
  }

  private async compute(today: string, horizonDays: number, limit: number, jurisdiction: Principal['jurisdiction']) {
    const position = this.engine.processedPosition();
    const [consortia, byChain, zones, money, consortiumDue, zoneDue, pending] = await Promise.all([
      consortiaCounters(this.readStore, jurisdiction),
      this.readStore.counters('consortia-by-chain'),
      this.readStore.counters('zones'),
      moneyByPolicyAndYear(this.readStore, jurisdiction),
      consortiumDeadlines(this.readStore, today, horizonDays, limit, jurisdiction),
      zoneDeadlines(this.readStore, today, horizonDays, jurisdiction),
      pendingGrants(this.readStore, today, horizonDays, jurisdiction),
    ]);
    // Each list is earliest first: the first `limit` of them together are the first `limit` of all.
    const deadlines = [
      ...consortiumDue.items.map((d) => ({ subject: 'consortium' as const, ...d })),
      ...zoneDue.map((d) => ({ subject: 'zone' as const, ...d })),
      ...pending.map((d) => ({ subject: 'subsidy' as const, ...d })),
    ].sort((a, b) => a.due.localeCompare(b.due));
    return {
      today,
      position,
      consortia: countsByPolicyAndStatus(consortia),
      zones: countsByPolicyAndStatus(
        zones.filter(({ key: [policy] }) => covers(jurisdiction, { policy: String(policy) })),
      ),
      targets: targetProgress(consortia, byChain, today),
      money,
      deadlines: {
        horizonDays,
        items: deadlines.slice(0, limit),
        // Every item there is, of each kind: the grants waiting for a second signature too.
        total: consortiumDue.total + zoneDue.length + pending.length,
      },
    };
  }

  @Get('caps')
  @Roles('viewer')
  @ApiOkResponse({ type: DashboardCapsDto })
  @ApiOperation({
    operationId: 'getDashboardCaps',
    summary: "The 20 fullest running caps (a 盟主's year, a project, a platform, an alliance) over the live grants.",
    description:
      'Each as `GET /v1/funding/{creditCode}` shows a cap. Apart from `GET /v1/dashboard` because it folds the caps of ' +
      'the live grants (at most 5,000 of the latest): it costs what they number, the dashboard what it answers.',
  })
  async caps(
    @Query() _query: QueryOptionsDto,
    @CurrentPrincipal() { jurisdiction }: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const today = this.config.today();
    const answer = await this.answers.answer(
      answerLanguageOf(request),
      JSON.stringify(['caps', today, jurisdiction ?? null]),
      async () => ({
        today,
        caps: await capUsage(this.readStore, jurisdiction),
      }),
    );
    return sendKeptAnswer(request, reply, answer);
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
