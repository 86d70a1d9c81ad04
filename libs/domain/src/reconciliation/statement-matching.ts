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

const normalisedVoucher = (voucher: string): string => voucher.normalize('NFKC').trim().toUpperCase();

const compareText = (a = '', b = ''): number => (a < b ? -1 : a > b ? 1 : 0);

/** A line as the matching compares it: its voucher and payee normalised once. */
interface LineKey {
  index: number;
  line: StatementLine;
  voucher?: string;
  payee?: string;
}

/**
 * The order in which lines take their pairs when two want the same disbursement: by what they say — date, amount,
 * voucher, payee, credit code — and only then by their place in the file, so that the file's order decides nothing
 * but which of two identical lines is the one paired.
 */
const lineOrder = (a: LineKey, b: LineKey): number =>
  compareText(a.line.paidOn, b.line.paidOn) ||
  a.line.amountFen - b.line.amountFen ||
  compareText(a.voucher, b.voucher) ||
  compareText(a.payee, b.payee) ||
  compareText(a.line.creditCode, b.line.creditCode) ||
  a.line.line - b.line.line ||
  a.index - b.index;

/** The order in which disbursements are offered to a line: by date, voucher, subsidy and amount. */
const paymentOrder = (a: LedgerPayment & { key: string }, b: LedgerPayment & { key: string }): number =>
  compareText(a.paidOn, b.paidOn) ||
  compareText(a.key, b.key) ||
  compareText(a.subsidyId, b.subsidyId) ||
  a.amountFen - b.amountFen;

/** How well a line agrees with the disbursement under its voucher: 0 matched, 1 payee differs, 2 amount differs. */
const disagreement = (line: StatementLine, payment: LedgerPayment): number =>
  line.amountFen !== payment.amountFen ? 2 : samePayee(line, payment) ? 0 : 1;

const OUTCOME_OF_DISAGREEMENT: ReadonlyArray<LineOutcome> = ['matched', 'payee-differs', 'amount-differs'];

/**
 * The statement's lines in file order (each with its pair), then the ledger's unpaired disbursements by date. The
 * pairs are the same whatever the order of the file's lines: each pass takes its candidate pairs best first across
 * the whole statement, never line by line in file order.
 *
 * - By voucher: the pairs of a line and a disbursement under the same voucher, those that agree first (matched, then
 *   payee differs, then amount differs), then the nearest in date, then by lineOrder and paymentOrder.
 * - By amount, date and payee, for the lines left that name no voucher the ledger knows: the pairs of the same amount
 *   and payee 0 days apart first, then 1, 2 and 3 days; at the same distance by lineOrder, then paymentOrder (the
 *   earlier disbursement first). A pair is taken when neither side is taken yet: nearest first, not the most pairs
 *   (lines of 03-04 and 03-07 against disbursements of 03-03 and 03-04 pair 03-04 with 03-04 and leave the others).
 *
 * `ledgerVouchers`: every voucher the ledger recorded a disbursement under that the user may see (their jurisdiction's:
 * another region's vouchers are not told, even by how a line pairs), whatever the run's period, year and policy (by
 * default the vouchers of `payments`). A line naming one of them pairs by that voucher or not at all: it is that payment, not
 * another of the same amount, date and payee. A line naming a voucher the ledger does not know (a bank's serial
 * number, say) may still pair by amount, date and payee.
 */
export function matchStatement(
  lines: ReadonlyArray<StatementLine>,
  payments: ReadonlyArray<LedgerPayment>,
  ledgerVouchers: Iterable<string> = payments.map((payment) => payment.voucher),
): MatchedLine[] {
  const unpaired = new Set(payments.map((_, index) => index));
  const paymentKeys = payments.map((payment) => ({ ...payment, key: normalisedVoucher(payment.voucher) }));
  const offered = payments
    .map((_, index) => index)
    .sort((a, b) => paymentOrder(paymentKeys[a], paymentKeys[b]) || a - b);
  const byVoucher = new Map<string, number[]>();
  for (const index of offered) {
    const under = byVoucher.get(paymentKeys[index].key);
    if (under) under.push(index);
    else byVoucher.set(paymentKeys[index].key, [index]);
  }
  const known = new Set(byVoucher.keys());
  for (const voucher of ledgerVouchers) known.add(normalisedVoucher(voucher));
  const rank: LineKey[] = lines
    .map((line, index) => ({
      index,
      line,
      ...(line.voucher?.trim() && { voucher: normalisedVoucher(line.voucher) }),
      ...(line.payee && { payee: normalisedPayee(line.payee) }),
    }))
    .sort(lineOrder);
  const pairs = new Map<number, MatchedLine>();

  const byVoucherPairs = rank.flatMap(({ index: lineIndex, line, voucher }, lineRank) =>
    (voucher === undefined ? [] : (byVoucher.get(voucher) ?? [])).map((paymentIndex, offer) => ({
      lineIndex,
      paymentIndex,
      disagreement: disagreement(line, payments[paymentIndex]),
      days: daysApart(line.paidOn, payments[paymentIndex].paidOn),
      lineRank,
      offer,
    })),
  );
  byVoucherPairs.sort(
    (a, b) => a.disagreement - b.disagreement || a.days - b.days || a.lineRank - b.lineRank || a.offer - b.offer,
  );
  for (const { lineIndex, paymentIndex, disagreement } of byVoucherPairs) {
    if (pairs.has(lineIndex) || !unpaired.has(paymentIndex)) continue;
    unpaired.delete(paymentIndex);
    pairs.set(lineIndex, {
      outcome: OUTCOME_OF_DISAGREEMENT[disagreement],
      by: 'voucher',
      statement: lines[lineIndex],
      ledger: payments[paymentIndex],
    });
  }

  const byAmountAndDate = new Map<string, number[]>();
  for (const index of offered) {
    if (!unpaired.has(index)) continue;
    const key = `${payments[index].amountFen} ${payments[index].paidOn}`;
    const on = byAmountAndDate.get(key);
    if (on) on.push(index);
    else byAmountAndDate.set(key, [index]);
  }
  const left = rank.filter(({ index, voucher }) => !pairs.has(index) && (voucher === undefined || !known.has(voucher)));
  for (let days = 0; days <= DATE_TOLERANCE_DAYS; days++) {
    for (const { index: lineIndex, line } of left) {
      if (pairs.has(lineIndex)) continue;
      const dates = days === 0 ? [line.paidOn] : [addDays(line.paidOn, -days), addDays(line.paidOn, days)];
      const paymentIndex = dates
        .flatMap((date) => byAmountAndDate.get(`${line.amountFen} ${date}`) ?? [])
        .find((index) => unpaired.has(index) && samePayee(line, payments[index]));
      if (paymentIndex === undefined) continue;
      unpaired.delete(paymentIndex);
      pairs.set(lineIndex, {
        outcome: 'matched',
        by: 'amount-date-payee',
        statement: line,
        ledger: payments[paymentIndex],
      });
    }
  }

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
