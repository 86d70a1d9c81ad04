/**
 * Group commit: requests queued during one turn of the event loop are written by one transaction (one fsync).
 * The batch writer answers one outcome per request, in order, so a request that fails alone rejects alone; when the
 * writer throws, the whole transaction failed and every request of the batch is rejected.
 *
 * Pipelining (`flushAt`, `maxInFlight` above 1): where the batch writer runs beside the deciding thread (SQLite's
 * writer thread, PostgreSQL's server), a batch goes as soon as `flushAt` requests are queued, without waiting for the
 * end of the turn, and more batches may follow while the first commits. Commands decided in one turn then overlap their commit with the
 * deciding of the rest, instead of the two threads taking turns a whole batch at a time. The writer commits the
 * batches in the order sent; commands whose streams overlap are never in flight together, since the command side
 * holds their streams' locks until its append is answered.
 */

export type RequestOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export type BatchWriter<T, R> = (requests: readonly T[]) => RequestOutcome<R>[] | Promise<RequestOutcome<R>[]>;

export interface GroupCommitOptions {
  /** Batches sent and not yet answered, at most (1: the next batch waits for the answer of the one before). */
  maxInFlight?: number;
  /** Send a batch once this many requests are queued, without waiting for the end of the turn. */
  flushAt?: number;
}

interface QueuedRequest<T, R> {
  request: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommitQueue<T, R> {
  private queued: QueuedRequest<T, R>[] = [];
  private flushScheduled = false;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly maxInFlight: number;
  private readonly flushAt: number;

  constructor(
    private readonly writeBatch: BatchWriter<T, R>,
    options: GroupCommitOptions = {},
  ) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 1);
    this.flushAt = options.flushAt ?? Number.POSITIVE_INFINITY;
  }

  enqueue(request: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queued.push({ request, resolve, reject });
      if (this.queued.length >= this.flushAt && this.inFlight.size < this.maxInFlight) void this.flush();
      else this.scheduleFlush();
    });
  }

  /** Resolves once every request queued so far has been answered. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0 || this.queued.length > 0) {
      if (this.queued.length > 0 && this.inFlight.size < this.maxInFlight) await this.flush();
      else await Promise.race(this.inFlight);
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.inFlight.size >= this.maxInFlight) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.inFlight.size < this.maxInFlight) void this.flush(); // never rejects: failures go to the batch's requests
    });
  }

  private flush(): Promise<void> {
    const batch = this.queued;
    this.queued = [];
    if (batch.length === 0) return Promise.resolve();
    const writing: Promise<void> = this.writeAndAnswer(batch).finally(() => {
      this.inFlight.delete(writing);
      if (this.queued.length > 0) this.scheduleFlush();
    });
    this.inFlight.add(writing);
    return writing;
  }

  private async writeAndAnswer(batch: QueuedRequest<T, R>[]): Promise<void> {
    let outcomes: RequestOutcome<R>[];
    try {
      outcomes = await this.writeBatch(batch.map((queued) => queued.request));
    } catch (error) {
      for (const queued of batch) queued.reject(error);
      return;
    }
    batch.forEach((queued, index) => {
      const outcome = outcomes[index];
      if (!outcome) queued.reject(new Error('the batch writer gave no outcome for this request'));
      else if (outcome.ok) queued.resolve(outcome.value);
      else queued.reject(outcome.error);
    });
  }
}
