import { say } from '../../shared/sentence';
import { LEDGER_FUNDING_RULES as LEDGER } from '../../policies/funding/ledger-funding-rules';
import { Decision, reject } from '../../shared/decision';
import { MatchStatement } from '../reconciliation.commands';
import { StatementMatched } from '../reconciliation.events';
import { ReconciliationState } from '../reconciliation.state';
import { LedgerPayment } from '../statement';
import { countOutcomes, matchStatement } from '../statement-matching';

/**
 * ledger.statement-matching: the statement against the disbursements the run's scope selected (`payments`, read
 * DATE_TOLERANCE_DAYS beyond the period on each side, so that a line on its first or last day can pair with a payment
 * just outside it); `ledgerVouchers`, every voucher the ledger disbursed under in the user's jurisdiction, whatever the
 * period, year and policy (see matchStatement). A payment outside the period that pairs with no line is not the statement's business and is not
 * listed.
 */
export function decideMatchStatement(
  command: MatchStatement,
  state: ReconciliationState,
  payments: ReadonlyArray<LedgerPayment>,
  ledgerVouchers?: ReadonlyArray<string>,
): Decision<StatementMatched> {
  const { reconciliationId, statement, scope } = command.data;
  if (state.exists)
    return reject('invalid-state', say`reconciliation ${reconciliationId} was already run`, LEDGER.statementMatching);
  const lines = matchStatement(statement.lines, payments, ledgerVouchers).filter(
    ({ outcome, ledger }) =>
      outcome !== 'only-in-ledger' || (ledger!.paidOn >= scope.from && ledger!.paidOn <= scope.to),
  );
  return [
    {
      type: 'StatementMatched',
      data: {
        ...LEDGER.statementMatching,
        reconciliationId,
        fileSha256: statement.fileSha256,
        format: statement.format,
        columns: statement.columns,
        scope,
        lines,
        counts: countOutcomes(lines),
      },
    },
  ];
}
