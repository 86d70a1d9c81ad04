import { recordCalled } from '@ledger/platform';
import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SubsidyPageDto, SubsidyDetailDto } from '@ledger/presentation/subsidy.view.dto';
import { EventStore } from '@ledger/event-store';
import {
  AuditTrailDto,
  CurrentPrincipal,
  EVENT_STORE,
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
import { SUBSIDY_REPLAY } from '../replay/replayable';
import { asOfHref } from '../replay/timeline';
import { AsOfQuery } from '../shared/as-of.query.dto';
import { subsidyDetailView } from './subsidy-detail.view';
import { ExportRequest } from '../exports/export-format';
import { ExportRequested, ExportsAs } from '../exports/exports-as.decorator';
import { subsidyListWorkbook } from '../exports/subsidy-list.workbook';
import { auditTrailWorkbook } from '../exports/audit-trail.workbook';

/** An export holds every subsidy the filters select, not a page (unless `limit` is given). */
const EXPORT_LIMIT = 1_000_000;
import { QueryOptionsDto } from '../shared/query-options.dto';
import { ScopedRecords } from '../shared/jurisdiction.guard';
import { readSubsidies, readSubsidy, SUBSIDIES } from './subsidies.projection';
import { ListSubsidiesQuery } from './subsidies.query.dto';
import { withYuan } from '@ledger/presentation/money.view';
import { eventDataWithWords, moneyView } from '@ledger/presentation/subsidy.view';
import { subsidyStreamId } from '@ledger/domain/subsidy/subsidy.streams';

@ApiTags('subsidies')
@ApiBearerAuth()
@Controller('v1/subsidies')
@ScopedRecords('subsidy')
@UseGuards(MinPositionGuard)
@ReadsProjections(SUBSIDIES.name)
export class SubsidiesHttpController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FoldedStreams) private readonly folded: FoldedStreams,
  ) {}

  @Get()
  @Roles('viewer', 'finance')
  @ExportsAs(subsidyListWorkbook)
  @ApiOkResponse({ type: SubsidyPageDto })
  @ApiOperation({
    operationId: 'listSubsidies',
    summary:
      'Subsidies, filtered by consortium, recipient, policy, category, fiscal year and status; oldest grant first. ' +
      'As CSV or XLSX (`Accept`): every subsidy selected (not a page, unless `limit` is given) and the totals.',
    description: 'Pages by `cursor` (the `next` of the page before) or by `offset`; `total` counts every match.',
  })
  async list(
    @Query() query: ListSubsidiesQuery,
    @CurrentPrincipal() principal: Principal,
    @ExportRequested() exporting?: ExportRequest,
  ) {
    const { limit = exporting ? EXPORT_LIMIT : 100, offset = 0, cursor, minPosition: _, ...filter } = query;
    const { subsidies, total, next } = await readSubsidies(
      this.readStore,
      { ...filter, jurisdiction: principal.jurisdiction },
      { limit, offset, cursor },
    );
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
  // As of a moment, it folds the entity's stream in the event log: minPosition is met at once.
  @ReadsTheLogWith('asOf', 'atPosition')
  @ApiOkResponse({ type: SubsidyDetailDto })
  @ApiOperation({
    operationId: 'getSubsidy',
    summary:
      'One subsidy: its figures, the rules its grant passed, the caps it was checked against (as recorded then) and every movement. `asOf` or `atPosition` (supervisor) folds the events recorded up to then.',
  })
  async detail(@Param('id') id: string, @Query() query: AsOfQuery, @CurrentPrincipal() principal: Principal) {
    const moment = asOfMomentOf(query, principal);
    if (moment !== undefined) return asOfAnswer(this.folded, SUBSIDY_REPLAY, id, moment);
    const record = await readSubsidy(this.readStore, id);
    if (!record?.grant) throw notFound(recordCalled('subsidy', id));
    return subsidyDetailView(record);
  }

  @Get(':id/history')
  @Roles('supervisor')
  @ApiOkResponse({ type: AuditTrailDto })
  @ApiOperation({
    operationId: 'getSubsidyHistory',
    summary:
      'The audit trail: every event of the subsidy with position, type, recordedAt, actor, data (money in yuan) and the rule/citation behind it.',
  })
  @ReadsProjections() // the log itself: nothing to wait for
  @ExportsAs(auditTrailWorkbook('subsidy'))
  async history(@Param('id') id: string, @Query() _query: QueryOptionsDto) {
    const entries = await readAuditTrail(this.store, subsidyStreamId(id));
    if (entries.length === 0) throw notFound(recordCalled('subsidy', id));
    return {
      id,
      events: entries.map((entry) => ({
        ...entry,
        data: withYuan(eventDataWithWords(entry.type, entry.data)),
        asOfHref: asOfHref(SUBSIDY_REPLAY, id, entry.position),
      })),
    };
  }
}
