/**
 * Follows the global log from a checkpoint, for every adapter: reads `position > checkpoint` in batches, hands each
 * batch to `onEvents` and only then advances. When caught up it sleeps until this process commits (wake-up) or the
 * poll interval passes (commits of other processes). Correct only if positions become visible in position order,
 * which every adapter guarantees by assigning positions under its write lock.
 */
import { FollowOptions, LogPosition, RecordedEvent, Subscription } from './event-store.port';

export interface FollowableLog {
  readAfter(position: LogPosition, maxCount: number): Promise<RecordedEvent[]>;
  /** Calls the listener after each commit made through this store; answers the unsubscribe. */
  onCommit(listener: () => void): () => void;
}

export const DEFAULT_FOLLOW_BATCH_SIZE = 500;

export class LogFollower implements Subscription {
  private stopping = false;
  private wakeUpPending = false;
  private wakeWaiter: (() => void) | undefined;
  private readonly unsubscribe: () => void;
  private readonly running: Promise<void>;

  constructor(
    private readonly log: FollowableLog,
    private readonly options: FollowOptions,
    private readonly pollIntervalMs: number,
    private readonly onStopped: () => void = () => undefined,
  ) {
    assertFollowOptions(options);
    this.unsubscribe = log.onCommit(() => this.wakeUp());
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp();
    await this.running;
  }

  private async run(): Promise<void> {
    const { batchSize = DEFAULT_FOLLOW_BATCH_SIZE, onEvents } = this.options;
    let checkpoint = this.options.after;
    try {
      while (!this.stopping) {
        this.wakeUpPending = false;
        const batch = await this.log.readAfter(checkpoint, batchSize);
        if (this.stopping) return;
        if (batch.length === 0) {
          await this.sleepUntilWokenUp();
          continue;
        }
        assertFollowsCheckpoint(checkpoint, batch);
        await onEvents(batch);
        checkpoint = batch[batch.length - 1].position;
      }
    } catch (error) {
      this.reportError(error);
    } finally {
      this.stopping = true;
      this.unsubscribe();
      this.onStopped();
    }
  }

  private sleepUntilWokenUp(): Promise<void> {
    if (this.wakeUpPending || this.stopping) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wakeUp(), this.pollIntervalMs);
      this.wakeWaiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private wakeUp(): void {
    this.wakeUpPending = true;
    const waiter = this.wakeWaiter;
    this.wakeWaiter = undefined;
    waiter?.();
  }

  private reportError(error: unknown): void {
    // Never silent: a follower that stops without anyone hearing it is a projection that quietly falls behind.
    if (!this.options.onError) {
      console.error('event-store follower stopped:', error);
      return;
    }
    try {
      this.options.onError(error);
    } catch (onErrorFailure) {
      console.error('event-store follower stopped, and its onError threw:', error, onErrorFailure);
    }
  }
}

function assertFollowOptions({ after, batchSize }: FollowOptions): void {
  if (!Number.isSafeInteger(after) || after < 0)
    throw new RangeError(`follow: after must be a position ≥ 0, got ${after}`);
  if (batchSize !== undefined && (!Number.isSafeInteger(batchSize) || batchSize < 1)) {
    throw new RangeError(`follow: batchSize must be a positive integer, got ${batchSize}`);
  }
}

function assertFollowsCheckpoint(checkpoint: LogPosition, batch: RecordedEvent[]): void {
  let previous = checkpoint;
  for (const event of batch) {
    if (event.position <= previous) {
      throw new Error(`log read out of order: position ${event.position} after ${previous}`);
    }
    previous = event.position;
  }
}
