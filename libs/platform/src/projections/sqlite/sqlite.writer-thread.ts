/**
 * The read store's writes on a thread of their own (sqlite.writer-thread.worker.ts): the engine's live batches, a
 * rebuild's (on a thread and connection of its own), and the WAL's checkpoints (on a third). `run` queues a statement
 * and returns, so the main thread goes on (serving requests, deciding commands, folding the next page of a rebuild)
 * while SQLite writes, indexes and commits. At most MAX_QUEUED statements wait (a few megabytes of rows). A queued
 * write that fails is thrown by the next `run` or call, and the thread refuses whatever follows it (a COMMIT above
 * all) until a rollback.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../threads/start-worker';
import { ColumnValue } from '../projection';
import { WriterReply, WriterRequest, WriterThreadData, revivedError } from './sqlite.writer-thread.protocol';
import { SqlRunner } from './sqlite.sql-runner';

/** Statements queued before `run` waits: 64 statements of up to 100 documents. */
const MAX_QUEUED = 64;

export type WriterThreadOptions = Omit<WriterThreadData, 'file'>;

type Sent<T extends WriterRequest = WriterRequest> = T extends unknown ? Omit<T, 'id'> : never;

interface Waiting {
  resolve: (rows: unknown[] | undefined) => void;
  reject: (error: Error) => void;
}

export class ReadStoreWriterThread implements SqlRunner {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  /** Writes sent and not yet answered. */
  private queued = 0;
  private room: (() => void) | undefined;
  /** A queued write's failure, not yet thrown. */
  private failedWrite: Error | undefined;
  /** The thread's own failure (it died): every later call fails. */
  private failure: Error | undefined;
  private readonly exited: Promise<void>;

  constructor(file: string, options: WriterThreadOptions = {}) {
    this.worker = startWorker(__dirname, 'sqlite.writer-thread.worker', {
      file,
      ...options,
    } satisfies WriterThreadData);
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // Only what it has yet to answer keeps the process alive: an idle live writer is like an idle connection.
    this.worker.unref();
    this.worker.on('message', (reply: WriterReply) => this.answered(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the read store's writer thread exited (code ${code})`)));
  }

  run(sql: string, params: ColumnValue[]): void | Promise<void> {
    return this.queue({ op: 'run', sql, params });
  }

  execLater(sql: string): void | Promise<void> {
    return this.queue({ op: 'execLater', sql });
  }

  private queue(request: Sent): void | Promise<void> {
    this.throwFailure();
    this.queued++;
    this.worker.ref();
    this.worker.postMessage({ ...request, id: this.nextId++ });
    if (this.queued < MAX_QUEUED) return;
    return new Promise<void>((resolve) => (this.room = resolve)).then(() => this.throwFailure());
  }

  async all<Row>(sql: string, params: ColumnValue[]): Promise<Row[]> {
    return (await this.call({ op: 'all', sql, params })) as Row[];
  }

  async exec(sql: string): Promise<void> {
    await this.call({ op: 'exec', sql });
  }

  /**
   * A rollback's answer comes after those of every write sent before it: a failure among them was undone with them,
   * and is not thrown by the next transaction's first write.
   */
  async rollbackTo(savepoint: string): Promise<void> {
    await this.call({ op: 'rollbackTo', savepoint });
    this.failedWrite = undefined;
  }

  async rollback(): Promise<void> {
    await this.call({ op: 'rollback' });
    this.failedWrite = undefined;
  }

  /** Checkpoints the WAL on the thread's connection (PASSIVE: what no reader still needs; it waits on no writer). */
  async checkpoint(): Promise<void> {
    await this.call({ op: 'checkpoint' });
  }

  /** Rolls back what is still open, closes the thread's connection and ends the thread. */
  async close(): Promise<void> {
    if (!this.failure) await this.call({ op: 'close' }).catch(() => undefined);
    await this.worker.terminate();
    await this.exited;
  }

  private throwFailure(): void {
    const failure = this.failure ?? this.failedWrite;
    this.failedWrite = undefined;
    if (failure) throw failure;
  }

  /** Sends a request and waits for its answer, which comes after every write queued before it. */
  private call(request: Sent): Promise<unknown[] | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ ...request, id });
    });
  }

  private answered(reply: WriterReply): void {
    const error = 'error' in reply ? revivedError(reply.error) : undefined;
    const waiting = this.waiting.get(reply.id);
    if (waiting) {
      this.waiting.delete(reply.id);
      this.unrefWhenIdle();
      if (error) waiting.reject(error);
      else waiting.resolve('rows' in reply ? reply.rows : undefined);
      return;
    }
    // A queued write: the first to fail fails the transaction.
    this.queued--;
    this.unrefWhenIdle();
    if (error) this.failedWrite ??= error;
    if (this.room && (this.queued < MAX_QUEUED / 2 || error)) {
      const room = this.room;
      this.room = undefined;
      room();
    }
  }

  private unrefWhenIdle(): void {
    if (this.waiting.size === 0 && this.queued === 0) this.worker.unref();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(this.failure);
    this.waiting.clear();
    this.room?.();
    this.room = undefined;
  }
}
