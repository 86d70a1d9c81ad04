import { Controller, Get, Headers, Inject, Query, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type Database from 'better-sqlite3';
import { MinPositionInterceptor, preferredMediaType, READ_STORE, Roles } from '@ledger/platform';
import { reconciliationCsv } from './reconciliation.csv';
import { ReconciliationQuery } from './reconciliation.query.dto';
import { reconciliationReport } from './reconciliation.report';

@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('v1/reconciliation')
@UseInterceptors(MinPositionInterceptor)
export class ReconciliationHttpController {
  constructor(@Inject(READ_STORE) private readonly db: Database.Database) {}

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
  reconciliation(@Query() query: ReconciliationQuery, @Headers('accept') accept?: string) {
    const report = reconciliationReport(this.db, { fiscalYear: query.fiscalYear, policy: query.policy });
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
