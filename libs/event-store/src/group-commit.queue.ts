/**
 * Group commit: requests queued during one turn of the event loop are written by one transaction (one fsync).
 * The batch writer answers one outcome per request, in order, so a request that fails alone rejects alone; when the
 * writer throws, the whole transaction failed and every request of the batch is rejected.
 */

export type RequestOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export type BatchWriter<T, R> = (requests: readonly T[]) => RequestOutcome<R>[] | Promise<RequestOutcome<R>[]>;

interface QueuedRequest<T, R> {
  request: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommitQueue<T, R> {
  private queued: QueuedRequest<T, R>[] = [];
  private flushScheduled = false;
  private flushing: Promise<void> | undefined;

  constructor(private readonly writeBatch: BatchWriter<T, R>) {}

  enqueue(request: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queued.push({ request, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Resolves once every request queued so far has been answered. */
  async drain(): Promise<void> {
    while (this.flushing || this.queued.length > 0) {
      if (this.flushing) await this.flushing;
      else await this.flush();
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.flushing) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush(); // never rejects: every failure is answered to the requests of the batch
    });
  }

  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    const batch = this.queued;
    this.queued = [];
    if (batch.length === 0) return Promise.resolve();
    this.flushing = this.writeAndAnswer(batch).finally(() => {
      this.flushing = undefined;
      if (this.queued.length > 0) this.scheduleFlush();
    });
    return this.flushing;
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
