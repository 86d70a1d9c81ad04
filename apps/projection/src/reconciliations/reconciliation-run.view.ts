import { RecordedEvent } from '@ledger/event-store';
import { ReconciliationEvent } from '@ledger/domain/reconciliation/reconciliation.events';
import { evolveReconciliation, initialReconciliationState } from '@ledger/domain/reconciliation/reconciliation.state';
import { LedgerPayment, StatementLine } from '@ledger/domain/reconciliation/statement';
import { LineOutcome, MatchedLine, sidesTotals } from '@ledger/domain/reconciliation/statement-matching';
import { fenToYuan } from '@ledger/domain/shared/money';
import { domainEventOf } from '@ledger/platform';
import { fenToWan } from '@ledger/presentation/exports';

const GROUP: Record<LineOutcome, keyof RunLines> = {
  matched: 'matched',
  'amount-differs': 'amountDiffers',
  'payee-differs': 'payeeDiffers',
  'only-in-statement': 'onlyInStatement',
  'only-in-ledger': 'onlyInLedger',
};

export interface RunLines {
  matched: LineView[];
  amountDiffers: LineView[];
  payeeDiffers: LineView[];
  onlyInStatement: LineView[];
  onlyInLedger: LineView[];
}

const statementView = (line: StatementLine) => ({
  line: line.line,
  voucher: line.voucher ?? null,
  paidOn: line.paidOn,
  amount: fenToYuan(line.amountFen),
  payee: line.payee ?? null,
  creditCode: line.creditCode ?? null,
});

const ledgerView = (payment: LedgerPayment) => ({
  subsidyId: payment.subsidyId,
  voucher: payment.voucher,
  paidOn: payment.paidOn,
  amount: fenToYuan(payment.amountFen),
  recipient: payment.recipient,
  payee: payment.payee ?? null,
});

export type LineView = ReturnType<typeof lineView>;

function lineView(line: MatchedLine, item: number, resolution?: ResolutionView) {
  return {
    item,
    outcome: line.outcome,
    by: line.by ?? null,
    statement: line.statement ? statementView(line.statement) : null,
    ledger: line.ledger ? ledgerView(line.ledger) : null,
    difference: line.statement && line.ledger ? fenToYuan(line.statement.amountFen - line.ledger.amountFen) : null,
    resolved: resolution ?? null,
  };
}

interface ResolutionView {
  note: string;
  actor: string;
  recordedAt: string;
  position: number;
}

const money = (fen: number) => ({ yuan: fenToYuan(fen), wan: fenToWan(fen) });

/**
 * A run as `POST /v1/reconciliations` answers it and `GET /v1/reconciliations/{id}` shows it again: the run's stream
 * folded with the domain's evolve, who ran it and when, every line grouped by outcome (each with its `item`, the
 * number a resolution names), resolutions, and the totals in yuan and 万元.
 */
export function reconciliationRunView(recorded: ReadonlyArray<RecordedEvent>) {
  const events = recorded.map((event) => domainEventOf<ReconciliationEvent>(event));
  const state = events.reduce(evolveReconciliation, initialReconciliationState());
  const run = state.run;
  if (!run) return undefined;
  const first = recorded[0];
  const resolutions = new Map<number, ResolutionView>();
  recorded.forEach((event, index) => {
    const domain = events[index];
    if (domain.type !== 'DifferenceResolved') return;
    resolutions.set(domain.data.item, {
      note: domain.data.note,
      actor: event.metadata.actor,
      recordedAt: event.recordedAt,
      position: event.position,
    });
  });
  const lines: RunLines = { matched: [], amountDiffers: [], payeeDiffers: [], onlyInStatement: [], onlyInLedger: [] };
  run.lines.forEach((line, index) =>
    lines[GROUP[line.outcome]].push(lineView(line, index + 1, resolutions.get(index + 1))),
  );
  const { statementFen, ledgerFen } = sidesTotals(run.lines);
  const differences = run.lines.length - run.counts.matched;
  return {
    id: run.reconciliationId,
    actor: first.metadata.actor,
    recordedAt: first.recordedAt,
    rule: run.rule,
    citation: run.citation,
    file: { sha256: run.fileSha256, format: run.format, columns: run.columns },
    period: { from: run.scope.from, to: run.scope.to },
    fiscalYear: run.scope.fiscalYear ?? null,
    policy: run.scope.policy ?? null,
    ...(run.scope.jurisdiction && { jurisdiction: run.scope.jurisdiction }),
    counts: run.counts,
    differences: { total: differences, resolved: resolutions.size, open: differences - resolutions.size },
    totals: {
      statement: money(statementFen),
      ledger: money(ledgerFen),
      difference: money(statementFen - ledgerFen),
    },
    lines,
    position: recorded[recorded.length - 1].position,
  };
}

export type ReconciliationRunView = NonNullable<ReturnType<typeof reconciliationRunView>>;
