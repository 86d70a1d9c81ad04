/**
 * The change feed: every change a projector makes to a read model — which read model, the entity's id, its new state,
 * the log position and time of the event that made it — once, for whoever wants to hear it: the Kafka publisher
 * (`bus/change-feed.publisher.ts`) today, a dashboard's server-sent events tomorrow. Two ways in, meant to be used
 * together: `subscribe` (live: each change after its commit, in log order) and `since` (catch-up: the documents changed
 * after a position, as they are now). Subscribe first, then catch up: nothing committed in between is missed.
 */
import { ReadModelChange } from './projection';
import { ProjectionEngine } from './projection-engine';
import { ReadStore } from './read-store.port';

export const DEFAULT_CHANGE_PAGE = 500;

export class ChangeFeed {
  constructor(
    private readonly engine: ProjectionEngine,
    private readonly readStore: ReadStore,
  ) {}

  /** Each commit's changes, in log order (one entry per event that changed a document); answers the unsubscribe. */
  subscribe(listener: (changes: ReadModelChange[]) => void): () => void {
    return this.engine.onChanges(listener);
  }

  /** The position the named read models have all processed: a change at or below it is committed. */
  position(projections: ReadonlyArray<string>): number {
    return Math.min(...projections.map((name) => this.engine.positionOf(name)));
  }

  /**
   * The documents of `projections` whose last change is after `after`, as they are now (one entry per document, not
   * per event: intermediate states are gone), merged across read models in position order, a page at a time.
   */
  async *since(
    after: number,
    projections: ReadonlyArray<string>,
    pageSize = DEFAULT_CHANGE_PAGE,
  ): AsyncGenerator<ReadModelChange[]> {
    const sources = projections.map((name) => ({ name, cursor: after, buffer: [] as ReadModelChange[], done: false }));
    const refill = async (source: (typeof sources)[number]): Promise<void> => {
      if (source.done || source.buffer.length > 0) return;
      const page = await this.readStore.findDocuments(source.name, {
        where: { position: { gt: source.cursor } },
        orderBy: [['position', 'asc']],
        limit: pageSize,
      });
      source.buffer = page.documents.map((d) => ({
        projection: source.name,
        id: d.id,
        position: d.position,
        recordedAt: d.updatedAt,
        state: d.state,
      }));
      if (source.buffer.length > 0) source.cursor = source.buffer[source.buffer.length - 1].position;
      source.done = page.next === undefined;
    };
    let out: ReadModelChange[] = [];
    for (;;) {
      await Promise.all(sources.map(refill));
      const holding = sources.filter((source) => source.buffer.length > 0);
      if (holding.length === 0) break;
      const first = holding.reduce((a, b) => (b.buffer[0].position < a.buffer[0].position ? b : a));
      out.push(first.buffer.shift()!);
      if (out.length >= pageSize) {
        yield out;
        out = [];
      }
    }
    if (out.length > 0) yield out;
  }
}
