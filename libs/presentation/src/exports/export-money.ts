import { Fen, FEN_PER_WAN, fenToYuan, yuanToFen } from '@ledger/domain/shared/money';
import { Cell, ExportSheet, Row, TOTAL_LABEL, WAN_TOTAL_LABEL, ExportLanguage } from './export-sheet';

/** A yuan cell in fen, or undefined when empty (a cap the policy sets no number for). */
export const fenOf = (cell: Cell): Fen | undefined =>
  typeof cell === 'string' && cell !== '' ? yuanToFen(cell) : undefined;

/**
 * Fen as an exact decimal of 万元 (1 fen = 0.000001 万元): "480.00", "0.123456" — at least two decimals, no more than
 * needed, never rounded (a ledger's totals add up to the fen).
 */
export function fenToWan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const fraction = String(abs % FEN_PER_WAN)
    .padStart(6, '0')
    .replace(/0{1,4}$/, '');
  return `${sign}${Math.trunc(abs / FEN_PER_WAN)}.${fraction.padEnd(2, '0')}`;
}

export interface TotalRows {
  /** In yuan, as the rows: the label in the first column. */
  yuan: Row;
  /** The same totals in 万元 (exact decimal strings). */
  wan: Row;
}

/** The sheet's two total rows, or undefined when it has none. */
export function totalRowsOf(sheet: ExportSheet, language: ExportLanguage): TotalRows | undefined {
  if (!sheet.totals) return undefined;
  const yuanKeys = sheet.columns.filter((column) => column.kind === 'yuan').map((column) => column.key);
  const totals: Row =
    sheet.totals === 'sum'
      ? Object.fromEntries(
          yuanKeys.map((key) => [key, fenToYuan(sheet.rows.reduce((sum, row) => sum + (fenOf(row[key]) ?? 0), 0))]),
        )
      : sheet.totals;
  const first = sheet.columns[0].key;
  const wan = Object.fromEntries(
    yuanKeys.flatMap((key) => {
      const fen = fenOf(totals[key]);
      return fen === undefined ? [] : [[key, fenToWan(fen)]];
    }),
  );
  return {
    yuan: { ...totals, [first]: TOTAL_LABEL[language] },
    wan: { ...wan, [first]: WAN_TOTAL_LABEL[language] },
  };
}
