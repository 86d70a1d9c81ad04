import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FundingDto } from '@ledger/presentation/funding.view.dto';
import {
  CurrentPrincipal,
  MinPositionGuard,
  Principal,
  READ_STORE,
  ReadStore,
  ReadsProjections,
  Roles,
} from '@ledger/platform';
import { readFundingYear, readSubsidies, SUBSIDIES } from '../subsidies/subsidies.projection';
import { addMoney, moneyView, NO_MONEY } from '@ledger/presentation/subsidy.view';
import { capNowView, capsNow, distinctCaps } from './funding-caps';
import { FundingParams, FundingQuery } from './funding.query.dto';
import { FUNDING_BOUNDARIES } from './funding-boundaries.projection';
import { consortiaLedBy, LEAD_REGISTRIES } from '../consortia/lead-registries.projection';
import { FundingBoundaryState, initialBoundaryState } from '@ledger/domain/policies/funding/funding-boundary';
import { ExportsAs } from '../exports/exports-as.decorator';
import { fundingWorkbook } from '../exports/funding.workbook';

/** Enough for any recipient's year; the view lists every subsidy it sums. */
const MAX_SUBSIDIES_PER_YEAR = 10_000;

@ApiTags('funding')
@ApiBearerAuth()
@Controller('v1/funding')
@UseGuards(MinPositionGuard)
@ReadsProjections(SUBSIDIES.name, FUNDING_BOUNDARIES.name, LEAD_REGISTRIES.name)
export class FundingHttpController {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  @Get(':creditCode')
  @Roles('viewer', 'finance')
  @ExportsAs(fundingWorkbook)
  @ApiOkResponse({ type: FundingDto })
  @ApiOperation({
    operationId: 'getFunding',
    summary:
      'What a recipient received in a fiscal year, and every cap its grants are counted against, with its headroom.',
    description:
      'granted, cancelled, disbursed, clawedBack, refunded, undisbursed (granted − cancelled − disbursed) and receivable ' +
      "(clawed back − refunded), yuan strings. `caps`: every running cap the year's grants were checked against " +
      "(liaoning.mengzhu-annual-cap on the recipient's year, project, platform and alliance caps), each with `limit` " +
      '(null where the policy sets no number), `used` (granted − cancelled: a clawback does not restore headroom) and ' +
      '`headroom` as they stand now. A recipient with nothing granted that year answers zeros and no caps. Display only: ' +
      'grants are checked against the write side, never against this view. CSV or XLSX (`Accept`): the subsidies with ' +
      'the totals in yuan and 万元; the XLSX adds a sheet of the caps.',
  })
  async funding(
    @Param() params: FundingParams,
    @Query() query: FundingQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    const { jurisdiction } = principal;
    const { creditCode } = params;
    const { fiscalYear } = query;
    const { subsidies } = await readSubsidies(
      this.readStore,
      { recipient: creditCode, fiscalYear, jurisdiction },
      { limit: MAX_SUBSIDIES_PER_YEAR, offset: 0 },
    );
    const states = subsidies.map((s) => s.state);
    // A jurisdiction sees the subsidies it covers, and their sums; everyone else the recipient's running totals.
    const totals = jurisdiction
      ? states.reduce(addMoney, NO_MONEY)
      : await readFundingYear(this.readStore, creditCode, fiscalYear);
    const streams = [...new Set(states.flatMap((s) => s.boundaries))];
    const folds = new Map<string, FundingBoundaryState>();
    for (const streamId of streams) {
      const found = await this.readStore.getDocument<FundingBoundaryState>(FUNDING_BOUNDARIES.name, streamId);
      folds.set(streamId, found?.state ?? initialBoundaryState());
    }
    const boundary = (streamId: string) => folds.get(streamId) ?? initialBoundaryState();
    const leads = new Map<string, string[] | undefined>();
    for (const policy of new Set(states.map((s) => s.policy))) {
      leads.set(policy, await consortiaLedBy(this.readStore, policy, creditCode, fiscalYear));
    }
    const caps = distinctCaps(states.flatMap((state) => capsNow(state, boundary, leads.get(state.policy))));
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
