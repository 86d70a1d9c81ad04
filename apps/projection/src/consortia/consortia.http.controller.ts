import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumPageDto, ConsortiumViewDto } from '@ledger/presentation/consortium.view.dto';
import { consortiumStreamId } from '@ledger/domain/consortium/consortium.streams';
import { EventStore } from '@ledger/event-store';
import {
  AuditTrailDto,
  CurrentPrincipal,
  EVENT_STORE,
  jurisdictionWhere,
  MinPositionGuard,
  Principal,
  READ_STORE,
  ReadStore,
  ReadsProjections,
  Roles,
  notFound,
} from '@ledger/platform';
import { AUDIT_TRAIL, readAuditTrail } from '../audit/audit-trail.projection';
import { asOfMomentOf } from '../replay/as-of.request';
import { asOfAnswer } from '../replay/replay.answers';
import { CONSORTIUM_REPLAY } from '../replay/replayable';
import { asOfHref } from '../replay/timeline';
import { auditTrailWorkbook } from '../exports/audit-trail.workbook';
import { ExportsAs } from '../exports/exports-as.decorator';
import { QueryOptionsDto } from '../shared/query-options.dto';
import { ScopedRecords } from '../shared/jurisdiction.guard';
import { ConsortiumDetailQuery, ListConsortiaQuery } from './consortia.query.dto';
import { CONSORTIA } from './consortia.projection';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { consortiumSummaryView, consortiumView } from '@ledger/presentation/consortium.view';
import { withYuan } from '@ledger/presentation/money.view';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
@ScopedRecords('consortium')
@UseGuards(MinPositionGuard)
@ReadsProjections(CONSORTIA.name)
export class ConsortiaHttpController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Roles('viewer', 'officer', 'finance')
  @ApiOkResponse({ type: ConsortiumPageDto })
  @ApiOperation({
    operationId: 'listConsortia',
    summary: 'Consortia, filtered by policy and status, newest filing first.',
  })
  async list(@Query() query: ListConsortiaQuery, @CurrentPrincipal() principal: Principal) {
    const where = { policy: query.policy, status: query.status, ...jurisdictionWhere(principal.jurisdiction) };
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const [page, total] = await Promise.all([
      this.readStore.findDocuments<ConsortiumState>(CONSORTIA.name, {
        where,
        orderBy: [['filed_on', 'desc']],
        limit,
        offset,
      }),
      this.readStore.countDocuments(CONSORTIA.name, where),
    ]);
    return { items: page.documents.map((d) => consortiumSummaryView(d.state)), total, limit, offset };
  }

  @Get(':id')
  @Roles('viewer', 'officer', 'finance')
  @ApiOkResponse({ type: ConsortiumViewDto })
  @ApiOperation({
    operationId: 'getConsortium',
    summary:
      'One consortium: status, members, eligibility, reviews, notice, evaluations. `asOf` or `atPosition` (supervisor) folds the events recorded up to then.',
  })
  async detail(
    @Param('id') id: string,
    @Query() query: ConsortiumDetailQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    const moment = asOfMomentOf(query, principal);
    if (moment === undefined) {
      const found = await this.readStore.getDocument<ConsortiumState>(CONSORTIA.name, id);
      if (!found) throw notFound(`consortium ${id}`);
      return consortiumView(found.state);
    }
    return asOfAnswer(this.store, CONSORTIUM_REPLAY, id, moment);
  }

  @Get(':id/history')
  @Roles('supervisor')
  @ApiOkResponse({ type: AuditTrailDto })
  @ApiOperation({
    operationId: 'getConsortiumHistory',
    summary:
      'The audit trail: every event with position, type, recordedAt, actor, data and the rule/citation behind it.',
  })
  @ReadsProjections(CONSORTIA.name, AUDIT_TRAIL.name)
  @ExportsAs(auditTrailWorkbook('consortium'))
  async history(@Param('id') id: string, @Query() _query: QueryOptionsDto) {
    if (!(await this.readStore.getDocument(CONSORTIA.name, id))) throw notFound(`consortium ${id}`);
    const entries = (await readAuditTrail(this.readStore, consortiumStreamId(id))).map((entry) => ({
      ...entry,
      data: withYuan(entry.data),
      asOfHref: asOfHref(CONSORTIUM_REPLAY, id, entry.position),
    }));
    return { id, events: entries };
  }
}
