import { DomainEvent } from '../shared/event';
import { RuleRef } from '../shared/rule';
import { MatchScope } from './reconciliation.commands';
import { Statement } from './statement';
import { MatchCounts, MatchedLine } from './statement-matching';

/**
 * A matching run (ledger.statement-matching): which file (its sha256, how it was read), what it was compared with,
 * and each line's outcome with both sides' facts — so the run reads the same after a rebuild, whatever the ledger
 * records later. Who and when are the event's metadata.
 */
export type StatementMatched = DomainEvent<
  'StatementMatched',
  RuleRef & {
    reconciliationId: string;
    fileSha256: string;
    format: Statement['format'];
    columns: Statement['columns'];
    scope: MatchScope;
    lines: MatchedLine[];
    counts: MatchCounts;
  }
>;

/** A difference of a run marked resolved, with the note saying how (ledger.difference-resolved). */
export type DifferenceResolved = DomainEvent<
  'DifferenceResolved',
  RuleRef & { reconciliationId: string; item: number; note: string }
>;

export type ReconciliationEvent = StatementMatched | DifferenceResolved;

export const RECONCILIATION_EVENT_TYPES: ReadonlyArray<ReconciliationEvent['type']> = [
  'StatementMatched',
  'DifferenceResolved',
];
