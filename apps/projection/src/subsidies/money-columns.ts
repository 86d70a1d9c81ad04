import { MoneyFigures } from '@ledger/presentation/subsidy.view';
import { SubsidyEvent } from '@ledger/domain/subsidy/subsidy.events';

/** The column each movement adds its amount to; a termination moves money only through the events that follow it. */
export const MOVEMENT_COLUMN: Partial<Record<SubsidyEvent['type'], string>> = {
  SubsidyGranted: 'granted_fen',
  SubsidyCancelled: 'cancelled_fen',
  SubsidyDisbursed: 'disbursed_fen',
  SubsidyClawedBack: 'clawed_back_fen',
  SubsidyRefunded: 'refunded_fen',
};

/** The money columns every running-totals table has, in SQL. */
export const MONEY_COLUMNS_SQL =
  'granted_fen INTEGER NOT NULL, cancelled_fen INTEGER NOT NULL, disbursed_fen INTEGER NOT NULL, clawed_back_fen INTEGER NOT NULL, refunded_fen INTEGER NOT NULL';

/** A running-totals row's money. */
export const moneyOfRow = (row: Record<string, number>): MoneyFigures => ({
  grantedFen: row.granted_fen,
  cancelledFen: row.cancelled_fen,
  disbursedFen: row.disbursed_fen,
  clawedBackFen: row.clawed_back_fen,
  refundedFen: row.refunded_fen,
});
