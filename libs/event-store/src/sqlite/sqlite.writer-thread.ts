/**
 * The main thread's handle on the SQLite writer thread (sqlite.writer-worker.ts): batches as the group-commit queue
 * hands them over, without waiting for the ones before (the thread writes those that wait together); each batch's
 * outcomes come back in order. The thread's own failure (it cannot open the file, it died) fails every batch in
 * flight and every later one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppendResult } from '../event-store.port';
import type { RequestOutcome } from '../group-commit.queue';
import { encodeBatch } from './sqlite.batch-encoding';
import type { PreparedRequest } from './sqlite.batch-writer';
import { revivedError, WriterReply, WriterRequest, WriterThreadOptions } from './sqlite.writer-protocol';

interface Pending {
  resolve: (outcomes: RequestOutcome<AppendResult>[]) => void;
  reject: (error: unknown) => void;
}

export class SqliteWriterThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly ready: Promise<void>;
  private nextId = 1;
  private failure: Error | undefined;

  constructor(options: WriterThreadOptions) {
    this.worker = startWorker(options);
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
    });
    this.worker.on('message', (reply: WriterReply | { ready: true }) => {
      if ('ready' in reply) return;
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!pending) return;
      if ('failure' in reply) pending.reject(revivedError(reply.failure));
      else
        pending.resolve(
          reply.outcomes.map((outcome) => (outcome.ok ? outcome : { ok: false, error: revivedError(outcome.error) })),
        );
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the SQLite writer thread exited (code ${code})`)));
  }

  /** Waits until the thread has opened the file (and created nothing: the schema is the main connection's job). */
  async started(): Promise<void> {
    await this.ready;
  }

  async write(batch: readonly PreparedRequest[], now: string): Promise<RequestOutcome<AppendResult>[]> {
    return this.send((id) => ({ kind: 'write', id, batch: encodeBatch(batch), now }));
  }

  /** Checkpoints the WAL on the thread once it has written what was sent before (PASSIVE: it waits on no one). */
  async checkpoint(): Promise<void> {
    await this.send((id) => ({ kind: 'checkpoint', id }));
  }

  private async send(request: (id: number) => WriterRequest): Promise<RequestOutcome<AppendResult>[]> {
    await this.ready;
    if (this.failure) throw this.failure;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(request(id));
    });
  }

  async close(): Promise<void> {
    if (this.failure) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ kind: 'close' } satisfies WriterRequest);
    await exited;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(this.failure);
    this.pending.clear();
  }
}

/**
 * The compiled entry next to this file (dist/, .build/); from the TypeScript sources (the tests), the same entry
 * compiled on the fly with the build's options.
 */
function startWorker(workerData: WriterThreadOptions): Worker {
  const compiled = join(__dirname, 'sqlite.writer-worker.js');
  if (existsSync(compiled)) return new Worker(compiled, { workerData });
  const register = join(__dirname, '..', '..', '..', '..', 'scripts', 'register-ts.js');
  const source = join(__dirname, 'sqlite.writer-worker.ts');
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(source)});`, {
    eval: true,
    workerData,
  });
}
