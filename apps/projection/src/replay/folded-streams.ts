import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '@ledger/platform';
import { happenedBy, logHeadOf, Moment } from './moment';
import { Replayable } from './replayable';

/** The entity right after one of its events. */
interface FoldedStep {
  position: number;
  recordedAt: string;
  state: unknown;
}

/** A stream folded up to `revision` (the last event read, the entity's or not), one step per event of the entity. */
interface FoldedStream {
  revision: number;
  steps: FoldedStep[];
}

const MAX_STREAMS = 32;
const NOTHING_READ: FoldedStream = { revision: -1, steps: [] };

/**
 * Entities folded once and kept step by step for as-of: a supervisor moving the slider over a consortium's life asks
 * one stream at one moment after another. The log is append-only and a recorded event never changes, so a kept fold is
 * never wrong, only short: each ask reads the events after the last one kept (one index range, empty unless the stream
 * grew) and folds only those. The fold is the domain's own (`Replayable.evolve`), as in the replay. Asks on one stream
 * queue behind each other, so two never fold the same events twice; the least recently asked stream is let go first.
 */
@Injectable()
export class FoldedStreams {
  private readonly kept = new Map<string, Promise<FoldedStream>>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * The entity folded up to the moment and the position of the last event folded (undefined when the moment is before
   * its first event); undefined when the entity has no event.
   */
  async foldUntil(
    replayable: Replayable,
    id: string,
    moment: Moment,
  ): Promise<{ state: unknown; position?: number } | undefined> {
    const { steps } = await this.folded(replayable, id);
    if (steps.length === 0) return undefined;
    let last: FoldedStep | undefined;
    for (const step of steps) {
      if (!happenedBy(moment, step)) break;
      last = step;
    }
    return last ? { state: last.state, position: last.position } : { state: replayable.initialState(id) };
  }

  /** The log's last event (where a moment still to come is taken: passedMoment). */
  head() {
    return logHeadOf(this.store).head();
  }

  private folded(replayable: Replayable, id: string): Promise<FoldedStream> {
    const streamId = replayable.streamIdOf(id);
    const key = `${replayable.collection} ${streamId}`;
    const before = this.kept.get(key) ?? Promise.resolve(NOTHING_READ);
    const after = before.catch(() => NOTHING_READ).then((folded) => this.extend(replayable, id, streamId, folded));
    this.kept.delete(key); // re-inserted last: the map's order is the order of asking
    this.kept.set(key, after);
    if (this.kept.size > MAX_STREAMS) this.kept.delete(this.kept.keys().next().value as string);
    return after;
  }

  private async extend(replayable: Replayable, id: string, streamId: string, folded: FoldedStream) {
    const events = await this.store.readStream(streamId, { fromRevision: folded.revision + 1 });
    if (events.length === 0) return folded;
    const steps = [...folded.steps];
    let state = steps.length > 0 ? steps[steps.length - 1].state : replayable.initialState(id);
    for (const event of events) {
      if (!replayable.isOwn(event)) continue;
      state = replayable.evolve(state, event);
      steps.push({ position: event.position, recordedAt: event.recordedAt, state });
    }
    return { revision: events[events.length - 1].streamRevision, steps };
  }
}
