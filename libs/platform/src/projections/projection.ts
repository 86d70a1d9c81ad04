/**
 * Read models as definitions, with no storage code: the projection engine folds events into them and the read store
 * (SQLite embedded, PostgreSQL on a server) keeps them. The same definition runs on every store.
 *
 * - A document projection keeps one document per entity: the domain's own fold of the entity's events, the columns
 *   queries filter and sort on, and the counters it contributes to. Counters are kept incrementally (a document's
 *   contribution before a batch is taken away and its contribution after added), so a query for counts or totals
 *   reads a handful of rows whatever the ledger holds.
 *   Events of another entity may change some of its documents too (`related`: a lead change moves the consortium's
 *   subsidies to the new lead's region).
 * - A row projection keeps one row per event (the audit trail).
 */
import { ProjectableEvent } from '@ledger/event-store';

export type ColumnType = 'text' | 'integer';
export type ColumnValue = string | number | null;
export type Columns = Readonly<Record<string, ColumnType>>;

/** What one document adds to a counter: a tally name, a key within it, and an amount per field. */
export interface CounterContribution {
  counter: string;
  key: ReadonlyArray<string | number>;
  values: Readonly<Record<string, number>>;
}

interface ProjectionBase {
  /** Unique; names its tables and its checkpoint. Lower case, digits and dashes. */
  readonly name: string;
  /** Raise it when what the projection stores changes: the engine then rebuilds it from the log on start. */
  readonly version: number;
  readonly columns: Columns;
  /**
   * Column lists to index, in order; a key may be `column desc`. An index that ends with the query's ORDER BY, the
   * document id last (every list query's tie-breaker), lets a page be read off the index instead of sorting every
   * matching row.
   */
  readonly indexes?: ReadonlyArray<ReadonlyArray<string>>;
}

/**
 * Events of another entity that change some of a projection's documents as well: a consortium's lead change moves its
 * subsidies to the new lead's region. `valueOf` names a value of `column` (undefined: the event is not one of them),
 * and every existing document holding that value folds the event, in log order, live and in a rebuild alike. A
 * document `evolve` leaves as it was (the same object) is not changed by the event: neither written nor announced,
 * its position kept. A document's value in `column` never changes once it exists; the column should lead an index.
 * An event `documentOf` names a document for is not asked about.
 */
export interface RelatedDocuments {
  readonly column: string;
  valueOf(event: ProjectableEvent): Exclude<ColumnValue, null> | undefined;
}

export interface DocumentProjection<State> extends ProjectionBase {
  readonly kind: 'documents';
  /** The document an event belongs to, or undefined when the projection ignores the event. */
  documentOf(event: ProjectableEvent): string | undefined;
  /** The documents an event of another entity changes too (see RelatedDocuments). */
  readonly related?: RelatedDocuments;
  initialState(id: string): State;
  /** Deterministic: a rebuild ends identical to the live model. */
  evolve(state: State, event: ProjectableEvent): State;
  /** Whether the document is shown yet (a subsidy is once granted); documents that do not exist are not written. */
  exists(state: State): boolean;
  columnsOf(state: State): Record<string, ColumnValue>;
  countersOf?(state: State): CounterContribution[];
}

export interface RowProjection extends ProjectionBase {
  readonly kind: 'rows';
  /** The event's row, keyed by its position; undefined when the projection ignores the event. */
  rowOf(event: ProjectableEvent): Record<string, ColumnValue> | undefined;
}

/** Any projection; documents' states are opaque to the engine and the store. */
export type Projection = DocumentProjection<unknown> | RowProjection;

/** Declares a document projection with its state's type checked, for the engine's list of projections. */
export const documentProjection = <State>(definition: Omit<DocumentProjection<State>, 'kind'>): Projection =>
  ({ kind: 'documents', ...definition }) as unknown as Projection;

export const rowProjection = (definition: Omit<RowProjection, 'kind'>): Projection => ({ kind: 'rows', ...definition });

/** A document as a change to a read model: what the change feed carries, one per event that changed it. */
export interface ReadModelChange {
  projection: string;
  id: string;
  position: number;
  recordedAt: string;
  state: unknown;
}

export const PROJECTIONS = Symbol('PROJECTIONS');
