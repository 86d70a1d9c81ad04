import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { fenToYuan } from '@ledger/domain/shared/money';
import { EventStore } from '@ledger/event-store';
import {
  EVENT_STORE,
  MinPositionInterceptor,
  notFound,
  READ_STORE,
  ReadStore,
  ReadsProjections,
  Roles,
} from '@ledger/platform';
import { readAuditTrail } from '../audit/audit-trail';
import { QueryOptionsDto } from '../shared/query-options.dto';
import { readSubsidies, readSubsidy, SUBSIDIES } from './subsidies.projection';
import { ListSubsidiesQuery } from './subsidies.query.dto';
import { withYuan } from '@ledger/presentation/money.view';
import { moneyView, subsidyView } from '@ledger/presentation/subsidy.view';
import { subsidyStreamId } from '@ledger/domain/subsidy/subsidy.streams';

@ApiTags('subsidies')
@ApiBearerAuth()
@Controller('v1/subsidies')
@UseInterceptors(MinPositionInterceptor)
@ReadsProjections(SUBSIDIES.name)
export class SubsidiesHttpController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Roles('viewer', 'finance')
  @ApiOperation({
    summary:
      'Subsidies, filtered by consortium, recipient, policy, category, fiscal year and status; oldest grant first.',
    description: 'Pages by `cursor` (the `next` of the page before) or by `offset`; `total` counts every match.',
  })
  async list(@Query() query: ListSubsidiesQuery) {
    const { limit = 100, offset = 0, cursor, minPosition: _, ...filter } = query;
    const { subsidies, total, next } = await readSubsidies(this.readStore, filter, { limit, offset, cursor });
    const items = subsidies.map(({ state: s }) => ({
      id: s.subsidyId,
      status: s.status,
      consortiumId: s.consortiumId,
      policy: s.policy,
      category: s.category,
      recipient: s.recipient,
      fiscalYear: s.fiscalYear,
      grantedOn: s.grantedOn,
      ...moneyView(s),
    }));
    return { items, total, limit, offset, ...(next && { next }) };
  }

  @Get(':id')
  @Roles('viewer', 'finance')
  @ApiOperation({
    summary:
      'One subsidy: its figures, the rules its grant passed, the caps it was checked against (as recorded then) and every movement.',
  })
  async detail(@Param('id') id: string, @Query() _query: QueryOptionsDto) {
    const record = await readSubsidy(this.readStore, id);
    if (!record?.grant) throw notFound(`subsidy ${id}`);
    const { state, grant, movements } = record;
    return {
      ...subsidyView(state),
      rule: grant.rule,
      citation: grant.citation,
      ...(state.projectTotalInvestmentFen !== undefined && {
        projectTotalInvestment: fenToYuan(state.projectTotalInvestmentFen),
      }),
      ...(state.evaluationPeriod && { evaluationPeriod: state.evaluationPeriod }),
      checks: grant.checks,
      movements: movements.map(withYuan),
    };
  }

  @Get(':id/history')
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'The audit trail: every event of the subsidy with position, type, recordedAt, actor, data (money in yuan) and the rule/citation behind it.',
  })
  @ReadsProjections() // the log itself: nothing to wait for
  async history(@Param('id') id: string, @Query() _query: QueryOptionsDto) {
    const entries = await readAuditTrail(this.store, subsidyStreamId(id));
    if (entries.length === 0) throw notFound(`subsidy ${id}`);
    return { id, events: entries.map((entry) => ({ ...entry, data: withYuan(entry.data) })) };
  }
}
