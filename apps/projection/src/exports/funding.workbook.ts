import { ExportWorkbook, Row } from '@ledger/presentation/exports';
import { COLUMN, MONEY_COLUMNS } from './money-columns';

interface FundingAnswer extends Row {
  creditCode: string;
  fiscalYear: number;
}

/**
 * `GET /v1/funding/{creditCode}` as a workbook: the year's subsidies with the recipient's totals (the view's own,
 * from its counters), and a second sheet of the caps as they stand now (a CSV holds the first sheet).
 */
export function fundingWorkbook(funding: FundingAnswer & { subsidies: Row[]; caps: Row[] }): ExportWorkbook {
  const { subsidies, caps, creditCode, fiscalYear, ...totals } = funding;
  return {
    fileName: `funding-${creditCode}-${fiscalYear}`,
    sheets: [
      {
        name: { zh: '资金', en: 'Funding' },
        columns: [
          COLUMN.subsidyId,
          COLUMN.consortiumId,
          COLUMN.policy,
          COLUMN.category,
          { key: 'recipientRole', header: { zh: '受助角色', en: 'recipientRole' }, kind: 'text' },
          COLUMN.grantedOn,
          COLUMN.status,
          ...MONEY_COLUMNS,
        ],
        rows: subsidies,
        totals,
      },
      {
        name: { zh: '资金上限', en: 'Caps' },
        columns: [
          { key: 'rule', header: { zh: '规则', en: 'rule' }, kind: 'text' },
          { key: 'citation', header: { zh: '条款', en: 'citation' }, kind: 'text' },
          { key: 'scope', header: { zh: '范围', en: 'scope' }, kind: 'text' },
          { key: 'limit', header: { zh: '上限（元）', en: 'limit' }, kind: 'yuan' },
          { key: 'used', header: { zh: '已使用（元）', en: 'used' }, kind: 'yuan' },
          { key: 'headroom', header: { zh: '剩余额度（元）', en: 'headroom' }, kind: 'yuan' },
          { key: 'detail', header: { zh: '说明', en: 'detail' }, kind: 'text' },
        ],
        rows: caps,
      },
    ],
  };
}
