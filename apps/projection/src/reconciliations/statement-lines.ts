/**
 * The statement's rows as payment lines: amounts in yuan (or 万元, when the header or mapping says so, or the cell
 * itself: 50万元) to fen exactly, dates in the ways Chinese exports write them. A cell that cannot be read is a 400
 * naming its line and column; rows that are empty or total rows (合计, 总计, 小计, 累计: see isTotalRow) are left out.
 */
import { isBusinessDate } from '@ledger/domain/shared/dates';
import { isSentence, say, Sentence } from '@ledger/domain/shared/sentence';
import { StatementLine } from '@ledger/domain/reconciliation/statement';
import { StatementLayout } from './statement-columns';
import { StatementCell, StatementProblem, StatementProblemDetail, StatementRow } from './statement-file';

/** 合计, 总计, 小计 or 累计, perhaps after 本页/本月/本年/本期/本日 (本页合计, 本年累计), at the start of a cell. */
const TOTAL_WORD = /^(?:本页|本月|本年|本期|本日)?(?:合计|总计|小计|累计)/u;
/** A cell that is such a word alone, perhaps with a bracket and a colon after it (合计：, 本月合计（元）). */
const TOTAL_LABEL = new RegExp(`${TOTAL_WORD.source}(?:\\([^()]*\\))?:?$`, 'u');
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
    if (isTotalRow(row, index)) continue;
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

/**
 * A total row names no voucher (its voucher cell is empty or the total word itself) and has a cell saying 合计, 总计,
 * 小计 or 累计: alone (`合计`, `本月合计：`, `合计（元）`), whatever the row's date; or at the start of a longer text
 * (`合计（大写）：叁拾万元整`, `累计3笔`) when the row has no payment date either. Any other row is a payment line,
 * whatever its 摘要 says (`累计第二笔拨付`). Cells are compared after NFKC and without spaces (`合  计`).
 */
export function isTotalRow(row: StatementRow, index: StatementLayout['index']): boolean {
  const cells = row.cells.map((cell) =>
    cell instanceof Date
      ? ''
      : String(cell ?? '')
          .normalize('NFKC')
          .replace(/\s+/gu, ''),
  );
  const voucher = index.voucher === undefined ? '' : (cells[index.voucher] ?? '');
  if (voucher !== '' && !TOTAL_WORD.test(voucher)) return false;
  if (cells.some((cell) => TOTAL_LABEL.test(cell))) return true;
  return cells.some((cell) => TOTAL_WORD.test(cell)) && dateOf(row.cells[index.date!] ?? null) === undefined;
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
