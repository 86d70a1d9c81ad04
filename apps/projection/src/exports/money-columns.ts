import { ExportColumn } from '@ledger/presentation/exports';

/** The seven figures of a subsidy (moneyView), as every money sheet shows them. */
export const MONEY_COLUMNS: ReadonlyArray<ExportColumn> = [
  { key: 'granted', header: { zh: '批准金额（元）', en: 'granted' }, kind: 'yuan' },
  { key: 'cancelled', header: { zh: '取消金额（元）', en: 'cancelled' }, kind: 'yuan' },
  { key: 'disbursed', header: { zh: '已拨付（元）', en: 'disbursed' }, kind: 'yuan' },
  { key: 'clawedBack', header: { zh: '已追回（元）', en: 'clawedBack' }, kind: 'yuan' },
  { key: 'refunded', header: { zh: '已退回（元）', en: 'refunded' }, kind: 'yuan' },
  { key: 'undisbursed', header: { zh: '未拨付（元）', en: 'undisbursed' }, kind: 'yuan' },
  { key: 'receivable', header: { zh: '应退未退（元）', en: 'receivable' }, kind: 'yuan' },
];

/** Columns many sheets share, under one wording. */
export const COLUMN = {
  subsidyId: { key: 'id', header: { zh: '补助编号', en: 'id' }, kind: 'text' },
  policy: { key: 'policy', header: { zh: '政策', en: 'policy' }, kind: 'text' },
  fiscalYear: { key: 'fiscalYear', header: { zh: '财政年度', en: 'fiscalYear' }, kind: 'integer' },
  consortiumId: { key: 'consortiumId', header: { zh: '联合体编号', en: 'consortiumId' }, kind: 'text' },
  recipient: { key: 'recipient', header: { zh: '受助单位统一社会信用代码', en: 'recipient' }, kind: 'text' },
  category: { key: 'category', header: { zh: '补助类别', en: 'category' }, kind: 'text' },
  grantedOn: { key: 'grantedOn', header: { zh: '批准日期', en: 'grantedOn' }, kind: 'date' },
  status: { key: 'status', header: { zh: '状态', en: 'status' }, kind: 'text' },
} satisfies Record<string, ExportColumn>;
