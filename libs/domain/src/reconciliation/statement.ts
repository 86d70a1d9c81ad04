/**
 * A payment statement (the treasury's or the bank's) and the ledger's disbursements it is matched against, as plain
 * values: reading the file (CSV, GBK or UTF-8, or XLSX) is the app's business; matching them is the domain's.
 */
import { BusinessDate } from '../shared/dates';
import { Fen } from '../shared/money';

/** One payment line of the statement; `line` is its line (CSV) or row (XLSX) in the file, the header being line 1. */
export interface StatementLine {
  line: number;
  voucher?: string;
  amountFen: Fen;
  paidOn: BusinessDate;
  payee?: string;
  creditCode?: string;
}

/** One disbursement the ledger recorded (SubsidyDisbursed), with its recipient's credit code and name. */
export interface LedgerPayment {
  subsidyId: string;
  voucher: string;
  amountFen: Fen;
  paidOn: BusinessDate;
  recipient: string;
  payee?: string;
}

/** The columns a statement was read with (a mapping given, or recognised from its header), and its amounts' unit. */
export interface StatementColumns {
  voucher?: string;
  amount: string;
  date: string;
  payee?: string;
  creditCode?: string;
  amountUnit: 'yuan' | 'wan';
}

export type StatementFormat = 'csv-utf8' | 'csv-gbk' | 'xlsx';

/** The statement as a matching run records it: its fingerprint, how it was read, and its lines. */
export interface Statement {
  fileSha256: string;
  format: StatementFormat;
  columns: StatementColumns;
  lines: StatementLine[];
}

/**
 * A payee name as treasuries and banks write it, made comparable: full-width letters, digits and brackets as
 * half-width (NFKC), no spaces, Latin letters in lower case, and 有限责任公司 read as 有限公司.
 */
export function normalisedPayee(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .toLowerCase()
    .replace(/有限责任公司$/u, '有限公司');
}
