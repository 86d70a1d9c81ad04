import { timestampText } from './export-dates';
import { totalRowsOf } from './export-money';
import { Cell, ExportLanguage, ExportSheet, headersOf, Row } from './export-sheet';

/** Excel opens a CSV as UTF-8 (and shows Chinese) only when it starts with the byte order mark. */
export const UTF8_BOM = '\uFEFF';

/** RFC 4180: a field with a comma, a double quote or a line break is quoted, its quotes doubled. */
export function csvField(value: Cell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (fields: Cell[]) => `${fields.map(csvField).join(',')}\r\n`;

/**
 * The sheet as CSV: BOM, a header row, one row per item, the total rows (yuan, then 万元); CRLF line ends. Money as
 * yuan strings and dates as the API gives them; timestamps as "YYYY-MM-DD HH:mm:ss" in UTC+8, which Excel reads as
 * dates.
 */
export function csvOf(sheet: ExportSheet, language: ExportLanguage): string {
  const totals = totalRowsOf(sheet, language);
  const rows = [...sheet.rows, ...(totals ? [totals.yuan, totals.wan] : [])];
  const cellsOf = (row: Row) =>
    sheet.columns.map(({ key, kind }) => {
      const value = row[key];
      return kind === 'timestamp' && typeof value === 'string' && value !== '' ? timestampText(value) : value;
    });
  return UTF8_BOM + csvLine(headersOf(sheet, language)) + rows.map((row) => csvLine(cellsOf(row))).join('');
}
