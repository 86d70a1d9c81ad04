import { Controller, Get, Headers, Inject, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MinPositionGuard, preferredMediaType, READ_STORE, ReadStore, ReadsProjections, Roles } from '@ledger/platform';
import { reconciliationCsv } from './reconciliation.csv';
import { ReconciliationQuery } from './reconciliation.query.dto';
import { reconciliationReport } from './reconciliation.report';
import { SUBSIDIES } from '../subsidies/subsidies.projection';

@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('v1/reconciliation')
@UseGuards(MinPositionGuard)
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
  async reconciliation(@Query() query: ReconciliationQuery, @Headers('accept') accept?: string) {
    const report = await reconciliationReport(this.readStore, { fiscalYear: query.fiscalYear, policy: query.policy });
    if (preferredMediaType(accept, ['application/json', 'text/csv']) !== 'text/csv') return report;
    const name = ['reconciliation', report.policy ?? 'all-policies', report.fiscalYear ?? 'all-years'].join('-');
    const csv = Buffer.from(reconciliationCsv(report), 'utf8');
    // A file with its type and name: Nest sets the headers whichever HTTP adapter answers.
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${name}.csv"`,
      length: csv.length,
    });
  }
}
