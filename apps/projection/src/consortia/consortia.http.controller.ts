import { Controller, ForbiddenException, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type Database from 'better-sqlite3';
import { consortiumDecider } from '@ledger/domain/consortium/consortium.decider';
import { CONSORTIUM_EVENT_TYPES, ConsortiumEvent } from '@ledger/domain/consortium/consortium.events';
import { consortiumStreamId } from '@ledger/domain/consortium/consortium.streams';
import { EventStore } from '@ledger/event-store';
import {
  CurrentPrincipal,
  EVENT_STORE,
  hasAnyRole,
  MinPositionInterceptor,
  notFound,
  Principal,
  READ_STORE,
  Roles,
  domainEventOf,
} from '@ledger/platform';
import { readAuditTrail } from '../audit/audit-trail.projector';
import { parseAsOf } from '../shared/as-of';
import { QueryOptionsDto } from '../shared/query-options.dto';
import { ConsortiumDetailQuery, ListConsortiaQuery } from './consortia.query.dto';
import { readConsortium } from './consortium-status.projector';
import { consortiumSummaryView, consortiumView } from '@ledger/presentation/consortium.view';
import { withYuan } from '@ledger/presentation/money.view';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
@UseInterceptors(MinPositionInterceptor)
export class ConsortiaHttpController {
  constructor(
    @Inject(READ_STORE) private readonly db: Database.Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Roles('viewer')
  @ApiOperation({ summary: 'Consortia, filtered by policy and status, newest filing first.' })
  list(@Query() query: ListConsortiaQuery) {
    const where = ['(@policy IS NULL OR policy = @policy)', '(@status IS NULL OR status = @status)'].join(' AND ');
    const params = {
      policy: query.policy ?? null,
      status: query.status ?? null,
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    };
    const rows = this.db
      .prepare(`SELECT state FROM consortia WHERE ${where} ORDER BY filed_on DESC, id LIMIT @limit OFFSET @offset`)
      .all(params) as Array<{ state: string }>;
    const { total } = this.db.prepare(`SELECT COUNT(*) AS total FROM consortia WHERE ${where}`).get(params) as {
      total: number;
    };
    return {
      items: rows.map((row) => consortiumSummaryView(JSON.parse(row.state))),
      total,
      limit: params.limit,
      offset: params.offset,
    };
  }

  @Get(':id')
  @Roles('viewer')
  @ApiOperation({
    summary:
      'One consortium: status, members, eligibility, reviews, notice, evaluations. `asOf` (supervisor) folds the events recorded up to then.',
  })
  async detail(
    @Param('id') id: string,
    @Query() query: ConsortiumDetailQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (query.asOf === undefined) {
      const state = readConsortium(this.db, id);
      if (!state) throw notFound(`consortium ${id}`);
      return consortiumView(state);
    }
    if (!hasAnyRole(principal, ['supervisor'])) throw new ForbiddenException('asOf needs the role supervisor');
    const asOf = parseAsOf(query.asOf);
    const known = (await this.store.readStream(consortiumStreamId(id))).filter(
      (e) => e.recordedAt <= asOf && CONSORTIUM_EVENT_TYPES.includes(e.type as ConsortiumEvent['type']),
    );
    if (known.length === 0) throw notFound(`consortium ${id} as of ${asOf}`);
    const state = known.reduce(
      (acc, e) => consortiumDecider.evolve(acc, domainEventOf<ConsortiumEvent>(e)),
      consortiumDecider.initialState(),
    );
    return { ...consortiumView(state), asOf, position: known[known.length - 1].position };
  }

  @Get(':id/history')
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'The audit trail: every event with position, type, recordedAt, actor, data and the rule/citation behind it.',
  })
  history(@Param('id') id: string, @Query() _query: QueryOptionsDto) {
    if (!readConsortium(this.db, id)) throw notFound(`consortium ${id}`);
    const entries = readAuditTrail(this.db, consortiumStreamId(id)).map((entry) => ({
      ...entry,
      data: withYuan(entry.data),
    }));
    return { id, events: entries };
  }
}
