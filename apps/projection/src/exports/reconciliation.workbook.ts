import { ExportWorkbook } from '@ledger/presentation/exports';
import { ReconciliationReport } from '../reconciliation/reconciliation.report';
import { COLUMN, MONEY_COLUMNS } from './money-columns';

/**
 * `GET /v1/reconciliation` as a sheet: one row per subsidy, and the totals of the `subsidies` projection's counters
 * (not summed from the rows: the tests check the two agree) with the report's policy and year. In English the
 * headers are the JSON fields and the first total row's id is TOTAL, as the CSV has always had them.
 */
export function reconciliationWorkbook(report: ReconciliationReport): ExportWorkbook {
  const { totals, policy, fiscalYear } = report;
  const { subsidies: _count, ...money } = totals;
  return {
    fileName: ['reconciliation', policy ?? 'all-policies', fiscalYear ?? 'all-years'].join('-'),
    sheets: [
      {
        name: { zh: '对账', en: 'Reconciliation' },
        columns: [
          COLUMN.subsidyId,
          COLUMN.policy,
          COLUMN.fiscalYear,
          COLUMN.consortiumId,
          COLUMN.recipient,
          COLUMN.category,
          COLUMN.grantedOn,
          COLUMN.status,
          ...MONEY_COLUMNS,
        ],
        rows: report.subsidies,
        totals: { ...money, policy, fiscalYear },
      },
    ],
  };
}
