import ExcelJS from 'exceljs';
import { dateCellOf, timestampCellOf, timestampText } from './export-dates';
import { fenOf, totalRowsOf } from './export-money';
import {
  Cell,
  ColumnKind,
  ExportColumn,
  ExportLanguage,
  ExportSheet,
  ExportWorkbook,
  headersOf,
  Row,
} from './export-sheet';

/** Excel's number formats: yuan with thousands and two decimals, 万元 exact to the fen, dates as dates. */
const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  yuan: '#,##0.00',
  date: 'yyyy-mm-dd',
  timestamp: 'yyyy-mm-dd hh:mm:ss',
};
const WAN_FORMAT = '#,##0.00####';
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/**
 * The workbook as XLSX (exceljs): per sheet a bold header row, frozen, with a filter; money as numbers of yuan, dates
 * as dates, the total rows (yuan, then 万元) in bold; every column as wide as its longest text.
 */
export async function xlsxOf(workbook: ExportWorkbook, language: ExportLanguage): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'consortium-ledger';
  for (const sheet of workbook.sheets) addSheet(book, sheet, language);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function addSheet(book: ExcelJS.Workbook, sheet: ExportSheet, language: ExportLanguage) {
  const worksheet = book.addWorksheet(sheet.name[language], { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = headersOf(sheet, language);
  worksheet.addRow(headers).font = { bold: true };
  for (const row of sheet.rows) addRow(worksheet, sheet.columns, row);
  const totals = totalRowsOf(sheet, language);
  if (totals) {
    addRow(worksheet, sheet.columns, totals.yuan).font = { bold: true };
    const wanRow = addRow(worksheet, sheet.columns, {}, totals.wan);
    wanRow.font = { bold: true };
  }
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  sheet.columns.forEach((column, i) => {
    const texts = [headers[i], ...sheet.rows.map((row) => displayText(row[column.key], column.kind))];
    if (totals) texts.push(displayText(totals.yuan[column.key], column.kind), String(totals.wan[column.key] ?? ''));
    worksheet.getColumn(i + 1).width = widthOf(texts);
  });
}

/** A row of typed cells; `wan` (the 万元 total row) writes its money as numbers of 万元. */
function addRow(worksheet: ExcelJS.Worksheet, columns: ReadonlyArray<ExportColumn>, row: Row, wan?: Row) {
  const added = worksheet.addRow(
    columns.map((column) =>
      wan
        ? column.kind === 'yuan'
          ? numberOrText(wan[column.key])
          : wan[column.key]
        : cellValue(row[column.key], column.kind),
    ),
  );
  columns.forEach((column, i) => {
    const format = wan ? (column.kind === 'yuan' ? WAN_FORMAT : undefined) : NUMBER_FORMATS[column.kind];
    if (format) added.getCell(i + 1).numFmt = format;
  });
  return added;
}

function cellValue(value: Cell, kind: ColumnKind): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') return value;
  switch (kind) {
    case 'yuan': {
      const fen = fenOf(value);
      return fen === undefined ? value : fen / 100;
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? dateCellOf(value) : value;
    case 'timestamp':
      return Number.isNaN(Date.parse(value)) ? value : timestampCellOf(value);
    case 'integer':
      return /^-?\d+$/.test(value) ? Number(value) : value;
    default:
      return value;
  }
}

const numberOrText = (value: Cell): ExcelJS.CellValue =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : (value ?? null);

/** What a reader sees in the cell (thousands separators included), for the column's width. */
function displayText(value: Cell, kind: ColumnKind): string {
  if (value === null || value === undefined) return '';
  if (kind === 'yuan' && typeof value === 'string' && fenOf(value) !== undefined) {
    return Number(value).toLocaleString('en-US', { minimumFractionDigits: 2 });
  }
  if (kind === 'timestamp' && typeof value === 'string') return timestampText(value);
  return String(value);
}

/**
 * Width in Excel's character units: a CJK character takes two, plus a margin of 2.5 (a half, because exceljs leaves a
 * width of exactly 9, its default, unwritten); at most MAX_WIDTH.
 */
function widthOf(texts: string[]): number {
  const longest = Math.max(
    ...texts.map((text) => [...text].reduce((n, c) => n + (/[\u2E80-\uFFEF]/.test(c) ? 2 : 1), 0)),
  );
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2.5));
}
