import { ExportWorkbook } from '@ledger/presentation/exports';
import { LineView, ReconciliationRunView } from '../reconciliations/reconciliation-run.view';

const OUTCOME_WORDS: Record<string, string> = {
  matched: '相符',
  'amount-differs': '金额不符',
  'payee-differs': '收款单位不符',
  'only-in-statement': '仅对账单有',
  'only-in-ledger': '仅账内有',
};

/**
 * A matching run as a sheet: one row per line in item order (both sides, the difference, the resolution), and the
 * sums of the statement's and the ledger's amounts in yuan and 万元.
 */
export function statementMatchingWorkbook(run: ReconciliationRunView): ExportWorkbook {
  const rows = Object.values(run.lines)
    .flat()
    .sort((a: LineView, b: LineView) => a.item - b.item)
    .map((line: LineView) => ({
      item: line.item,
      outcome: line.outcome,
      outcomeText: OUTCOME_WORDS[line.outcome],
      line: line.statement?.line,
      voucher: line.statement?.voucher,
      paidOn: line.statement?.paidOn,
      payee: line.statement?.payee,
      creditCode: line.statement?.creditCode,
      amount: line.statement?.amount,
      subsidyId: line.ledger?.subsidyId,
      ledgerVoucher: line.ledger?.voucher,
      ledgerPaidOn: line.ledger?.paidOn,
      recipient: line.ledger?.recipient,
      ledgerAmount: line.ledger?.amount,
      resolution: line.resolved?.note,
    }));
  return {
    fileName: `statement-matching-${run.id}`,
    sheets: [
      {
        name: { zh: '对账单核对', en: 'Statement matching' },
        columns: [
          { key: 'item', header: { zh: '序号', en: 'item' }, kind: 'integer' },
          { key: 'outcome', header: { zh: '结果代码', en: 'outcome' }, kind: 'text' },
          { key: 'outcomeText', header: { zh: '核对结果', en: 'outcomeText' }, kind: 'text' },
          { key: 'line', header: { zh: '对账单行号', en: 'line' }, kind: 'integer' },
          { key: 'voucher', header: { zh: '凭证号', en: 'voucher' }, kind: 'text' },
          { key: 'paidOn', header: { zh: '支付日期', en: 'paidOn' }, kind: 'date' },
          { key: 'payee', header: { zh: '收款单位', en: 'payee' }, kind: 'text' },
          { key: 'creditCode', header: { zh: '统一社会信用代码', en: 'creditCode' }, kind: 'text' },
          { key: 'amount', header: { zh: '对账单金额（元）', en: 'amount' }, kind: 'yuan' },
          { key: 'subsidyId', header: { zh: '补助编号', en: 'subsidyId' }, kind: 'text' },
          { key: 'ledgerVoucher', header: { zh: '账内凭证号', en: 'ledgerVoucher' }, kind: 'text' },
          { key: 'ledgerPaidOn', header: { zh: '账内拨付日期', en: 'ledgerPaidOn' }, kind: 'date' },
          { key: 'recipient', header: { zh: '受助单位统一社会信用代码', en: 'recipient' }, kind: 'text' },
          { key: 'ledgerAmount', header: { zh: '账内金额（元）', en: 'ledgerAmount' }, kind: 'yuan' },
          { key: 'resolution', header: { zh: '处理说明', en: 'resolution' }, kind: 'text' },
        ],
        rows,
        totals: 'sum',
      },
    ],
  };
}
