import { ReconciliationReport } from './reconciliation.report';

export const RECONCILIATION_CSV_COLUMNS = [
  'id',
  'policy',
  'fiscalYear',
  'consortiumId',
  'recipient',
  'category',
  'grantedOn',
  'status',
  'granted',
  'cancelled',
  'disbursed',
  'clawedBack',
  'refunded',
  'undisbursed',
  'receivable',
] as const;

/** RFC 4180: a field with a comma, a double quote or a line break is quoted, its quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (fields: Array<string | number | null | undefined>) => fields.map(csvField).join(',');

/** A header row, one row per subsidy, and a final row whose id is TOTAL; CRLF line ends; money as yuan strings. */
export function reconciliationCsv(report: ReconciliationReport): string {
  const rows = report.subsidies.map((line) => csvLine(RECONCILIATION_CSV_COLUMNS.map((column) => line[column])));
  const t = report.totals;
  const total = csvLine([
    'TOTAL',
    report.policy,
    report.fiscalYear,
    '',
    '',
    '',
    '',
    '',
    t.granted,
    t.cancelled,
    t.disbursed,
    t.clawedBack,
    t.refunded,
    t.undisbursed,
    t.receivable,
  ]);
  return [csvLine([...RECONCILIATION_CSV_COLUMNS]), ...rows, total].map((line) => `${line}\r\n`).join('');
}
