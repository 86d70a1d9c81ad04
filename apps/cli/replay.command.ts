import { createInterface } from 'node:readline';
import { openEventStore } from '@ledger/platform';
import { replayableStream } from '../projection/src/replay/replayable';
import { readTimeline, ReplayStep } from '../projection/src/replay/timeline';
import { diffViews, FieldChange } from '../projection/src/replay/view-diff';
import { Language, renderSentences } from '@ledger/presentation/sentences/render-words';
import { existingLedger, LedgerDataOptions } from './ledger-data';
import { UsageError } from './usage-error';

export interface ReplayOptions extends LedgerDataOptions {
  /** --step: wait for Enter before each next step. */
  step?: boolean;
  /** --lang: the language of the verdicts' and decisions' words. */
  lang?: Language;
}

/**
 * `npm run ledger -- replay consortium-<id>`: the entity's steps as `GET …/replay` gives them, one a line — readable
 * (what the event changed in the view), or with --json each step as the API answers it. 0 when done, 1 when the
 * stream has no event.
 */
export async function replay(streamId: string, options: ReplayOptions): Promise<number> {
  const entity = replayableStream(streamId);
  if (!entity) {
    throw new UsageError(
      `${streamId} is no consortium-, subsidy- or zone- stream: those are the ones replay steps through`,
    );
  }
  const config = await existingLedger(options);
  const store = await openEventStore(config.eventStore);
  try {
    const timeline = await readTimeline(store, entity.replayable, entity.id);
    if (!timeline) {
      console.error(`no events in ${streamId}`);
      return 1;
    }
    const enter = options.step ? waitForEnter(timeline.steps.length) : undefined;
    let before: object = {};
    for (const said of timeline.steps) {
      const step = renderSentences(said, options.lang ?? 'zh');
      console.log(options.json ? JSON.stringify(step) : stepLine(step, diffViews(before, step.state)));
      before = step.state;
      if (enter && step.step < timeline.steps.length && !(await enter.next())) break;
    }
    enter?.close();
    return 0;
  } finally {
    await store.close();
  }
}

/** `#3 @12 2025-09-12T03:00:00.000Z ReviewRecorded by officer.zhang [lifecycle.review 第七条] corr=… | status: "filed" → "under-review"` */
export function stepLine(step: ReplayStep, changes: FieldChange[]): string {
  const rule = step.rule ? ` [${step.rule}${step.citation ? ` ${step.citation}` : ''}]` : '';
  const head = `#${step.step} @${step.position} ${step.recordedAt} ${step.type} by ${step.actor}${rule} corr=${step.correlationId}`;
  return `${head} | ${changes.map(changeText).join('; ') || 'no change in the view'}`;
}

const json = (value: unknown) => JSON.stringify(value);

function changeText(change: FieldChange): string {
  if (change.change === 'added') return `${change.field} = ${json(change.to)}`;
  if (change.change === 'removed') return `${change.field} removed (was ${json(change.from)})`;
  return `${change.field}: ${json(change.from)} → ${json(change.to)}`;
}

/** Enter on stdin goes on; `q` or the end of stdin stops. The prompt goes to stderr, so stdout stays the steps. */
function waitForEnter(steps: number) {
  const input = createInterface({ input: process.stdin });
  const lines = input[Symbol.asyncIterator]();
  return {
    async next(): Promise<boolean> {
      process.stderr.write(`(Enter: next of ${steps} steps, q: quit) `);
      const line = await lines.next();
      return !line.done && line.value.trim() !== 'q';
    },
    close: () => input.close(),
  };
}
