import { Controller, Get, Inject, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type Database from 'better-sqlite3';
import { MinPositionInterceptor, READ_STORE, Roles } from '@ledger/platform';
import { readSubsidies } from '../subsidies/subsidies.projector';
import { moneyView } from '@ledger/presentation/subsidy.view';
import { capNowView, capsNow, distinctCaps } from './funding-caps';
import { FundingParams, FundingQuery } from './funding.query.dto';
import { readBoundary, readFundingYear } from './funding.projector';

/** Enough for any recipient's year; the view lists every subsidy it sums. */
const MAX_SUBSIDIES_PER_YEAR = 10_000;

@ApiTags('funding')
@ApiBearerAuth()
@Controller('v1/funding')
@UseInterceptors(MinPositionInterceptor)
export class FundingHttpController {
  constructor(@Inject(READ_STORE) private readonly db: Database.Database) {}

  @Get(':creditCode')
  @Roles('viewer', 'finance')
  @ApiOperation({
    summary:
      'What a recipient received in a fiscal year, and every cap its grants are counted against, with its headroom.',
    description:
      'granted, cancelled, disbursed, clawedBack, refunded, undisbursed (granted − cancelled − disbursed) and receivable ' +
      "(clawed back − refunded), yuan strings. `caps`: every running cap the year's grants were checked against " +
      "(liaoning.mengzhu-annual-cap on the recipient's year, project, platform and alliance caps), each with `limit` " +
      '(null where the policy sets no number), `used` (granted − cancelled: a clawback does not restore headroom) and ' +
      '`headroom` as they stand now. A recipient with nothing granted that year answers zeros and no caps. Display only: ' +
      'grants are checked against the write side, never against this view.',
  })
  funding(@Param() params: FundingParams, @Query() query: FundingQuery) {
    const { creditCode } = params;
    const { fiscalYear } = query;
    const totals = readFundingYear(this.db, creditCode, fiscalYear);
    const { subsidies } = readSubsidies(
      this.db,
      { recipient: creditCode, fiscalYear },
      { limit: MAX_SUBSIDIES_PER_YEAR, offset: 0 },
    );
    const states = subsidies.map((s) => s.state);
    const boundary = (streamId: string) => readBoundary(this.db, streamId);
    const caps = distinctCaps(subsidies.flatMap(({ state }) => capsNow(state, boundary)));
    return {
      creditCode,
      fiscalYear,
      ...moneyView(totals),
      caps: caps.map(capNowView),
      subsidies: states.map((s) => ({
        id: s.subsidyId,
        consortiumId: s.consortiumId,
        policy: s.policy,
        category: s.category,
        recipientRole: s.recipientRole,
        grantedOn: s.grantedOn,
        status: s.status,
        ...moneyView(s),
      })),
    };
  }
}
