import { Controller, Get, Inject, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MinPositionInterceptor, READ_STORE, ReadStore, ReadsProjections, Roles } from '@ledger/platform';
import { reconciliationCsv } from './reconciliation.csv';
import { ReconciliationQuery } from './reconciliation.query.dto';
import { reconciliationReport } from './reconciliation.report';
import { SUBSIDIES } from '../subsidies/subsidies.projection';

/** What the controller uses of Express's request and response (content negotiation, headers). */
interface NegotiatingRequest {
  accepts(types: string[]): string | false;
}
interface HeaderResponse {
  setHeader(name: string, value: string): void;
}

@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('v1/reconciliation')
@UseInterceptors(MinPositionInterceptor)
@ReadsProjections(SUBSIDIES.name)
export class ReconciliationHttpController {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  @Get()
  @Roles('viewer', 'finance')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'Per subsidy: granted, cancelled, disbursed, clawed back, refunded, undisbursed, receivable; and the totals.',
    description:
      'undisbursed = granted − cancelled − disbursed; receivable = clawed back − refunded. Filters: `fiscalYear` (of the grant), ' +
      '`policy`; both optional. JSON `{ fiscalYear, policy, subsidies: [...], totals }`, or with `Accept: text/csv` an RFC 4180 ' +
      'CSV: a header row, one row per subsidy, and a last row whose id is TOTAL; money as yuan strings.',
  })
  async reconciliation(
    @Query() query: ReconciliationQuery,
    @Req() request: NegotiatingRequest,
    @Res({ passthrough: true }) response: HeaderResponse,
  ) {
    const report = await reconciliationReport(this.readStore, { fiscalYear: query.fiscalYear, policy: query.policy });
    if (request.accepts(['application/json', 'text/csv']) !== 'text/csv') return report;
    const name = ['reconciliation', report.policy ?? 'all-policies', report.fiscalYear ?? 'all-years'].join('-');
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
    return reconciliationCsv(report);
  }
}
