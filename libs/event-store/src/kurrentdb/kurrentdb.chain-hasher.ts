/**
 * Gives events read from KurrentDB their chain hash: walks the log forwards from the latest known chain state before
 * each event (a recorded head, or a state computed earlier), chaining with the pure `extendChain`.
 *
 * Correct because KurrentDB makes `$all` visible as a growing prefix: an event never appears before one already read.
 */
import type { LogPosition, RecordedEvent } from '../event-store.port';
import { ChainState, extendChain, GENESIS_STATE } from './kurrentdb.chain';
import { ChainStates } from './kurrentdb.chain-states';
import type { StoredLedgerEvent } from './kurrentdb.event-mapping';

const WALK_PAGE_SIZE = 500;

export interface ChainHashSources {
  states: ChainStates;
  readAfter(after: LogPosition, maxCount: number): Promise<StoredLedgerEvent[]>;
  /** Adds the heads recorded since the last call to `states`. */
  refreshHeads(): Promise<void>;
}

export class ChainHasher {
  constructor(private readonly sources: ChainHashSources) {}

  /**
   * Events the log holds right after `after`, consecutively (a `readAll` page): when the chain state at `after` is
   * known (the genesis for 0, a head, where the previous page ended), they are chained on from it without reading.
   */
  async withHashesAfter(after: LogPosition, events: StoredLedgerEvent[]): Promise<RecordedEvent[]> {
    const start = after === 0 ? GENESIS_STATE : this.sources.states.at(after);
    if (!start || events.length === 0) return this.withHashes(events);
    const { links, state } = extendChain(start, events);
    this.sources.states.remember(state);
    return links.map((link, index) => toRecordedEvent(events[index], link.hash));
  }

  async withHashes(events: StoredLedgerEvent[]): Promise<RecordedEvent[]> {
    const { states } = this.sources;
    const hashes = new Map<LogPosition, string>();
    for (const event of events) {
      const known = states.at(event.position);
      if (known) hashes.set(event.position, known.hash);
    }
    const missing = [...new Set(events.map((event) => event.position))].filter((position) => !hashes.has(position));
    if (missing.length > 0) {
      await this.sources.refreshHeads();
      await this.walk(
        missing.sort((a, b) => a - b),
        hashes,
      );
    }
    return events.map((event) => toRecordedEvent(event, hashes.get(event.position) as string));
  }

  /**
   * Chains the log up to each target (ascending), starting each time from the latest known state before it — a
   * recorded head, a state remembered earlier, or where the previous walk ended — and notes the hash of every target
   * it passes. Remembers the state at each page's end and at the page's last target, where later walks may start
   * (a follower reading on from its checkpoint, say).
   */
  private async walk(targets: LogPosition[], hashes: Map<LogPosition, string>): Promise<void> {
    const { states } = this.sources;
    const wanted = new Set(targets);
    let cursor: ChainState | undefined;
    for (const target of targets) {
      if (hashes.has(target)) continue;
      const known = states.before(target);
      let state = cursor && cursor.position < target && cursor.position > known.position ? cursor : known;
      while (state.position < target) {
        const page = await this.sources.readAfter(state.position, WALK_PAGE_SIZE);
        if (page.length === 0) break;
        const { links, state: pageEnd } = extendChain(state, page);
        let lastWanted: ChainState | undefined;
        links.forEach((link, index) => {
          if (!wanted.has(link.position)) return;
          hashes.set(link.position, link.hash);
          lastWanted = { count: state.count + index + 1, position: link.position, hash: link.hash };
        });
        if (lastWanted) states.remember(lastWanted);
        state = pageEnd;
        states.remember(state);
      }
      if (!hashes.has(target)) throw new Error(`the log has no event at position ${target}`);
      cursor = state;
    }
  }
}

export function toRecordedEvent(event: StoredLedgerEvent, hash: string): RecordedEvent {
  return {
    position: event.position,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
    hash,
  };
}
