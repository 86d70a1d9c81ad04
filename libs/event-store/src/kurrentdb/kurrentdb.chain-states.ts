/**
 * Known chain states, to hash events read at random (readStream, readAll from a checkpoint) without re-walking the
 * log from its start: the recorded heads, and the states this store computed lately. Pure and in memory.
 *
 * A read of the event at position p walks forwards from the latest known state before p, so it costs at most the
 * distance to the last head (the chain follower's interval, when it keeps up) in events read.
 */
import type { LogPosition } from '../event-store.port';
import { ChainState, GENESIS_STATE } from './kurrentdb.chain';

export const DEFAULT_REMEMBERED_STATES = 10_000;

export class ChainStates {
  /** Sorted by position; heads are kept, computed states are forgotten oldest first beyond `capacity`. */
  private readonly states: ChainState[] = [GENESIS_STATE];
  private readonly pinned = new Set<LogPosition>([0]);
  private readonly computedOrder: LogPosition[] = [];

  constructor(private readonly capacity = DEFAULT_REMEMBERED_STATES) {}

  /** A recorded head: kept for good. */
  addHead(state: ChainState): void {
    this.insert(state);
    this.pinned.add(state.position);
  }

  /** A state computed while walking: kept while there is room. */
  remember(state: ChainState): void {
    if (!this.insert(state)) return;
    this.computedOrder.push(state.position);
    while (this.computedOrder.length > this.capacity) this.forget(this.computedOrder.shift() as LogPosition);
  }

  /** The latest known state strictly before `position`: where a walk to the event at `position` starts. */
  before(position: LogPosition): ChainState {
    let low = 0;
    let high = this.states.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.states[middle].position < position) low = middle;
      else high = middle - 1;
    }
    return this.states[low];
  }

  /** The state after the event at `position`, when known. */
  at(position: LogPosition): ChainState | undefined {
    const candidate = this.before(position + 1);
    return candidate.position === position ? candidate : undefined;
  }

  get size(): number {
    return this.states.length;
  }

  /** Inserts in position order; a state already known at that position must agree (else the log changed under us). */
  private insert(state: ChainState): boolean {
    const index = this.indexAfter(state.position);
    const existing = this.states[index - 1];
    if (existing && existing.position === state.position) {
      if (existing.count !== state.count || existing.hash !== state.hash) {
        throw new Error(
          `chain state at position ${state.position} was ${existing.count}/${existing.hash}, now ${state.count}/` +
            `${state.hash}: the log or the chain heads changed`,
        );
      }
      return false;
    }
    this.states.splice(index, 0, state);
    return true;
  }

  private forget(position: LogPosition): void {
    if (this.pinned.has(position)) return;
    const index = this.indexAfter(position) - 1;
    if (this.states[index]?.position === position) this.states.splice(index, 1);
  }

  /** The index of the first state whose position is greater than `position`. */
  private indexAfter(position: LogPosition): number {
    let low = 0;
    let high = this.states.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.states[middle].position <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
