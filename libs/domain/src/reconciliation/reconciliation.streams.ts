/** One stream per statement-matching run: the run (StatementMatched), then every difference resolved on it. */
export const RECONCILIATION_STREAM_PREFIX = 'reconciliation-';

export const reconciliationStreamId = (reconciliationId: string): string =>
  `${RECONCILIATION_STREAM_PREFIX}${reconciliationId}`;
