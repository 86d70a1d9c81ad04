import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReconciliationDto } from '@ledger/presentation/funding.view.dto';
import {
  CurrentPrincipal,
  MinPositionGuard,
  Principal,
  READ_STORE,
  ReadStore,
  ReadsProjections,
  Roles,
} from '@ledger/platform';
import { ExportsAs } from '../exports/exports-as.decorator';
import { reconciliationWorkbook } from '../exports/reconciliation.workbook';
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
  @ExportsAs(reconciliationWorkbook)
  @ApiOkResponse({ type: ReconciliationDto })
  @ApiOperation({
    operationId: 'getReconciliation',
    summary:
      'Per subsidy: granted, cancelled, disbursed, clawed back, refunded, undisbursed, receivable; and the totals.',
    description:
      'undisbursed = granted − cancelled − disbursed; receivable = clawed back − refunded. Filters: `fiscalYear` (of the grant), ' +
      '`policy`; both optional. JSON `{ fiscalYear, policy, subsidies: [...], totals }`; with `Accept: text/csv` (RFC 4180, ' +
      'UTF-8 with BOM) or XLSX a sheet: a header row (Chinese; the JSON fields with `Accept-Language: en`), one row per ' +
      'subsidy, the totals in yuan (id TOTAL / 合计) and in 万元.',
  })
  reconciliation(@Query() query: ReconciliationQuery, @CurrentPrincipal() principal: Principal) {
    return reconciliationReport(this.readStore, {
      fiscalYear: query.fiscalYear,
      policy: query.policy,
      jurisdiction: principal.jurisdiction,
    });
  }
}
