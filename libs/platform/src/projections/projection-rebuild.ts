/**
 * A rebuild's fold: the whole log replayed into emptied read models, inside the one read-store transaction the rebuild
 * runs in. Following applies a batch at a time and isolates each projection with a savepoint, because a live projection
 * must stop alone at its exact position; a rebuild either completes or is rolled back whole, so it can instead fold
 * every projection in memory over large pages, synchronously (no await per event), write each changed document once
 * per flush (not once per batch it appears in), write rows in multi-row statements and counters once at the end. Tables
 * are emptied without their secondary indexes, which are built once the rows are in: one sort per index instead of an
 * insert into each per row. Changed documents are written every few thousand, so that a store writing on a thread of
 * its own (SQLite) writes while the next pages are folded. Documents already written and dropped from memory are read
 * back in one query per page.
 */
import { ProjectableEvent } from '@ledger/event-store';
import { ColumnValue, CounterContribution, DocumentProjection, Projection, RowProjection } from './projection';
import { counterKey, CounterDelta, ReadStoreTransaction, StoredDocument } from './read-store.port';
import { onEvent } from './projection-event-error';

export interface RebuildLimits {
  /** Changed documents held before they are written. */
  maxDirtyDocuments: number;
  /** Documents held in memory; beyond it, written ones are dropped (and read back when an event needs them). */
  maxHeldDocuments: number;
}

export const DEFAULT_REBUILD_LIMITS: RebuildLimits = { maxDirtyDocuments: 5_000, maxHeldDocuments: 250_000 };

interface HeldDocument {
  id: string;
  state: unknown;
  position: number;
  updatedAt: string;
  dirty: boolean;
  /** Whether the store holds the document (it may then be dropped from memory and read back). */
  written: boolean;
  /** What the state the store holds contributes to the counters (undefined: nothing), taken away when it is replaced. */
  counted: CounterContribution[] | undefined;
}

interface Fold {
  readonly projection: Projection;
  /** Reads back the documents these events need that were written and dropped; resolves at once when none. */
  prepare(tx: ReadStoreTransaction, events: ReadonlyArray<ProjectableEvent>): Promise<void> | undefined;
  apply(events: ReadonlyArray<ProjectableEvent>): void;
  flush(tx: ReadStoreTransaction, force: boolean): Promise<void>;
  counterDeltas(): CounterDelta[];
}

/** Folds pages of the log into every target projection; `finish` writes what is left, the counters and checkpoints. */
export class RebuildRun {
  private readonly folds: Fold[];

  constructor(
    private readonly tx: ReadStoreTransaction,
    projections: ReadonlyArray<Projection>,
    limits: RebuildLimits = DEFAULT_REBUILD_LIMITS,
  ) {
    this.folds = projections.map((p) => (p.kind === 'documents' ? new DocumentFold(p, limits) : new RowFold(p)));
  }

  /** One page of the log, in order. */
  async apply(events: ReadonlyArray<ProjectableEvent>): Promise<void> {
    for (const fold of this.folds) {
      const loading = fold.prepare(this.tx, events);
      if (loading) await loading;
      fold.apply(events);
      await fold.flush(this.tx, false);
    }
  }

  async finish(position: number): Promise<void> {
    for (const fold of this.folds) {
      await fold.flush(this.tx, true);
      await this.tx.createIndexes(fold.projection);
      const deltas = fold.counterDeltas();
      if (deltas.length > 0) await this.tx.addToCounters(deltas);
      await this.tx.saveCheckpoint(fold.projection.name, { position, version: fold.projection.version });
    }
  }
}

class DocumentFold implements Fold {
  private readonly held = new Map<string, HeldDocument>();
  /** Ids of documents written and no longer held. */
  private readonly dropped = new Set<string>();
  private readonly targets: Array<string | undefined> = [];
  /** Per event of the page, the value naming its related documents (projection.ts, RelatedDocuments), if any. */
  private readonly relatedValues: Array<ColumnValue | undefined> = [];
  /**
   * The written documents by their value in the related column (which never changes once a document exists), held or
   * not; those not written yet are found among the changed ones.
   */
  private readonly relatedIndex = new Map<ColumnValue, string[]>();
  /** The held documents changed since the last flush: a flush writes these, whatever else is held. */
  private changed: HeldDocument[] = [];
  private readonly counters = new Map<string, CounterDelta>();

  constructor(
    readonly projection: DocumentProjection<unknown>,
    private readonly limits: RebuildLimits,
  ) {}

  prepare(tx: ReadStoreTransaction, events: ReadonlyArray<ProjectableEvent>): Promise<void> | undefined {
    const { projection, targets, relatedValues } = this;
    const { related } = projection;
    targets.length = events.length;
    relatedValues.length = related ? events.length : 0;
    const missing = new Set<string>();
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      const id = onEvent(event, () => projection.documentOf(event));
      targets[i] = id;
      if (id !== undefined) {
        if (this.dropped.has(id)) missing.add(id);
      } else if (related) {
        const value = onEvent(event, () => related.valueOf(event));
        relatedValues[i] = value;
        if (value !== undefined)
          for (const relatedId of this.relatedIndex.get(value) ?? [])
            if (this.dropped.has(relatedId)) missing.add(relatedId);
      }
    }
    return missing.size === 0 ? undefined : this.load(tx, [...missing]);
  }

  apply(events: ReadonlyArray<ProjectableEvent>): void {
    const { projection, held, targets, relatedValues } = this;
    for (let i = 0; i < events.length; i++) {
      const id = targets[i];
      if (id === undefined) {
        const value = relatedValues[i];
        if (value !== undefined && value !== null) this.applyRelated(events[i], value);
        continue;
      }
      const event = events[i];
      let document = held.get(id);
      if (!document) {
        const state = projection.initialState(id);
        document = { id, state, position: 0, updatedAt: '', dirty: false, written: false, counted: undefined };
        held.set(id, document);
      }
      const before = document.state;
      document.state = onEvent(event, () => projection.evolve(before, event));
      document.position = event.position;
      document.updatedAt = event.recordedAt;
      if (!document.dirty) {
        document.dirty = true;
        this.changed.push(document);
      }
    }
  }

  /**
   * An event of another entity, to every document holding `value` in the related column as it stands at the event: the
   * written ones (held, or read back by `prepare`) and those changed since the last flush that exist now. A document
   * the event leaves as it was is not changed by it (as when following).
   */
  private applyRelated(event: ProjectableEvent, value: Exclude<ColumnValue, null>): void {
    const { projection, held } = this;
    const column = projection.related!.column;
    const ids = new Set(this.relatedIndex.get(value));
    for (const document of this.changed) {
      if (
        !document.written &&
        projection.exists(document.state) &&
        projection.columnsOf(document.state)[column] === value
      )
        ids.add(document.id);
    }
    for (const id of ids) {
      const document = held.get(id);
      if (!document) throw new Error(`rebuild: document ${id} of ${projection.name} is neither held nor read back`);
      const before = document.state;
      const after = onEvent(event, () => projection.evolve(before, event));
      if (after === before) continue;
      document.state = after;
      document.position = event.position;
      document.updatedAt = event.recordedAt;
      if (!document.dirty) {
        document.dirty = true;
        this.changed.push(document);
      }
    }
  }

  async flush(tx: ReadStoreTransaction, force: boolean): Promise<void> {
    const { projection, changed } = this;
    if (changed.length === 0 || (!force && changed.length < this.limits.maxDirtyDocuments)) return;
    this.changed = [];
    const documents: Array<StoredDocument & { columns: ReturnType<typeof projection.columnsOf> }> = [];
    for (const document of changed) {
      document.dirty = false;
      // As when following: a document that does not exist (yet) is neither written nor counted.
      if (!projection.exists(document.state)) continue;
      const { id, state, position, updatedAt, counted } = document;
      const columns = projection.columnsOf(state);
      documents.push({ id, position, updatedAt, state, columns });
      if (projection.related && !document.written) this.indexRelated(id, columns[projection.related.column]);
      if (projection.countersOf) {
        if (counted) addContributions(this.counters, projection.name, counted, -1);
        document.counted = projection.countersOf(state);
        addContributions(this.counters, projection.name, document.counted, 1);
      }
      document.written = true;
    }
    if (documents.length > 0) await tx.saveDocuments(projection, documents);
    if (this.held.size > this.limits.maxHeldDocuments) {
      for (const [id, document] of this.held) if (document.written) this.dropped.add(id);
      this.held.clear();
    }
  }

  counterDeltas(): CounterDelta[] {
    return [...this.counters.values()].filter((d) => d.delta !== 0);
  }

  private indexRelated(id: string, value: ColumnValue | undefined): void {
    if (value === undefined || value === null) return;
    const ids = this.relatedIndex.get(value);
    if (ids) ids.push(id);
    else this.relatedIndex.set(value, [id]);
  }

  private async load(tx: ReadStoreTransaction, ids: string[]): Promise<void> {
    const { projection } = this;
    const stored = await tx.loadDocuments(projection.name, ids);
    for (const id of ids) {
      const found = stored.get(id);
      if (!found) throw new Error(`rebuild: document ${id} of ${projection.name} was written but is not found`);
      this.dropped.delete(id);
      const { state, position, updatedAt } = found;
      const counted = projection.exists(state) ? projection.countersOf?.(state) : undefined;
      this.held.set(id, { id, state, position, updatedAt, dirty: false, written: true, counted });
    }
  }
}

/** Rows need nothing held: each page's rows are written with it. */
class RowFold implements Fold {
  private rows: Array<{ position: number; values: NonNullable<ReturnType<RowProjection['rowOf']>> }> = [];

  constructor(readonly projection: RowProjection) {}

  prepare(): undefined {
    return undefined;
  }

  apply(events: ReadonlyArray<ProjectableEvent>): void {
    const { projection } = this;
    for (const event of events) {
      const values = onEvent(event, () => projection.rowOf(event));
      if (values) this.rows.push({ position: event.position, values });
    }
  }

  async flush(tx: ReadStoreTransaction): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    this.rows = [];
    await tx.insertRows(this.projection, rows);
  }

  counterDeltas(): CounterDelta[] {
    return [];
  }
}

/** Adds (sign 1) or takes away (sign −1) a document's contributions to the deltas being gathered. */
export function addContributions(
  deltas: Map<string, CounterDelta>,
  projection: string,
  contributions: CounterContribution[],
  sign: 1 | -1,
): void {
  for (const { counter, key, values } of contributions) {
    const storedKey = counterKey(key);
    for (const field in values) {
      const id = `${counter}\u0000${storedKey}\u0000${field}`;
      let delta = deltas.get(id);
      if (!delta) deltas.set(id, (delta = { projection, counter, key: storedKey, field, delta: 0 }));
      delta.delta += sign * values[field];
    }
  }
}
