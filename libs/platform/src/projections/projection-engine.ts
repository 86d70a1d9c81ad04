import { EventEmitter } from 'node:events';
import { EventStore, ProjectableEvent, RecordedEvent, Subscription } from '@ledger/event-store';
import { inTodaysShape } from '../events/stored-events';
import { EventSource } from './event-source';
import { firstGap } from './position-gap';
import { ColumnValue, DocumentProjection, Projection, ReadModelChange, RowProjection } from './projection';
import { causeOf, failingPosition, messageOf, onEvent, ProjectionEventError } from './projection-event-error';
import { addContributions, DEFAULT_REBUILD_LIMITS, RebuildLimits, RebuildRun } from './projection-rebuild';
import { CounterDelta, ReadStore, ReadStoreTransaction, StoredDocument } from './read-store.port';
import { storageFailureCode } from '../storage-failure';

export type ProjectionStatus = 'running' | 'retrying' | 'stopped';

export interface ProjectionHealth {
  name: string;
  /** The log position the projection has processed. */
  position: number;
  status: ProjectionStatus;
  /** The failing event's position, the error, and since when it fails. */
  failure?: { position: number; error: string; since: string; attempts: number };
}

export interface EngineHealth {
  /** The position every projection has processed. */
  position: number;
  running: boolean;
  projections: ProjectionHealth[];
}

export type WaitOutcome = 'reached' | 'timeout' | 'stopped';

export interface ProjectionEngineOptions {
  log?: (message: string) => void;
  /** Attempts before a failing projection is stopped (the others go on). Default 3. */
  maxAttempts?: number;
  retryDelayMs?: number;
  batchSize?: number;
  /** How a rebuild reads and holds (see projection-rebuild.ts); the defaults suit a ledger of millions of events. */
  rebuild?: Partial<RebuildLimits> & { pageSize?: number };
  /** Where events come from; default: following the store's log. */
  source?: EventSource;
  /** The log numbers its events 1, 2, 3… (SQLite, PostgreSQL): a missing position stops the projection. */
  densePositions?: boolean;
}

export const REPLAY_BATCH_SIZE = 2000;
/**
 * A rebuild reads the log in pages this large (see projection-rebuild.ts). A page's rows and parsed events live until
 * it is folded: 5,000 (~15 MB) outlived the young generation's scavenges, which copied and promoted them.
 */
export const REBUILD_PAGE_SIZE = 1_000;

interface Failure {
  position: number;
  error: string;
  since: string;
  attempts: number;
}

interface BatchOutcome {
  advanced: Array<[string, number]>;
  failed: Array<{ name: string; position: number; error: unknown }>;
  changes: ReadModelChange[];
}

/**
 * Follows the event log (never the in-memory bus) and applies each batch to every projection, in one read-store
 * transaction: each projection's rows and checkpoint commit together. A batch that fails is applied again with one
 * savepoint per projection (applyToActive), so that a projection that throws is rolled back alone. It is retried
 * from its checkpoint (the follower re-reads from there; the others skip what they have), and after `maxAttempts` it is
 * stopped and reported by `health()` while the others go on; a restart of the process tries it again. Checkpoints are
 * re-read inside each transaction, so a rebuild committed by another process in between is neither undone nor applied
 * twice.
 */
export class ProjectionEngine {
  private subscription?: Subscription;
  private readonly progress = new EventEmitter().setMaxListeners(0);
  private readonly positions = new Map<string, number>();
  private readonly failures = new Map<string, Failure>();
  private readonly listeners = new Set<(changes: ReadModelChange[]) => void>();
  private running = false;
  private prepared?: Promise<void>;
  private readonly log: (message: string) => void;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly batchSize: number;
  private readonly rebuildLimits: RebuildLimits;
  private readonly rebuildPageSize: number;
  private readonly source: EventSource;
  private readonly densePositions: boolean;

  constructor(
    private readonly store: EventStore,
    private readonly readStore: ReadStore,
    private readonly projections: ReadonlyArray<Projection>,
    options: ProjectionEngineOptions = {},
  ) {
    const names = new Set(projections.map((p) => p.name));
    if (names.size !== projections.length) throw new Error('two projections share a name');
    this.log = options.log ?? (() => undefined);
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.batchSize = options.batchSize ?? REPLAY_BATCH_SIZE;
    this.rebuildLimits = { ...DEFAULT_REBUILD_LIMITS, ...options.rebuild };
    this.rebuildPageSize = options.rebuild?.pageSize ?? REBUILD_PAGE_SIZE;
    this.source = options.source ?? store;
    this.densePositions = options.densePositions ?? false;
  }

  /** Creates missing tables, rebuilds projections whose version changed, and follows the log from the checkpoints. */
  async start(): Promise<void> {
    await this.prepare();
    this.running = true;
    this.follow();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /** The log position every projection has processed (stopped ones included: their models are behind). */
  processedPosition(): number {
    return this.projections.length === 0 ? 0 : Math.min(...this.projections.map((p) => this.positionOf(p.name)));
  }

  positionOf(name: string): number {
    return this.positions.get(name) ?? 0;
  }

  health(): EngineHealth {
    return {
      position: this.processedPosition(),
      running: this.running,
      projections: this.projections.map((p) => {
        const failure = this.failures.get(p.name);
        return {
          name: p.name,
          position: this.positionOf(p.name),
          status: !failure ? 'running' : this.isStopped(p.name) ? 'stopped' : 'retrying',
          ...(failure && { failure: { ...failure } }),
        };
      }),
    };
  }

  /**
   * Takes up the checkpoints another process committed to a shared read store: a projection process that consumes no
   * partition of the log topic (a standby in the consumer group) applies nothing itself, yet answers `minPosition`.
   */
  async adoptCommittedCheckpoints(): Promise<void> {
    const checkpoints = await this.readStore.checkpoints();
    const changes: ReadModelChange[] = [];
    for (const projection of this.projections) {
      const committed = checkpoints.get(projection.name);
      const mine = this.positionOf(projection.name);
      if (committed?.version !== projection.version || committed.position <= mine) continue;
      // The change feed of a standby: the documents the owner changed, as they are now.
      if (this.listeners.size > 0 && projection.kind === 'documents')
        changes.push(...(await this.documentsChanged(projection.name, mine, committed.position)));
      this.positions.set(projection.name, committed.position);
    }
    this.progress.emit('progress');
    this.publish(changes);
  }

  private async documentsChanged(projection: string, after: number, upTo: number): Promise<ReadModelChange[]> {
    const changes: ReadModelChange[] = [];
    let next: string | undefined;
    do {
      const page = await this.readStore.findDocuments(projection, {
        where: { position: { gt: after, lte: upTo } },
        orderBy: [['position', 'asc']],
        limit: this.batchSize,
        ...(next !== undefined && { after: next }),
      });
      for (const d of page.documents)
        changes.push({ projection, id: d.id, position: d.position, recordedAt: d.updatedAt, state: d.state });
      next = page.documents.length > 0 ? page.next : undefined;
    } while (next !== undefined);
    return changes;
  }

  /** Called after each commit with the documents it changed, one entry per event that changed one. */
  onChanges(listener: (changes: ReadModelChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves 'reached' once the named projections (default: all) have processed `position`; 'stopped' at once when one
   * of them is stopped short of it (waiting would not help); 'timeout' after `timeoutMs`.
   */
  waitFor(position: number, timeoutMs: number, names?: ReadonlyArray<string>): Promise<WaitOutcome> {
    const targets = names ?? this.projections.map((p) => p.name);
    const outcome = (): WaitOutcome | undefined => {
      if (targets.every((name) => this.positionOf(name) >= position)) return 'reached';
      if (targets.some((name) => this.isStopped(name) && this.positionOf(name) < position)) return 'stopped';
      return undefined;
    };
    const now = outcome();
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      const onProgress = () => {
        const settled = outcome();
        if (!settled) return;
        clearTimeout(timer);
        this.progress.off('progress', onProgress);
        resolve(settled);
      };
      const timer = setTimeout(() => {
        this.progress.off('progress', onProgress);
        resolve(outcome() ?? 'timeout');
      }, timeoutMs);
      this.progress.on('progress', onProgress);
    });
  }

  /** Applies a batch of events (in log order) to every projection that has not processed them. */
  async applyBatch(recorded: ReadonlyArray<RecordedEvent>): Promise<void> {
    if (recorded.length === 0) return;
    const events = recorded.map(inTodaysShape);
    const outcome = await this.applyToActive(events);
    for (const [name, position] of outcome.advanced) {
      this.positions.set(name, position);
      this.failures.delete(name);
    }
    for (const { name, position, error } of outcome.failed) this.recordFailure(name, position, error);
    this.progress.emit('progress');
    this.publish(outcome.changes);
    if (outcome.failed.length > 0) {
      throw new Error(
        `projection ${outcome.failed.map((f) => f.name).join(', ')} failed; retrying from its checkpoint`,
      );
    }
  }

  /**
   * Drops the named read models (default: all) and replays the whole log into them in one read-store transaction:
   * readers see the old models until the new ones are complete. Following pauses meanwhile.
   */
  async rebuild(
    onProgress: (done: number, total: number) => void = () => undefined,
    names?: string[],
  ): Promise<number> {
    await this.prepare();
    const targets = names ? this.projections.filter((p) => names.includes(p.name)) : [...this.projections];
    const unknown = (names ?? []).filter((name) => !this.projections.some((p) => p.name === name));
    if (unknown.length > 0) throw new Error(`no projection named ${unknown.join(', ')}`);
    const wasRunning = this.running;
    await this.stop();
    const total = await this.store.headPosition();
    let replayed = 0;
    try {
      await this.readStore.transaction(
        async (tx) => {
          // Secondary indexes are built by `finish`, once the rows are in.
          for (const projection of targets) await tx.reset(projection, { withoutIndexes: true });
          const run = new RebuildRun(tx, targets, this.rebuildLimits);
          for (let after = 0; after < total;) {
            // Without ids, metadata and hashes where the store can (no projection reads them).
            const read = { after, maxCount: this.rebuildPageSize };
            const page = await (this.store.readAllForProjections?.(read) ?? this.store.readAll(read));
            const events: ProjectableEvent[] = [];
            for (const event of page) if (event.position <= total) events.push(inTodaysShape(event));
            if (events.length === 0) break;
            await run.apply(events);
            replayed += events.length;
            after = events[events.length - 1].position;
            onProgress(after, total);
          }
          await run.finish(total);
        },
        { bulk: true },
      );
      for (const projection of targets) {
        this.positions.set(projection.name, total);
        this.failures.delete(projection.name);
      }
      this.progress.emit('progress');
    } finally {
      if (wasRunning) {
        this.running = true;
        this.follow();
      }
    }
    return replayed;
  }

  private prepare(): Promise<void> {
    this.prepared ??= (async () => {
      await this.readStore.prepare(this.projections);
      const checkpoints = await this.readStore.checkpoints();
      const outdated = this.projections.filter((p) => {
        const checkpoint = checkpoints.get(p.name);
        return checkpoint !== undefined && checkpoint.version !== p.version;
      });
      if (outdated.length > 0) {
        this.log(`projections ${outdated.map((p) => p.name).join(', ')} changed version: rebuilding them from the log`);
        await this.readStore.transaction(async (tx) => {
          for (const projection of outdated) await tx.reset(projection);
        });
      }
      for (const p of this.projections) {
        this.positions.set(p.name, outdated.includes(p) ? 0 : (checkpoints.get(p.name)?.position ?? 0));
      }
    })();
    return this.prepared;
  }

  /**
   * A batch is applied at once first (applyTogether): its reads asked in one wait, every projection written without a
   * savepoint, the writes queued, so that on SQLite's writer thread the batch waits twice (its reads, then its COMMIT)
   * rather than a few times a projection. Each such wait lets the process's other work (HTTP requests, commands) in
   * first, which is what a reader waiting for `minPosition` waited on. Should anything fail, the batch is rolled back
   * and applied again projection by projection (applyWithin), which rolls a failing projection back alone.
   */
  private async applyToActive(events: ReadonlyArray<RecordedEvent>): Promise<BatchOutcome> {
    const options = { events: events.length };
    const careful = () => this.readStore.transaction((tx) => this.applyWithin(tx, this.active(), events), options);
    // A projection being retried more likely than not fails again: straight to the careful way.
    if (this.isRetrying()) return careful();
    try {
      return await this.readStore.transaction((tx) => this.applyTogether(tx, this.active(), events), options);
    } catch (error) {
      // A read store that cannot write fails the careful way too: the batch is retried from the checkpoints.
      if (storageFailureCode(causeOf(error)) !== undefined) throw error;
      this.log(
        `a batch of ${events.length} events failed at once (${messageOf(error)}): applying it a projection at a time`,
      );
      return careful();
    }
  }

  private async applyTogether(
    tx: ReadStoreTransaction,
    projections: ReadonlyArray<Projection>,
    events: ReadonlyArray<RecordedEvent>,
  ): Promise<BatchOutcome> {
    const last = events[events.length - 1].position;
    const outcome: BatchOutcome = { advanced: [], failed: [], changes: [] };
    const collect = this.listeners.size > 0;
    // The documents the batch's events name, loaded with the checkpoints: those of events a checkpoint already
    // passed as well (a projection behind the others, rarely), which are then not used. Related documents (a lead
    // change's subsidies) are looked up after, by applyDocuments, in the rare batch that has such an event.
    const targets = projections.map((p) => (p.kind === 'documents' ? documentTargets(p, events) : []));
    const [checkpoints, loaded] = await Promise.all([
      Promise.all(projections.map((projection) => tx.checkpoint(projection.name))),
      Promise.all(
        projections.map((projection, index) => {
          const ids = idsOf(targets[index]);
          return ids.length > 0
            ? tx.loadDocuments(projection.name, ids)
            : Promise.resolve(new Map<string, StoredDocument>());
        }),
      ),
    ]);
    for (const [index, projection] of projections.entries()) {
      const done = checkpoints[index]?.position ?? 0;
      if (done >= last) {
        outcome.advanced.push([projection.name, done]);
        continue;
      }
      const pending = events.filter((e) => e.position > done);
      const gap = this.densePositions ? firstGap(done, pending) : undefined;
      if (gap) throw new ProjectionEventError(gap.missing, gap);
      if (projection.kind === 'documents') {
        const taken = targets[index].filter(({ event }) => event.position > done);
        await applyDocuments(tx, projection, taken, collect ? outcome.changes : undefined, loaded[index]);
      } else await applyRows(tx, projection, pending);
      await tx.saveCheckpoint(projection.name, { position: last, version: projection.version });
      outcome.advanced.push([projection.name, last]);
    }
    outcome.changes.sort((a, b) => a.position - b.position);
    return outcome;
  }

  private async applyWithin(
    tx: ReadStoreTransaction,
    projections: ReadonlyArray<Projection>,
    events: ReadonlyArray<RecordedEvent>,
  ): Promise<BatchOutcome> {
    const last = events[events.length - 1].position;
    const outcome: BatchOutcome = { advanced: [], failed: [], changes: [] };
    const collect = this.listeners.size > 0;
    // Asked together: on a writer thread (or a server) the answers come back in one wait instead of one each.
    const checkpoints = await Promise.all(projections.map((projection) => tx.checkpoint(projection.name)));
    for (const [index, projection] of projections.entries()) {
      const done = checkpoints[index]?.position ?? 0;
      if (done >= last) {
        outcome.advanced.push([projection.name, done]);
        continue;
      }
      const pending = events.filter((e) => e.position > done);
      const apply = async (upTo: ReadonlyArray<RecordedEvent>) => {
        const gap = this.densePositions ? firstGap(done, upTo) : undefined;
        if (gap) throw new ProjectionEventError(gap.missing, gap);
        const changes: ReadModelChange[] = [];
        if (projection.kind === 'documents')
          await applyDocuments(tx, projection, documentTargets(projection, upTo), collect ? changes : undefined);
        else await applyRows(tx, projection, upTo);
        const reached = upTo.length > 0 ? upTo[upTo.length - 1].position : done;
        await tx.saveCheckpoint(projection.name, {
          position: upTo === pending ? last : reached,
          version: projection.version,
        });
        return changes;
      };
      try {
        const changes = await tx.savepoint(() => apply(pending));
        outcome.advanced.push([projection.name, last]);
        outcome.changes.push(...changes);
      } catch (error) {
        // A read store that cannot write (disk full) is no projection's fault: the whole batch fails and is retried
        // from the checkpoints until it can, counting against no projection, so none is stopped by it.
        if (storageFailureCode(causeOf(error)) !== undefined) throw error;
        // Keep what comes before the failing event, so the projection stops exactly there.
        const position = failingPosition(error, done);
        const before = pending.filter((e) => e.position < position);
        if (before.length > 0) {
          try {
            outcome.changes.push(...(await tx.savepoint(() => apply(before))));
            outcome.advanced.push([projection.name, position - 1]);
          } catch {
            // the earlier events fail too: the projection stays at its checkpoint
          }
        }
        outcome.failed.push({ name: projection.name, position, error: causeOf(error) });
      }
    }
    outcome.changes.sort((a, b) => a.position - b.position);
    return outcome;
  }

  private follow(): void {
    const active = this.active();
    if (!this.running || active.length === 0) return;
    const after = Math.min(...active.map((p) => this.positionOf(p.name)));
    this.subscription = this.source.follow({
      after,
      batchSize: this.batchSize,
      onEvents: (events) => this.applyBatch(events),
      onError: (error) => this.recover(error),
    });
  }

  private recover(error: unknown): void {
    this.log(`projections stopped following the log: ${messageOf(error)}`);
    setTimeout(() => {
      if (!this.running) return;
      this.follow();
    }, this.retryDelayMs).unref();
  }

  private recordFailure(name: string, position: number, error: unknown): void {
    const previous = this.failures.get(name);
    const failure = {
      position,
      error: messageOf(error),
      since: previous?.since ?? new Date().toISOString(),
      attempts: (previous?.attempts ?? 0) + 1,
    };
    this.failures.set(name, failure);
    const verdict = failure.attempts >= this.maxAttempts ? 'stopped; the others go on' : 'retrying';
    this.log(
      `projection ${name} failed at position ${position} (attempt ${failure.attempts}, ${verdict}): ${failure.error}`,
    );
  }

  private isRetrying(): boolean {
    for (const name of this.failures.keys()) if (!this.isStopped(name)) return true;
    return false;
  }

  private isStopped(name: string): boolean {
    return (this.failures.get(name)?.attempts ?? 0) >= this.maxAttempts;
  }

  private active(): Projection[] {
    return this.projections.filter((p) => !this.isStopped(p.name));
  }

  private publish(changes: ReadModelChange[]): void {
    if (changes.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(changes);
      } catch (error) {
        this.log(`a change-feed listener failed: ${messageOf(error)}`);
      }
    }
  }
}

/** An event a document projection takes: for the document it names (`id`), or for its related documents (`value`). */
type DocumentTarget =
  | { event: RecordedEvent; id: string; value?: undefined }
  | { event: RecordedEvent; id?: undefined; value: Exclude<ColumnValue, null> };

/** The events a document projection takes, each with the document it changes or the value naming its related ones. */
function documentTargets(projection: DocumentProjection<unknown>, events: ReadonlyArray<RecordedEvent>) {
  const targets: DocumentTarget[] = [];
  const { related } = projection;
  for (const event of events) {
    const id = onEvent(event, () => projection.documentOf(event));
    if (id !== undefined) targets.push({ event, id });
    else if (related) {
      const value = onEvent(event, () => related.valueOf(event));
      if (value !== undefined) targets.push({ event, value });
    }
  }
  return targets;
}

const idsOf = (targets: ReadonlyArray<DocumentTarget>) => {
  const ids = new Set<string>();
  for (const { id } of targets) if (id !== undefined) ids.add(id);
  return [...ids];
};

/**
 * The stored documents related to the batch's events (projection.ts, RelatedDocuments), by the value naming them,
 * added to `stored`: asked only when the batch has such an event.
 */
async function relatedDocuments(
  tx: ReadStoreTransaction,
  projection: DocumentProjection<unknown>,
  targets: ReadonlyArray<DocumentTarget>,
  stored: Map<string, StoredDocument>,
): Promise<Map<ColumnValue, string[]>> {
  const related = new Map<ColumnValue, string[]>();
  const column = projection.related!.column;
  for (const { value } of targets) if (value !== undefined) related.set(value, []);
  const found = await Promise.all(
    [...related.keys()].map((value) => tx.loadDocumentsWhere(projection.name, { [column]: value })),
  );
  for (const [i, value] of [...related.keys()].entries()) {
    for (const [id, document] of found[i]) {
      if (!stored.has(id)) stored.set(id, document);
      related.get(value)!.push(id);
    }
  }
  return related;
}

/**
 * The documents an event of another entity changes (`value` in the related column): those stored with it and those
 * this batch made exist with it, as they stand at the event.
 */
function relatedIds(
  projection: DocumentProjection<unknown>,
  value: Exclude<ColumnValue, null>,
  stored: ReadonlyArray<string>,
  states: ReadonlyMap<string, unknown>,
): string[] {
  const ids = new Set(stored);
  const column = projection.related!.column;
  for (const [id, state] of states) {
    if (!ids.has(id) && projection.exists(state) && projection.columnsOf(state)[column] === value) ids.add(id);
  }
  return [...ids].sort();
}

/** `loaded`: the documents as stored, when the caller loaded them (with others, in one wait). */
async function applyDocuments(
  tx: ReadStoreTransaction,
  projection: DocumentProjection<unknown>,
  targets: ReadonlyArray<DocumentTarget>,
  changes?: ReadModelChange[],
  loaded?: Map<string, StoredDocument>,
): Promise<void> {
  if (targets.length === 0) return;
  const stored = loaded ?? (await tx.loadDocuments(projection.name, idsOf(targets)));
  const related = targets.some((t) => t.value !== undefined)
    ? await relatedDocuments(tx, projection, targets, stored)
    : undefined;
  const states = new Map<string, unknown>();
  const lastEvent = new Map<string, RecordedEvent>();
  const changed = (id: string, event: RecordedEvent, after: unknown) => {
    states.set(id, after);
    lastEvent.set(id, event);
    if (changes && projection.exists(after)) {
      changes.push({
        projection: projection.name,
        id,
        position: event.position,
        recordedAt: event.recordedAt,
        state: after,
      });
    }
  };
  for (const { event, id, value } of targets) {
    if (id !== undefined) {
      const before = states.has(id) ? states.get(id) : (stored.get(id)?.state ?? projection.initialState(id));
      const after = onEvent(event, () => projection.evolve(before, event));
      changed(id, event, after);
      continue;
    }
    for (const relatedId of relatedIds(projection, value, related?.get(value) ?? [], states)) {
      const before = states.has(relatedId) ? states.get(relatedId) : stored.get(relatedId)!.state;
      const after = onEvent(event, () => projection.evolve(before, event));
      if (after !== before) changed(relatedId, event, after);
    }
  }
  const documents: Array<StoredDocument & { columns: ReturnType<typeof projection.columnsOf> }> = [];
  const deltas = new Map<string, CounterDelta>();
  for (const [id, state] of states) {
    if (!projection.exists(state)) continue;
    const event = lastEvent.get(id)!;
    documents.push({
      id,
      position: event.position,
      updatedAt: event.recordedAt,
      state,
      columns: projection.columnsOf(state),
    });
    if (projection.countersOf) {
      const prior = stored.get(id);
      if (prior && projection.exists(prior.state))
        addContributions(deltas, projection.name, projection.countersOf(prior.state), -1);
      addContributions(deltas, projection.name, projection.countersOf(state), 1);
    }
  }
  await tx.saveDocuments(projection, documents);
  const nonZero = [...deltas.values()].filter((d) => d.delta !== 0);
  if (nonZero.length > 0) await tx.addToCounters(nonZero);
}

async function applyRows(
  tx: ReadStoreTransaction,
  projection: RowProjection,
  events: ReadonlyArray<RecordedEvent>,
): Promise<void> {
  const rows = events.flatMap((event) => {
    const values = onEvent(event, () => projection.rowOf(event));
    return values ? [{ position: event.position, values }] : [];
  });
  if (rows.length > 0) await tx.insertRows(projection, rows);
}
