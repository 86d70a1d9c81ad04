import { recordCalled } from '@ledger/platform';
import { say, Sentence } from '@ledger/domain/shared/sentence';
import { EventStore } from '@ledger/event-store';
import { notFound } from '@ledger/platform';
import { badQueryParameter } from '../shared/as-of';
import { logHeadOf, Moment, momentView, passedMoment, passedMomentIf } from './moment';
import { Replayable } from './replayable';
import { FoldedStreams } from './folded-streams';
import { readTimeline, ReplayStep, stepAt, Timeline } from './timeline';
import { diffViews } from './view-diff';

/** The answers of replay, diff and as-of: what the controllers and the CLI give, from the event store alone. */

const momentWords = (moment: Moment): Sentence =>
  'position' in moment ? say`at position ${moment.position}` : say`as of ${moment.timestamp}`;

/**
 * Whether `to` is before `from`: two positions or two timestamps are compared as they are (a position of another
 * stream's event is a moment too); a position and a timestamp, by the entity's steps they fall on.
 */
function isBefore(to: Moment, from: Moment, toStep: number, fromStep: number): boolean {
  if ('position' in to && 'position' in from) return to.position < from.position;
  if ('timestamp' in to && 'timestamp' in from) return to.timestamp < from.timestamp;
  return toStep < fromStep;
}

/** The record as it was at a moment, for a 404: "subsidy S-1 at position 12" → 补助S-1（位置12）. */
const recordAt = (record: Sentence, moment: Moment): Sentence =>
  'position' in moment ? say`${record} at position ${moment.position}` : say`${record} as of ${moment.timestamp}`;

async function timelineOf(store: EventStore, replayable: Replayable, id: string): Promise<Timeline> {
  const timeline = await readTimeline(store, replayable, id);
  if (!timeline) throw notFound(recordCalled(replayable.noun, id));
  return timeline;
}

function stepAtOr404(timeline: Timeline, replayable: Replayable, moment: Moment): ReplayStep {
  const step = stepAt(timeline, moment);
  if (!step) throw notFound(recordAt(recordCalled(replayable.noun, timeline.id), moment));
  return step;
}

/**
 * `GET …/{id}?asOf=` or `?atPosition=`: the entity as the ledger knew it then, and the position of its last event. A
 * moment still to come is taken now, and the answer says so (passedMoment); so in replay and diff.
 */
export async function asOfAnswer(streams: FoldedStreams, replayable: Replayable, id: string, asked: Moment) {
  const moment = await passedMoment(streams, asked);
  const folded = await streams.foldUntil(replayable, id, moment);
  if (folded === undefined) throw notFound(recordCalled(replayable.noun, id));
  if (folded.position === undefined) throw notFound(recordAt(recordCalled(replayable.noun, id), moment));
  return { ...replayable.view(folded.state), ...momentView(moment), position: folded.position };
}

const replayHref = (replayable: Replayable, id: string, position: number) =>
  `/v1/${replayable.collection}/${encodeURIComponent(id)}/replay?at=${position}`;

/** `GET …/{id}/replay`: every step; with `at`, the one step then, with links to the steps before and after it. */
export async function replayAnswer(store: EventStore, replayable: Replayable, id: string, asked?: Moment) {
  const at = await passedMomentIf(logHeadOf(store), asked);
  const timeline = await timelineOf(store, replayable, id);
  const { streamId, steps } = timeline;
  if (at === undefined) return { id, streamId, steps };
  const step = stepAtOr404(timeline, replayable, at);
  const previous = steps[step.step - 2];
  const next = steps[step.step];
  return {
    id,
    streamId,
    ...momentView(at),
    steps: steps.length,
    step,
    ...(previous && { previous: replayHref(replayable, id, previous.position) }),
    ...(next && { next: replayHref(replayable, id, next.position) }),
  };
}

/**
 * `GET …/{id}/diff?from=&to=`: what changed between two moments, field by field (in the view the query API shows), and
 * the events that changed it. Without `from`, from before the first event (an entity is `{}` then: everything it has
 * is `added`); without `to`, up to its latest event.
 */
export async function diffAnswer(
  store: EventStore,
  replayable: Replayable,
  id: string,
  askedFrom?: Moment,
  askedTo?: Moment,
) {
  const log = logHeadOf(store);
  const [from, to] = await Promise.all([passedMomentIf(log, askedFrom), passedMomentIf(log, askedTo)]);
  const timeline = await timelineOf(store, replayable, id);
  const before = from && stepAt(timeline, from);
  const after = to ? stepAt(timeline, to) : timeline.steps[timeline.steps.length - 1];
  const [fromStep, toStep] = [before?.step ?? 0, after?.step ?? 0];
  // As asked, too: two moments still to come are both taken at the last event, yet one was asked before the other.
  const askedBackwards = askedFrom && askedTo && isBefore(askedTo, askedFrom, toStep, fromStep);
  if (from && (askedBackwards || (to ? isBefore(to, from, toStep, fromStep) : toStep < fromStep))) {
    throw badQueryParameter('to', say`must not be before from (${momentWords(from)})`);
  }
  const between = timeline.steps.slice(fromStep, toStep);
  return {
    id,
    streamId: timeline.streamId,
    from: endOf(from, before),
    to: endOf(to, after),
    events: between.map(({ step, position, type, recordedAt, actor, rule, citation, asOfHref }) => ({
      step,
      position,
      type,
      recordedAt,
      actor,
      ...(rule !== undefined && { rule }),
      ...(citation !== undefined && { citation }),
      asOfHref,
    })),
    changes: diffViews(before?.state ?? {}, after?.state ?? {}),
  };
}

/** One end of a diff: the moment asked for, and the entity's last event by then (null before its first). */
const endOf = (moment: Moment | undefined, step: ReplayStep | undefined) => ({
  ...(moment && momentView(moment)),
  position: step?.position ?? null,
  recordedAt: step?.recordedAt ?? null,
});
