import { recordCalled } from '@ledger/platform';
import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumPageDto, ConsortiumDetailDto } from '@ledger/presentation/consortium.view.dto';
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
  ReadsTheLogWith,
  Roles,
  notFound,
} from '@ledger/platform';
import { readAuditTrail } from '../audit/audit-trail';
import { asOfMomentOf } from '../replay/as-of.request';
import { FoldedStreams } from '../replay/folded-streams';
import { asOfAnswer } from '../replay/replay.answers';
import { CONSORTIUM_REPLAY } from '../replay/replayable';
import { asOfHref } from '../replay/timeline';
import { auditTrailWorkbook } from '../exports/audit-trail.workbook';
import { ExportsAs } from '../exports/exports-as.decorator';
import { QueryOptionsDto } from '../shared/query-options.dto';
import { ScopedRecords } from '../shared/jurisdiction.guard';
import { ConsortiumDetailQuery, ListConsortiaQuery } from './consortia.query.dto';
import { CONSORTIA, countConsortia } from './consortia.projection';
import { findPage } from '../shared/list-page';
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
    @Inject(FoldedStreams) private readonly folded: FoldedStreams,
  ) {}

  @Get()
  @Roles('viewer', 'officer', 'finance')
  @ApiOkResponse({ type: ConsortiumPageDto })
  @ApiOperation({
    operationId: 'listConsortia',
    summary: 'Consortia, filtered by policy and status, newest filing first.',
    description: 'Pages by `cursor` (the `next` of the page before) or by `offset`; `total` counts every match.',
  })
  async list(@Query() query: ListConsortiaQuery, @CurrentPrincipal() principal: Principal) {
    const { jurisdiction } = principal;
    const filter = { policy: query.policy, status: query.status };
    const page = { limit: query.limit ?? 100, offset: query.offset ?? 0, cursor: query.cursor };
    const [found, total] = await Promise.all([
      findPage<ConsortiumState>(
        this.readStore,
        CONSORTIA.name,
        { where: { ...filter, ...jurisdictionWhere(jurisdiction) }, orderBy: [['filed_on', 'desc']] },
        page,
      ),
      countConsortia(this.readStore, filter, jurisdiction),
    ]);
    return {
      items: found.documents.map((d) => consortiumSummaryView(d.state)),
      total,
      limit: page.limit,
      offset: page.offset,
      ...(found.next && { next: found.next }),
    };
  }

  @Get(':id')
  @Roles('viewer', 'officer', 'finance')
  // As of a moment, it folds the entity's stream in the event log: minPosition is met at once.
  @ReadsTheLogWith('asOf', 'atPosition')
  @ApiOkResponse({ type: ConsortiumDetailDto })
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
      if (!found) throw notFound(recordCalled('consortium', id));
      return consortiumView(found.state);
    }
    return asOfAnswer(this.folded, CONSORTIUM_REPLAY, id, moment);
  }

  @Get(':id/history')
  @Roles('supervisor')
  @ApiOkResponse({ type: AuditTrailDto })
  @ApiOperation({
    operationId: 'getConsortiumHistory',
    summary:
      'The audit trail: every event with position, type, recordedAt, actor, data and the rule/citation behind it.',
  })
  @ExportsAs(auditTrailWorkbook('consortium'))
  async history(@Param('id') id: string, @Query() _query: QueryOptionsDto) {
    if (!(await this.readStore.getDocument(CONSORTIA.name, id))) throw notFound(recordCalled('consortium', id));
    const entries = (await readAuditTrail(this.store, consortiumStreamId(id))).map((entry) => ({
      ...entry,
      data: withYuan(entry.data),
      asOfHref: asOfHref(CONSORTIUM_REPLAY, id, entry.position),
    }));
    return { id, events: entries };
  }
}
