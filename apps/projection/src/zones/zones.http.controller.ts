import { recordCalled } from '@ledger/platform';
import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RegionalAveragePageDto, ZonePageDto, ZoneDetailDto } from '@ledger/presentation/zone.view.dto';
import { nmg2022ZoneParams } from '@ledger/domain/policies/nmg-2022-zone';
import { EventStore } from '@ledger/event-store';
import {
  AuditTrailDto,
  CurrentPrincipal,
  EVENT_STORE,
  LEDGER_CONFIG,
  LedgerConfig,
  MinPositionGuard,
  covers,
  jurisdictionWhere,
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
import { ZONE_REPLAY } from '../replay/replayable';
import { asOfHref } from '../replay/timeline';
import { AsOfQuery } from '../shared/as-of.query.dto';
import { PageQueryDto, QueryOptionsDto } from '../shared/query-options.dto';
import { zoneHistoryEntryView } from './zone-history.view';
import { countZones, readZones, ZONES } from './zones.projection';
import { findPage } from '../shared/list-page';
import { rdIntensityView, regionalAverageView, zoneSummaryView, zoneView } from '@ledger/presentation/zone.view';
import { readRegionalAverages, REGIONAL_AVERAGES } from './regional-averages.projection';
import { ListZonesQuery } from './zones.query.dto';
import {
  annualReportDueDate,
  evaluationsDueIn,
  isEvaluationDueIn,
  isReportMissing,
  upcomingDeadlines,
} from '@ledger/domain/zone/zone-schedule';
import { zoneStreamId } from '@ledger/domain/zone/zone.streams';
import { ZoneState } from '@ledger/domain/zone/zone.state';
import { ScopedRecords } from '../shared/jurisdiction.guard';

/** How far ahead a zone's `nextDeadlines` look (everything overdue is listed whatever its age). */
export const NEXT_DEADLINES_HORIZON_DAYS = 365;

const reportDue = nmg2022ZoneParams.annualReportDueMonthDay;

@ApiTags('zones')
@ApiBearerAuth()
@Controller('v1/zones')
@ScopedRecords('zone')
@UseGuards(MinPositionGuard)
@ReadsProjections(ZONES.name)
export class ZonesHttpController {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FoldedStreams) private readonly folded: FoldedStreams,
  ) {}

  @Get()
  @Roles('viewer', 'officer')
  @ApiOkResponse({ type: ZonePageDto })
  @ApiOperation({
    operationId: 'listZones',
    summary: 'Demonstration zones with their status, oldest approval first.',
    description:
      '`dueInYear` keeps the zones with an evaluation due that year and lists those evaluations under `evaluationsDue`; ' +
      "`reportMissingFor` keeps the zones whose report for that year is overdue (judged on the ledger's business date) " +
      'and names it under `reportMissing`. Filters combine.',
  })
  async list(@Query() query: ListZonesQuery, @CurrentPrincipal() principal: Principal) {
    const today = this.config.today();
    const { dueInYear, reportMissingFor } = query;
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    if (dueInYear === undefined && reportMissingFor === undefined) {
      // A page off the index, and the count from the counters: what the page holds, however many zones there are.
      const [page, total] = await Promise.all([
        findPage<ZoneState>(
          this.readStore,
          ZONES.name,
          {
            where: { status: query.status, ...jurisdictionWhere(principal.jurisdiction, false) },
            orderBy: [['approved_on', 'asc']],
          },
          { limit, offset },
        ),
        countZones(this.readStore, query.status, principal.jurisdiction),
      ]);
      return { items: page.documents.map((d) => zoneSummaryView(d.state)), total, limit, offset };
    }
    // The schedule filters are judged on each zone's whole history (and today): zones are few, they are all read.
    const matching = (await readZones(this.readStore, query.status))
      .filter((zone) => covers(principal.jurisdiction, { policy: zone.policy }))
      .filter((zone) => dueInYear === undefined || isEvaluationDueIn(zone, dueInYear))
      .filter((zone) => reportMissingFor === undefined || isReportMissing(zone, reportMissingFor, today));
    const items = matching.slice(offset, offset + limit).map((zone) => ({
      ...zoneSummaryView(zone),
      ...(dueInYear !== undefined && {
        evaluationsDue: evaluationsDueIn(zone, dueInYear).map(({ overdue: _, ...due }) => due),
      }),
      ...(reportMissingFor !== undefined && { reportMissing: missingReport(zone, reportMissingFor) }),
    }));
    return { items, total: matching.length, limit, offset };
  }

  @Get('regional-averages')
  @Roles('viewer', 'officer')
  @ApiOkResponse({ type: RegionalAveragePageDto })
  @ApiOperation({
    operationId: 'listRegionalAverages',
    summary: "The region's average R&D intensity by year (zone.rd-intensity 四(三)), the latest year first.",
    description:
      'What annual reports recorded from now on are judged on: `rdIntensity` as a fraction of 1 ("0.0093"), with ' +
      '`revisions` (every value recorded for the year, oldest first). Recorded with POST /v1/zones/regional-averages.',
  })
  @ReadsProjections(REGIONAL_AVERAGES.name)
  async regionalAverages(@Query() query: PageQueryDto) {
    const averages = await readRegionalAverages(this.readStore);
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const items = averages.slice(offset, offset + limit).map((average) => ({
      ...regionalAverageView(average),
      revisions: average.history.map(rdIntensityView),
    }));
    return { items, total: averages.length, limit, offset };
  }

  @Get(':id')
  @Roles('viewer', 'officer')
  // As of a moment, it folds the entity's stream in the event log: minPosition is met at once.
  @ReadsTheLogWith('asOf', 'atPosition')
  @ApiOkResponse({ type: ZoneDetailDto })
  @ApiOperation({
    operationId: 'getZone',
    summary: 'One zone: status, reports with their findings, evaluations, rectification periods, and `nextDeadlines`.',
    description:
      `\`nextDeadlines\`: what the zone still owes, every overdue item and what falls due within ${NEXT_DEADLINES_HORIZON_DAYS} days. ` +
      '`asOf` or `atPosition` (supervisor): the zone as the ledger knew it then (its state alone).',
  })
  async detail(@Param('id') id: string, @Query() query: AsOfQuery, @CurrentPrincipal() principal: Principal) {
    const moment = asOfMomentOf(query, principal);
    // What a zone owed then is not what it owes today: the as-of view is the state alone, without `nextDeadlines`.
    if (moment !== undefined) return asOfAnswer(this.folded, ZONE_REPLAY, id, moment);
    const zone = (await this.readStore.getDocument<ZoneState>(ZONES.name, id))?.state;
    if (!zone) throw notFound(recordCalled('zone', id));
    const today = this.config.today();
    return { ...zoneView(zone), nextDeadlines: upcomingDeadlines(zone, today, NEXT_DEADLINES_HORIZON_DAYS) };
  }

  @Get(':id/history')
  @Roles('supervisor')
  @ApiOkResponse({ type: AuditTrailDto })
  @ApiOperation({
    operationId: 'getZoneHistory',
    summary:
      'The audit trail: every event with position, type, recordedAt, actor, data and the rule/citation behind it.',
  })
  @ReadsProjections() // the log itself: nothing to wait for
  async history(@Param('id') id: string, @Query() _query: QueryOptionsDto) {
    const entries = await readAuditTrail(this.store, zoneStreamId(id));
    if (entries.length === 0) throw notFound(recordCalled('zone', id));
    return {
      id,
      events: entries.map((entry) => ({
        ...zoneHistoryEntryView(entry),
        asOfHref: asOfHref(ZONE_REPLAY, id, entry.position),
      })),
    };
  }
}

function missingReport(zone: ZoneState, year: number) {
  return { year, due: annualReportDueDate(zone, year), rule: reportDue.rule, citation: reportDue.citation };
}
