/**
 * A spreadsheet as data: what every export (reconciliation, funding, audit trails, the subsidy list) hands to the one
 * writer of CSV and XLSX (csv.export.ts, xlsx.export.ts), so headers, money, dates, totals and widths come out alike.
 */
import { Language } from '@ledger/domain/shared/wording';

/** How a column's values are written: money as yuan, business dates and timestamps as dates, the rest as they are. */
export type ColumnKind = 'text' | 'integer' | 'yuan' | 'date' | 'timestamp';

export type ExportLanguage = Language;

/** Words in both languages: Chinese by default, English with `Accept-Language: en`. */
export interface Words {
  zh: string;
  en: string;
}

export interface ExportColumn {
  /** The field of each row. */
  key: string;
  /** In English the API's field name, so that a script reads an export as it reads JSON. */
  header: Words;
  kind: ColumnKind;
}

/**
 * A cell as the API gives it: money as a yuan string ("3000000.00"), a date as "YYYY-MM-DD", a timestamp as ISO 8601
 * UTC; empty when null or undefined.
 */
export type Cell = string | number | boolean | null | undefined;
export type Row = Readonly<Record<string, Cell>>;

export interface ExportSheet {
  name: Words;
  columns: ReadonlyArray<ExportColumn>;
  rows: ReadonlyArray<Row>;
  /**
   * The total row, in yuan, under the rows — the cells it fills (`'sum'`: the sum of every yuan column) — and below it
   * the same totals in 万元. Its first column says 合计 / TOTAL. Absent: no total rows.
   */
  totals?: Row | 'sum';
}

export interface ExportWorkbook {
  /** The file's name without its extension (ASCII: it goes into Content-Disposition as it is). */
  fileName: string;
  /** A CSV holds the first sheet alone. */
  sheets: ReadonlyArray<ExportSheet>;
}

export const TOTAL_LABEL: Words = { zh: '合计', en: 'TOTAL' };
export const WAN_TOTAL_LABEL: Words = { zh: '合计（万元）', en: 'TOTAL (万元)' };

export const headersOf = (sheet: ExportSheet, language: ExportLanguage): string[] =>
  sheet.columns.map((column) => column.header[language]);
