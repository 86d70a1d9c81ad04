import { ExportColumn, ExportWorkbook, Row } from '@ledger/presentation/exports';

interface HistoryAnswer {
  id: string;
  events: Array<Row & { data: unknown }>;
}

const COLUMNS: ReadonlyArray<ExportColumn> = [
  { key: 'position', header: { zh: '日志位置', en: 'position' }, kind: 'integer' },
  { key: 'recordedAt', header: { zh: '记录时间（北京时间）', en: 'recordedAt (UTC+8)' }, kind: 'timestamp' },
  { key: 'type', header: { zh: '事件', en: 'type' }, kind: 'text' },
  { key: 'rule', header: { zh: '规则', en: 'rule' }, kind: 'text' },
  { key: 'citation', header: { zh: '条款', en: 'citation' }, kind: 'text' },
  { key: 'amount', header: { zh: '金额（元）', en: 'amount' }, kind: 'yuan' },
  { key: 'actor', header: { zh: '操作人', en: 'actor' }, kind: 'text' },
  { key: 'correlationId', header: { zh: '关联编号', en: 'correlationId' }, kind: 'text' },
  { key: 'catalogue', header: { zh: '政策目录版本', en: 'catalogue' }, kind: 'text' },
  { key: 'data', header: { zh: '事件内容', en: 'data' }, kind: 'text' },
  { key: 'asOfHref', header: { zh: '当时状态', en: 'asOfHref' }, kind: 'text' },
];

/** A movement's or grant's amount (in yuan, as the history shows it), for a column of its own. */
const amountOf = (data: unknown): string | undefined => {
  const amount = (data as { amount?: unknown } | null)?.amount;
  return typeof amount === 'string' ? amount : undefined;
};

/**
 * An audit trail (`GET /v1/consortia/{id}/history`, `/v1/subsidies/{id}/history`) as a sheet: one row per event,
 * its data as JSON text. No total row: a grant, a disbursement and a clawback do not add up.
 */
export const auditTrailWorkbook =
  (noun: 'consortium' | 'subsidy') =>
  (history: HistoryAnswer): ExportWorkbook => ({
    fileName: `${noun}-${history.id}-history`,
    sheets: [
      {
        name: { zh: '审计记录', en: 'Audit trail' },
        columns: COLUMNS,
        rows: history.events.map((event) => ({
          ...event,
          amount: amountOf(event.data),
          data: JSON.stringify(event.data),
        })),
      },
    ],
  });
