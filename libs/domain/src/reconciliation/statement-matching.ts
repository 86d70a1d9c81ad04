/**
 * ledger.statement-matching: each statement line is paired with at most one disbursement of the ledger, and each
 * disbursement with at most one line — first by voucher; the lines left, by amount, date within ± 3 days and payee,
 * unless they name a voucher the ledger knows (that voucher's disbursement is the only one such a line may be).
 * A pair by voucher whose amount differs is `amount-differs`, whose payee differs `payee-differs`; what stays unpaired
 * is `only-in-statement` or `only-in-ledger`.
 */
import { addDays } from '../shared/dates';
import { Fen } from '../shared/money';
import { LedgerPayment, normalisedPayee, StatementLine } from './statement';

export const DATE_TOLERANCE_DAYS = 3;

export const LINE_OUTCOMES = [
  'matched',
  'amount-differs',
  'payee-differs',
  'only-in-statement',
  'only-in-ledger',
] as const;
export type LineOutcome = (typeof LINE_OUTCOMES)[number];

/** One outcome of a run: the statement's line, the ledger's disbursement, or both, and how they were paired. */
export interface MatchedLine {
  outcome: LineOutcome;
  by?: 'voucher' | 'amount-date-payee';
  statement?: StatementLine;
  ledger?: LedgerPayment;
}

export interface MatchCounts {
  matched: number;
  amountDiffers: number;
  payeeDiffers: number;
  onlyInStatement: number;
  onlyInLedger: number;
}

/**
 * The same payee: by credit code when the line has one, else by the normalised name; a line naming neither says
 * nothing against the pair.
 */
export function samePayee(line: StatementLine, payment: LedgerPayment): boolean {
  if (line.creditCode) return line.creditCode.trim().toUpperCase() === payment.recipient;
  if (line.payee) return payment.payee !== undefined && normalisedPayee(line.payee) === normalisedPayee(payment.payee);
  return true;
}

const daysApart = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;

const withinTolerance = (line: StatementLine, payment: LedgerPayment): boolean =>
  payment.paidOn >= addDays(line.paidOn, -DATE_TOLERANCE_DAYS) &&
  payment.paidOn <= addDays(line.paidOn, DATE_TOLERANCE_DAYS);

const normalisedVoucher = (voucher: string): string => voucher.normalize('NFKC').trim().toUpperCase();

/**
 * The statement's lines in file order (each with its pair), then the ledger's unpaired disbursements by date.
 * `ledgerVouchers`: every voucher the ledger recorded a disbursement under, whatever the run's scope (by default the
 * vouchers of `payments`). A line naming one of them pairs by that voucher or not at all: it is that payment, not
 * another of the same amount, date and payee. A line naming a voucher the ledger does not know (a bank's serial
 * number, say) may still pair by amount, date and payee.
 */
export function matchStatement(
  lines: ReadonlyArray<StatementLine>,
  payments: ReadonlyArray<LedgerPayment>,
  ledgerVouchers: Iterable<string> = payments.map((payment) => payment.voucher),
): MatchedLine[] {
  const unpaired = new Set(payments.map((_, index) => index));
  const byVoucher = new Map<string, number[]>();
  payments.forEach((payment, index) => {
    const key = normalisedVoucher(payment.voucher);
    byVoucher.set(key, [...(byVoucher.get(key) ?? []), index]);
  });
  const known = new Set(byVoucher.keys());
  for (const voucher of ledgerVouchers) known.add(normalisedVoucher(voucher));
  const namesKnownVoucher = (line: StatementLine) =>
    line.voucher !== undefined && known.has(normalisedVoucher(line.voucher));
  const pairs = new Map<number, MatchedLine>();

  lines.forEach((line, lineIndex) => {
    if (!line.voucher) return;
    const index = byVoucher.get(normalisedVoucher(line.voucher))?.find((candidate) => unpaired.has(candidate));
    if (index === undefined) return;
    unpaired.delete(index);
    const ledger = payments[index];
    const outcome: LineOutcome =
      line.amountFen !== ledger.amountFen ? 'amount-differs' : !samePayee(line, ledger) ? 'payee-differs' : 'matched';
    pairs.set(lineIndex, { outcome, by: 'voucher', statement: line, ledger });
  });

  lines.forEach((line, lineIndex) => {
    if (pairs.has(lineIndex) || namesKnownVoucher(line)) return;
    const candidates = [...unpaired]
      .filter((index) => {
        const payment = payments[index];
        return payment.amountFen === line.amountFen && withinTolerance(line, payment) && samePayee(line, payment);
      })
      .sort((a, b) => daysApart(payments[a].paidOn, line.paidOn) - daysApart(payments[b].paidOn, line.paidOn) || a - b);
    if (candidates.length === 0) return;
    unpaired.delete(candidates[0]);
    pairs.set(lineIndex, {
      outcome: 'matched',
      by: 'amount-date-payee',
      statement: line,
      ledger: payments[candidates[0]],
    });
  });

  const statementSide = lines.map(
    (line, lineIndex): MatchedLine => pairs.get(lineIndex) ?? { outcome: 'only-in-statement', statement: line },
  );
  const ledgerSide = [...unpaired]
    .map((index) => payments[index])
    .sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.voucher.localeCompare(b.voucher))
    .map((ledger): MatchedLine => ({ outcome: 'only-in-ledger', ledger }));
  return [...statementSide, ...ledgerSide];
}

export function countOutcomes(lines: ReadonlyArray<Pick<MatchedLine, 'outcome'>>): MatchCounts {
  const count = (outcome: LineOutcome) => lines.filter((line) => line.outcome === outcome).length;
  return {
    matched: count('matched'),
    amountDiffers: count('amount-differs'),
    payeeDiffers: count('payee-differs'),
    onlyInStatement: count('only-in-statement'),
    onlyInLedger: count('only-in-ledger'),
  };
}

/** The statement's total and the ledger's (of the disbursements the run selected), in fen. */
export function sidesTotals(lines: ReadonlyArray<MatchedLine>): { statementFen: Fen; ledgerFen: Fen } {
  return lines.reduce(
    (totals, line) => ({
      statementFen: totals.statementFen + (line.statement?.amountFen ?? 0),
      ledgerFen: totals.ledgerFen + (line.ledger?.amountFen ?? 0),
    }),
    { statementFen: 0, ledgerFen: 0 },
  );
}
