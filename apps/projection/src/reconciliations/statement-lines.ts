/**
 * The statement's rows as payment lines: amounts in yuan (or 万元, when the header or mapping says so, or the cell
 * itself: 50万元) to fen exactly, dates in the ways Chinese exports write them. A cell that cannot be read is a 400
 * naming its line and column; rows that are empty or total rows (合计, 总计, 小计) are left out.
 */
import { isBusinessDate } from '@ledger/domain/shared/dates';
import { isSentence, say, Sentence } from '@ledger/domain/shared/sentence';
import { StatementLine } from '@ledger/domain/reconciliation/statement';
import { StatementLayout } from './statement-columns';
import { StatementCell, StatementProblem, StatementProblemDetail } from './statement-file';

const TOTAL_ROW = /^(合计|总计|小计|本页合计|累计)/u;
const MAX_PROBLEMS = 20;

export function statementLines(layout: StatementLayout): StatementLine[] {
  const { index, columns } = layout;
  const problems: StatementProblemDetail[] = [];
  const lines: StatementLine[] = [];
  for (const row of layout.body) {
    const text = (at: number | undefined) =>
      at === undefined
        ? ''
        : String(row.cells[at] ?? '')
            .normalize('NFKC')
            .trim();
    if (row.cells.every((cell) => String(cell ?? '').trim() === '')) continue;
    if (row.cells.some((cell) => TOTAL_ROW.test(String(cell ?? '').trim()))) continue;
    const amount = amountFen(row.cells[index.amount!] ?? null, columns.amountUnit);
    const paidOn = dateOf(row.cells[index.date!] ?? null);
    if (isSentence(amount)) problems.push({ line: row.line, column: columns.amount, problem: amount });
    if (paidOn === undefined)
      problems.push({
        line: row.line,
        column: columns.date,
        problem: say`"${text(index.date)}" is not a date (YYYY-MM-DD, YYYY/M/D, YYYYMMDD or YYYY年M月D日)`,
      });
    if (isSentence(amount) || paidOn === undefined) continue;
    const voucher = text(index.voucher);
    const payee = text(index.payee);
    const creditCode = text(index.creditCode).toUpperCase();
    lines.push({
      line: row.line,
      ...(voucher && { voucher }),
      amountFen: amount,
      paidOn,
      ...(payee && { payee }),
      ...(creditCode && { creditCode }),
    });
  }
  if (problems.length > 0) throw new StatementProblem(problems.slice(0, MAX_PROBLEMS));
  if (lines.length === 0)
    throw new StatementProblem([
      { line: layout.headerLine, problem: say`the statement has no payment lines under its header` },
    ]);
  return lines;
}

const DECIMALS = { yuan: 2, wan: 6 } as const;

/**
 * Fen, or why not: a positive amount with at most 2 decimals in yuan (6 in 万元). A unit written in the cell is the
 * cell's own (`50万元` is 500000.00 yuan, `500000元` 500000.00 yuan, under any header); a bare number, or a number
 * cell, is in the column's unit (`columnUnit`).
 */
export function amountFen(cell: StatementCell, columnUnit: 'yuan' | 'wan'): number | Sentence {
  const text =
    typeof cell === 'number'
      ? ''
      : String(cell ?? '')
          .normalize('NFKC')
          .replace(/[¥,\s]/gu, '');
  const unit = /万元$/u.test(text) ? 'wan' : /元$/u.test(text) ? 'yuan' : columnUnit;
  const raw =
    typeof cell === 'number' ? cell.toFixed(DECIMALS[unit] + 2).replace(/\.?0+$/, '') : text.replace(/万?元$/u, '');
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(raw);
  const shown = typeof cell === 'number' ? String(cell) : String(cell ?? '').trim();
  const unitWord = unit === 'wan' ? say`万元` : say`yuan`;
  if (!match) return say`"${shown}" is not an amount in ${unitWord}`;
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > DECIMALS[unit]) return say`"${shown}" has more than ${DECIMALS[unit]} decimals (${unitWord})`;
  const fen =
    unit === 'yuan'
      ? Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
      : Number(whole) * 1_000_000 + Number(fraction.padEnd(6, '0'));
  if (minus || fen === 0) return say`"${shown}" is not a payment: the amount must be above zero`;
  if (!Number.isSafeInteger(fen)) return say`"${shown}" is too large`;
  return fen;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** YYYY-MM-DD, or undefined: a date cell, an Excel serial number, or text as Chinese exports write dates. */
export function dateOf(cell: StatementCell): string | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return undefined;
    return new Date(EXCEL_EPOCH + cell * 86_400_000).toISOString().slice(0, 10);
  }
  const text = String(cell ?? '')
    .normalize('NFKC')
    .trim();
  const match =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/u.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  return isBusinessDate(date) ? date : undefined;
}
