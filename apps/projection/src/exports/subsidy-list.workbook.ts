import { ExportWorkbook, Row } from '@ledger/presentation/exports';
import { COLUMN, MONEY_COLUMNS } from './money-columns';

/** `GET /v1/subsidies` as a sheet: every subsidy the filters select, and the sums of their money. */
export function subsidyListWorkbook(list: { items: Row[] }): ExportWorkbook {
  return {
    fileName: 'subsidies',
    sheets: [
      {
        name: { zh: '补助', en: 'Subsidies' },
        columns: [
          COLUMN.subsidyId,
          COLUMN.status,
          COLUMN.consortiumId,
          COLUMN.policy,
          COLUMN.category,
          COLUMN.recipient,
          COLUMN.fiscalYear,
          COLUMN.grantedOn,
          ...MONEY_COLUMNS,
        ],
        rows: list.items,
        totals: 'sum',
      },
    ],
  };
}
