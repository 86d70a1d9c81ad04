import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type Database from 'better-sqlite3';
import { fenToYuan } from '@ledger/domain/shared/money';
import { MinPositionInterceptor, notFound, READ_STORE, Roles } from '@ledger/platform';
import { readAuditTrail } from '../audit/audit-trail.projector';
import { QueryOptionsDto } from '../shared/query-options.dto';
import { readSubsidies, readSubsidyRow } from './subsidies.projector';
import { ListSubsidiesQuery } from './subsidies.query.dto';
import { withYuan } from '@ledger/presentation/money.view';
import { moneyView, subsidyView } from '@ledger/presentation/subsidy.view';
import { subsidyStreamId } from '@ledger/domain/subsidy/subsidy.streams';

@ApiTags('subsidies')
@ApiBearerAuth()
@Controller('v1/subsidies')
@UseInterceptors(MinPositionInterceptor)
export class SubsidiesHttpController {
  constructor(@Inject(READ_STORE) private readonly db: Database.Database) {}

  @Get()
  @Roles('viewer', 'finance')
  @ApiOperation({
    summary:
      'Subsidies, filtered by consortium, recipient, policy, category, fiscal year and status; oldest grant first.',
  })
  list(@Query() query: ListSubsidiesQuery) {
    const { limit = 100, offset = 0, minPosition: _, ...filter } = query;
    const { subsidies, total } = readSubsidies(this.db, filter, { limit, offset });
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
    return { items, total, limit, offset };
  }

  @Get(':id')
  @Roles('viewer', 'finance')
  @ApiOperation({
    summary:
      'One subsidy: its figures, the rules its grant passed, the caps it was checked against (as recorded then) and every movement.',
  })
  detail(@Param('id') id: string, @Query() _query: QueryOptionsDto) {
    const row = readSubsidyRow(this.db, id);
    if (!row) throw notFound(`subsidy ${id}`);
    const { grant, movements } = row.record;
    return {
      ...subsidyView(row.state),
      rule: grant.rule,
      citation: grant.citation,
      ...(grant.projectTotalInvestmentFen !== undefined && {
        projectTotalInvestment: fenToYuan(grant.projectTotalInvestmentFen),
      }),
      ...(grant.evaluationPeriod && { evaluationPeriod: grant.evaluationPeriod }),
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
  history(@Param('id') id: string, @Query() _query: QueryOptionsDto) {
    const entries = readAuditTrail(this.db, subsidyStreamId(id));
    if (entries.length === 0) throw notFound(`subsidy ${id}`);
    return { id, events: entries.map((entry) => ({ ...entry, data: withYuan(entry.data) })) };
  }
}
