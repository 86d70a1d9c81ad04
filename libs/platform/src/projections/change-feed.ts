/**
 * The change feed: every change a projector makes to a read model of an entity — its kind, its id, its new state (as
 * the API shows it), the log position of the event that made it — in one place, for whoever wants to hear it: the
 * Kafka publisher (`bus/change-feed.publisher.ts`, to the compacted topics) and the dashboard's server-sent events.
 *
 * ```ts
 * const unsubscribe = feed.subscribe((entry) => send(entry), { fromPosition: 120, kinds: ['subsidy'] });
 * ```
 * Without `fromPosition`: the changes committed from now on. With it: first every entity whose read model changed at
 * or after that position, in its current state (a catch-up from the read store, in position order; intermediate states
 * are gone), then the live changes, none missed and none older than what the catch-up showed. Resuming after the last
 * position seen (SSE's Last-Event-ID) with `fromPosition: last` repeats that position's entries: harmless, a consumer
 * keeps per id the state of the highest position. Entries come in position order; several may share a position (one
 * event changed several entities). A listener that throws is logged and keeps its subscription.
 */
import type { JurisdictionKeys } from '../auth/jurisdiction';
import { ReadModelChange } from './projection';
import { ProjectionEngine } from './projection-engine';
import { ReadStore } from './read-store.port';

/** One change to one entity's read model. */
export interface ChangeFeedEntry {
  /** 'consortium', 'subsidy', 'funding', 'zone' (the kinds the app declares: CHANGE_FEED_KINDS). */
  kind: string;
  id: string;
  /** The entity's new state, as the API shows it. */
  state: unknown;
  /** The log position of the event that made the change. */
  position: number;
  /** When that event was recorded (ISO 8601). */
  recordedAt: string;
  /**
   * What the entity is scoped by (jurisdiction.ts), from its read model's state, for those who pass the feed on to
   * users with a jurisdiction; absent: only users without one may hear it. Not part of what is sent.
   */
  scope?: JurisdictionKeys;
}

export interface ChangeFeedOptions {
  /** Catch up first: every entity changed at or after this position, as it is now. Default: live changes only. */
  fromPosition?: number;
  /** Only these kinds (default: all). An unknown kind throws at once. */
  kinds?: ReadonlyArray<string>;
  /** The catch-up failed (the read store did not answer): the subscription has ended. Default: logged. */
  onError?: (error: Error) => void;
}

/** Which read model is which kind of entity, and how its state is shown. Declared by the projection app. */
export interface ChangeFeedKind {
  kind: string;
  /** The document projection's name. */
  projection: string;
  view?: (state: unknown) => unknown;
  /** What an entity of this kind is scoped by, from its document's state (jurisdiction.ts); absent: nothing. */
  scope?: (state: unknown) => JurisdictionKeys | undefined;
}

export const CHANGE_FEED_KINDS = Symbol('CHANGE_FEED_KINDS');
export const DEFAULT_CHANGE_PAGE = 500;

export class ChangeFeed {
  private readonly byProjection: ReadonlyMap<string, ChangeFeedKind>;
  private readonly byKind: ReadonlyMap<string, ChangeFeedKind>;

  constructor(
    private readonly engine: ProjectionEngine,
    private readonly readStore: ReadStore,
    kinds: ReadonlyArray<ChangeFeedKind>,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.byProjection = new Map(kinds.map((kind) => [kind.projection, kind]));
    this.byKind = new Map(kinds.map((kind) => [kind.kind, kind]));
  }

  /** The kinds of entity the feed carries. */
  kinds(): string[] {
    return [...this.byKind.keys()];
  }

  /** The position the read models of `kinds` (default: all) have processed: every change up to it is committed. */
  position(kinds?: ReadonlyArray<string>): number {
    const projections = this.select(kinds).map((kind) => kind.projection);
    return projections.length === 0 ? 0 : Math.min(...projections.map((name) => this.engine.positionOf(name)));
  }

  /** Calls `listener` with each entry (see the top of this file); answers the function that ends the subscription. */
  subscribe(listener: (entry: ChangeFeedEntry) => void, options: ChangeFeedOptions = {}): () => void {
    const wanted = this.select(options.kinds);
    const projections = new Set(wanted.map((kind) => kind.projection));
    const from = options.fromPosition;
    let ended = false;
    // While catching up, live changes wait here.
    let held: ChangeFeedEntry[] | undefined = from === undefined ? undefined : [];
    const deliver = (entry: ChangeFeedEntry) => {
      if (ended) return;
      try {
        listener(entry);
      } catch (error) {
        this.log(`a change-feed listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const stopListening = this.engine.onChanges((changes) => {
      const entries = this.entriesOf(changes.filter((change) => projections.has(change.projection)));
      if (held) held.push(...entries);
      else for (const entry of entries) if (from === undefined || entry.position >= from) deliver(entry);
    });
    // Taken in the same turn as the listener above: every change past a kind's bound is heard by it (the engine sets a
    // projection's position and tells its changes in one turn), every change up to it is committed in the read store.
    const bounds = new Map(wanted.map((kind) => [kind.kind, this.engine.positionOf(kind.projection)]));
    const end = () => {
      ended = true;
      stopListening();
    };
    if (from !== undefined) {
      this.catchUp(from, wanted, bounds, deliver, () => ended).then(
        () => {
          const waiting = held ?? [];
          held = undefined;
          for (const entry of waiting)
            if (entry.position >= from && entry.position > bounds.get(entry.kind)!) deliver(entry);
        },
        (error: unknown) => {
          end();
          const failure = error instanceof Error ? error : new Error(String(error));
          if (options.onError) options.onError(failure);
          else this.log(`a change-feed catch-up failed: ${failure.message}`);
        },
      );
    }
    return end;
  }

  private select(kinds: ReadonlyArray<string> | undefined): ChangeFeedKind[] {
    if (kinds === undefined) return [...this.byKind.values()];
    return kinds.map((name) => {
      const kind = this.byKind.get(name);
      if (!kind) throw new Error(`the change feed has no kind ${name} (it has ${this.kinds().join(', ')})`);
      return kind;
    });
  }

  private entriesOf(changes: ReadonlyArray<ReadModelChange>): ChangeFeedEntry[] {
    return changes
      .map((change) => this.entryOf(change))
      .filter((entry): entry is ChangeFeedEntry => entry !== undefined)
      .sort((a, b) => a.position - b.position);
  }

  private entryOf(change: ReadModelChange): ChangeFeedEntry | undefined {
    const kind = this.byProjection.get(change.projection);
    if (!kind) return undefined;
    const state = kind.view ? kind.view(change.state) : change.state;
    const scope = kind.scope?.(change.state);
    return {
      kind: kind.kind,
      id: change.id,
      state,
      position: change.position,
      recordedAt: change.recordedAt,
      ...(scope && { scope }),
    };
  }

  /**
   * The documents of `kinds` changed from `from` up to their kind's bound, as they are now, merged in position order a
   * page at a time. A document changed during the catch-up has moved past its bound, and that change is among the
   * live ones, told after: where the pages are read one after another while commits go on (PostgreSQL), a kind read
   * to the end early no longer lets another kind's later pages, committed since, come before its own later changes.
   * With every kind's read model at one position (they move together, batch by batch) the whole is in position order;
   * a kind whose projection is behind the others has its catch-up, then its live changes, in order of their own.
   */
  private async catchUp(
    from: number,
    kinds: ReadonlyArray<ChangeFeedKind>,
    bounds: ReadonlyMap<string, number>,
    deliver: (entry: ChangeFeedEntry) => void,
    ended: () => boolean,
  ): Promise<void> {
    const sources = kinds.map((kind) => ({
      kind,
      next: undefined as string | undefined,
      buffer: [] as ChangeFeedEntry[],
      done: false,
    }));
    const refill = async (source: (typeof sources)[number]): Promise<void> => {
      if (source.done || source.buffer.length > 0) return;
      // Keyset paging on (position, id); a document changed meanwhile has left the bound (its change is told live).
      const page = await this.readStore.findDocuments(source.kind.projection, {
        where: { position: { gte: from, lte: bounds.get(source.kind.kind)! } },
        orderBy: [['position', 'asc']],
        limit: DEFAULT_CHANGE_PAGE,
        ...(source.next !== undefined && { after: source.next }),
      });
      source.buffer = page.documents.map((d) =>
        this.entryOf({
          projection: source.kind.projection,
          id: d.id,
          position: d.position,
          recordedAt: d.updatedAt,
          state: d.state,
        })!,
      );
      source.next = page.next;
      source.done = page.next === undefined || page.documents.length === 0;
    };
    while (!ended()) {
      await Promise.all(sources.map(refill));
      const holding = sources.filter((source) => source.buffer.length > 0);
      if (holding.length === 0) break;
      const first = holding.reduce((a, b) => (b.buffer[0].position < a.buffer[0].position ? b : a));
      deliver(first.buffer.shift()!);
    }
  }
}
