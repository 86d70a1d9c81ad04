import { RecordedEvent } from '@ledger/event-store';

/**
 * A position missing where the log has no gaps (SQLite and PostgreSQL number it 1, 2, 3…): an event was lost on its
 * way (a topic's retention or compaction, an offset reset past it, a message produced by someone else). Never skipped:
 * the projection stops on it, and `npm run ledger -- rebuild` rebuilds the read models from the log itself.
 */
export class PositionGapError extends Error {
  constructor(
    readonly missing: number,
    readonly next: number,
  ) {
    super(
      `position ${missing} is missing: the next event delivered is at ${next} ` +
        '(lost on its way? `npm run ledger -- rebuild` rebuilds the read models from the log)',
    );
    this.name = 'PositionGapError';
  }
}

/** The first position missing after `done` in `events` (dense positions), or undefined when none is. */
export function firstGap(done: number, events: ReadonlyArray<RecordedEvent>): PositionGapError | undefined {
  let expected = done + 1;
  for (const event of events) {
    if (event.position !== expected) return new PositionGapError(expected, event.position);
    expected++;
  }
  return undefined;
}
