/**
 * A payment statement file as rows of cells: CSV in UTF-8 (with or without BOM) or GBK — Chinese banks and treasuries
 * mostly export GBK; bytes that are not valid UTF-8 are read as GB18030, GBK's superset — or XLSX (its first sheet
 * with cells). Anything else, or a file the parsers cannot read, is a StatementProblem: a 400 naming where.
 */
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { StatementFormat } from '@ledger/domain/reconciliation/statement';
import { listOf, say, Sentence } from '@ledger/domain/shared/sentence';
import { renderSentence } from '@ledger/presentation/sentences/render-words';

export type StatementCell = string | number | Date | null;

export interface StatementRow {
  /** The line (CSV) or row (XLSX) in the file, from 1. */
  line: number;
  cells: StatementCell[];
}

export interface StatementProblemDetail {
  line?: number;
  column?: string;
  /** A sentence, rendered in the language the answer speaks. */
  problem: Sentence;
}

/** A problem where it is: its line and column, when known, before it. */
function located({ line, column, problem }: StatementProblemDetail): Sentence {
  if (line !== undefined && column !== undefined) return say`line ${line}, column ${column}: ${problem}`;
  if (line !== undefined) return say`line ${line}: ${problem}`;
  if (column !== undefined) return say`column ${column}: ${problem}`;
  return problem;
}

/**
 * What is wrong with a statement file; the HTTP edge answers it 400 (nothing is recorded) with `sentence`, every
 * problem where it is, in the language asked for. The Error's own message is its English, for logs.
 */
export class StatementProblem extends Error {
  readonly sentence: Sentence;

  constructor(readonly details: StatementProblemDetail[]) {
    const sentence = listOf(details.map(located));
    super(renderSentence(sentence, 'en'));
    this.sentence = sentence;
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export async function readStatementFile(bytes: Buffer): Promise<{ format: StatementFormat; rows: StatementRow[] }> {
  if (bytes.length === 0) throw new StatementProblem([{ problem: say`the file is empty` }]);
  if (bytes.subarray(0, 4).equals(ZIP)) return { format: 'xlsx', rows: await xlsxRows(bytes) };
  if (bytes.subarray(0, 4).equals(OLE2))
    throw new StatementProblem([{ problem: say`an .xls file (Excel 97–2003): save it as .xlsx or CSV` }]);
  if (bytes.includes(0))
    throw new StatementProblem([{ problem: say`not a CSV (UTF-8 or GBK) or XLSX file: it holds binary data` }]);
  const { format, text } = decodeCsv(bytes);
  return { format, rows: await csvRows(text) };
}

function decodeCsv(bytes: Buffer): { format: StatementFormat; text: string } {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return { format: 'csv-utf8', text: bytes.subarray(3).toString('utf8') };
  try {
    return { format: 'csv-utf8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { format: 'csv-gbk', text: iconv.decode(bytes, 'gb18030') };
  }
}

/** Characters of a CSV parsed in one turn of the event loop (~40 ms here): a 20 MiB file is ~5 s of parsing. */
const CSV_CHUNK = 256 * 1024;

/**
 * The CSV's records, parsed a chunk a turn of the event loop: parsed at once, a statement at the upload limit held
 * the thread that answers every request for ~5 s.
 */
async function csvRows(text: string): Promise<StatementRow[]> {
  const rows: StatementRow[] = [];
  const parser = parse({ info: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  const next = () => parser.read() as { record: string[]; info: { lines: number } } | null;
  parser.on('readable', () => {
    for (let read = next(); read !== null; read = next()) rows.push({ line: read.info.lines, cells: read.record });
  });
  const ended = new Promise<void>((resolve, reject) => {
    parser.once('end', resolve);
    parser.once('error', reject);
  });
  // Handled from the start: an error while chunks are still being written is awaited below, not left unhandled.
  ended.catch(() => undefined);
  try {
    for (let at = 0; at < text.length && !parser.destroyed; at += CSV_CHUNK) {
      parser.write(text.slice(at, at + CSV_CHUNK));
      await new Promise((resolve) => setImmediate(resolve));
    }
    parser.end();
    await ended;
  } catch (error) {
    const { lines, code } = error as { lines?: number; code?: string };
    throw new StatementProblem([{ line: lines, problem: csvProblem(code) }]);
  }
  return rows;
}

/** csv-parse's refusal in the ledger's words (its messages are English whatever the language asked for). */
function csvProblem(code: string | undefined): Sentence {
  if (code === 'CSV_QUOTE_NOT_CLOSED') return say`not readable as CSV: a quoted cell is not closed`;
  if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
    return say`not readable as CSV: a quoted cell has characters after its closing quote`;
  }
  return say`not readable as CSV (${code ?? 'unknown error'})`;
}

async function xlsxRows(bytes: Buffer): Promise<StatementRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new StatementProblem([{ problem: say`not readable as XLSX: ${(error as Error).message}` }]);
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw new StatementProblem([{ problem: say`the workbook has no sheet with cells` }]);
  const rows: StatementRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: StatementCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cellValue(cell.value)));
    rows.push({ line, cells: Array.from(cells, (cell) => cell ?? null) });
  });
  return rows;
}

/** A cell's value as read: formulas by their result, rich text and links by their text. */
function cellValue(value: ExcelJS.CellValue): StatementCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('result' in value) return cellValue(value.result);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellValue(value.text);
  if ('error' in value) return null;
  return null;
}
