import type Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { EventStore, RecordedEvent, Subscription } from '@ledger/event-store';
import { inTodaysShape } from '../events/stored-events';
import { Projector } from './projector';
import { statement } from './statement-cache';

export interface ProjectionHealth {
  position: number;
  running: boolean;
  lastError?: string;
  failingSince?: string;
}

export const REPLAY_BATCH_SIZE = 1000;
const RETRY_DELAY_MS = 500;

/**
 * Follows the event log (never the in-memory bus) and applies each batch to every projector in ONE read-store
 * transaction together with the projectors' checkpoints. Checkpoints are re-read inside that transaction, so a
 * rebuild committed by another process in between is neither undone nor applied twice. A failing projector stops
 * the batch (nothing is skipped), the error is logged and shown on /health, and the batch is retried.
 */
export class ProjectionEngine {
  private subscription?: Subscription;
  private readonly progress = new EventEmitter();
  private position = 0;
  private lastError?: { message: string; since: string };
  private stopped = true;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    private readonly projectors: Projector[],
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.progress.setMaxListeners(0);
    for (const projector of projectors) projector.setup(db);
    this.position = this.lowestCheckpoint();
  }

  start(): void {
    this.stopped = false;
    this.follow();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.stop();
  }

  /** The log position every read model has processed. */
  processedPosition(): number {
    return this.position;
  }

  health(): ProjectionHealth {
    return {
      position: this.position,
      running: !this.stopped,
      lastError: this.lastError?.message,
      failingSince: this.lastError?.since,
    };
  }

  /** Resolves true once every read model has processed `position`, false after `timeoutMs`. */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.position >= position) return true;
    return new Promise<boolean>((resolve) => {
      const onProgress = (reached: number) => {
        if (reached < position) return;
        clearTimeout(timer);
        this.progress.off('progress', onProgress);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.progress.off('progress', onProgress);
        resolve(this.position >= position);
      }, timeoutMs);
      this.progress.on('progress', onProgress);
    });
  }

  /** Applies events to every projector whose checkpoint is behind them; one transaction. */
  applyBatch(recorded: RecordedEvent[]): void {
    if (recorded.length === 0) return;
    const events = recorded.map(inTodaysShape);
    const last = events[events.length - 1].position;
    const checkpoint = statement(this.db, 'SELECT position FROM projection_checkpoints WHERE projector = ?');
    const save = statement(
      this.db,
      `INSERT INTO projection_checkpoints (projector, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (projector) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
    this.db.transaction(() => {
      for (const projector of this.projectors) {
        const done = (checkpoint.get(projector.name) as { position: number } | undefined)?.position ?? 0;
        if (done >= last) continue;
        for (const event of events) if (event.position > done) projector.apply(event, this.db);
        save.run(projector.name, last, new Date().toISOString());
      }
    })();
    this.advanceTo(this.lowestCheckpoint());
  }

  /**
   * Drops every read model and replays the whole log into it in one read-store transaction: other readers see the old
   * models until the new ones are complete, and a live follower in another process waits on the lock, then carries on
   * from the new checkpoints. In this process, following pauses during the rebuild.
   */
  async rebuild(onProgress: (done: number, total: number) => void = () => undefined): Promise<number> {
    const wasRunning = !this.stopped;
    await this.stop();
    const total = await this.store.headPosition();
    let replayed = 0;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      statement(this.db, 'DELETE FROM projection_checkpoints').run();
      for (const projector of this.projectors) {
        projector.drop(this.db);
        projector.setup(this.db);
      }
      for (let after = 0; after < total;) {
        const page = (await this.store.readAll({ after, maxCount: REPLAY_BATCH_SIZE })).filter(
          (e) => e.position <= total,
        );
        if (page.length === 0) break;
        this.applyBatch(page);
        replayed += page.length;
        after = page[page.length - 1].position;
        onProgress(after, total);
      }
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    } finally {
      this.position = this.lowestCheckpoint();
      if (wasRunning) this.start();
    }
    return replayed;
  }

  private follow(): void {
    const after = this.lowestCheckpoint();
    this.advanceTo(after);
    this.subscription = this.store.follow({
      after,
      batchSize: REPLAY_BATCH_SIZE,
      onEvents: async (events) => this.applyBatch(events),
      onError: (error) => this.recover(error),
    });
  }

  private recover(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.lastError = { message, since: this.lastError?.since ?? new Date().toISOString() };
    this.log(`projection failed at position ${this.position + 1}, retrying: ${message}`);
    setTimeout(() => {
      if (this.stopped) return;
      this.follow();
    }, RETRY_DELAY_MS).unref();
  }

  private advanceTo(position: number): void {
    if (position > this.position) this.lastError = undefined;
    this.position = position;
    this.progress.emit('progress', position);
  }

  private lowestCheckpoint(): number {
    if (this.projectors.length === 0) return 0;
    const rows = statement(this.db, 'SELECT projector, position FROM projection_checkpoints').all() as Array<{
      projector: string;
      position: number;
    }>;
    const byName = new Map(rows.map((r) => [r.projector, r.position]));
    return Math.min(...this.projectors.map((p) => byName.get(p.name) ?? 0));
  }
}
