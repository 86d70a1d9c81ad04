import type { Worker } from 'node:worker_threads';
import { GroupCommitQueue } from '@ledger/event-store';
import { revivedError } from '../../projections/sqlite/sqlite.writer-thread.protocol';
import { startWorker } from '../../threads/start-worker';
import { newClaimToken, THIS_PROCESS } from '../claim-holder';
import { IdempotencyClaim, IdempotencyStore, SavedAnswer } from '../idempotency-store.port';
import type {
  IdempotencyOperation,
  IdempotencyReply,
  IdempotencyRequest,
  OperationResult,
} from './sqlite.idempotency-protocol';

interface Waiting {
  resolve: (results: OperationResult[]) => void;
  reject: (error: Error) => void;
}

/**
 * The embedded default: `idempotency.sqlite` in the data directory (WAL, synchronous=FULL), written on a thread of
 * its own (sqlite.idempotency-worker.ts). The claims and answers of one turn of the event loop go as one message and
 * are applied by one transaction, with those that arrive while the one before commits: a keyed request waits for a
 * shared fsync once, its answer's (a transaction of claims alone is not synced: sqlite.idempotency-table.ts), and the
 * main thread waits for none. (Until 2026-12 each was its own
 * transaction on the main thread: two fsyncs a request that held up every other request meanwhile, and keyed filings
 * ran at half the rate of unkeyed ones.) Processes sharing the file see claims and answers whole.
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly operations: GroupCommitQueue<IdempotencyOperation, OperationResult>;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private failure: Error | undefined;
  private closing: Promise<void> | undefined;
  /** Settles once the thread has opened the file (or could not). */
  private readonly started: Promise<void>;

  /** Opens the file (creating its tables) on the store's thread; rejects when it cannot. */
  static async open(file: string, holder: string = THIS_PROCESS): Promise<SqliteIdempotencyStore> {
    const worker = startWorker(__dirname, 'sqlite.idempotency-worker', { file });
    const store = new SqliteIdempotencyStore(worker, holder);
    try {
      await store.started;
    } catch (error) {
      await worker.terminate(); // a thread that could not open the file is of no use, and would keep the process alive
      throw error;
    }
    return store;
  }

  /** `holder`: who this store's claims name (claim-holder.ts); this process unless a test plays another. */
  private constructor(
    private readonly worker: Worker,
    private readonly holder: string,
  ) {
    this.started = new Promise<void>((resolve, reject) => {
      this.worker.once('message', (reply: IdempotencyReply) => {
        if (!('ready' in reply)) return;
        if (reply.ready) resolve();
        else reject(revivedError(reply.error));
      });
      this.worker.once('error', reject);
    });
    // Once open, only what it has yet to answer keeps the process alive: an idle store is like an idle connection.
    this.started.then(
      () => this.waiting.size === 0 && this.worker.unref(),
      () => undefined, // open() reports it
    );
    this.worker.on('message', (reply: IdempotencyReply) => this.answered(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the idempotency store's thread exited (code ${code})`)));
    this.operations = new GroupCommitQueue((batch) => this.send(batch), {
      maxInFlight: Number.POSITIVE_INFINITY,
    });
  }

  async claim(actor: string, key: string, fingerprint: string, staleAfterMs: number): Promise<IdempotencyClaim> {
    const now = Date.now();
    const { holder } = this;
    const token = newClaimToken(holder);
    const result = await this.apply({
      op: 'claim',
      actor,
      key,
      fingerprint,
      token,
      holder,
      now,
      staleBefore: now - staleAfterMs,
    });
    if (result.outcome !== 'answered') return result as IdempotencyClaim;
    const { fingerprint: answeredTo, status, bodyJson } = result;
    return { outcome: 'answered', answer: { fingerprint: answeredTo, status, body: JSON.parse(bodyJson) } };
  }

  async save(actor: string, key: string, token: string, answer: SavedAnswer): Promise<void> {
    const { fingerprint, status } = answer;
    const bodyJson = JSON.stringify(answer.body ?? null);
    await this.apply({
      op: 'save',
      actor,
      key,
      token,
      fingerprint,
      status,
      bodyJson,
      savedAt: new Date().toISOString(),
    });
  }

  async release(actor: string, key: string, token: string): Promise<void> {
    await this.apply({ op: 'release', actor, key, token });
  }

  /** Applies what was sent, then stops the thread. */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    await this.operations.drain();
    if (this.failure) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage('close');
    await exited;
  }

  private apply(operation: IdempotencyOperation): Promise<OperationResult> {
    if (this.closing) return Promise.reject(new Error('the idempotency store is closed'));
    return this.operations.enqueue(operation);
  }

  private send(operations: readonly IdempotencyOperation[]): Promise<{ ok: true; value: OperationResult }[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<OperationResult[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, operations } satisfies IdempotencyRequest);
    }).then((results) => results.map((value) => ({ ok: true as const, value })));
  }

  private answered(reply: IdempotencyReply): void {
    if ('ready' in reply) return;
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if (!waiting) return;
    if ('error' in reply) waiting.reject(revivedError(reply.error));
    else waiting.resolve(reply.results);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(this.failure);
    this.waiting.clear();
  }
}
