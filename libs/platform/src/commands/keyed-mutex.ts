/**
 * In-process locks by key. Commands touching the same consistency boundary queue behind each other instead of
 * racing to a version conflict; expected revisions still guard against other processes.
 *
 * A held key keeps the queue of those waiting for it, first come first served; a free key is taken at once, without a
 * promise. Every command takes a few keys (a grant three), most of them free: a chain of promises a key (three and an
 * async function each) was ~4 KB of garbage a grant on SLW-1's command path.
 */
export class KeyedMutex {
  /** Held keys → who waits for each, in arrival order. A free key is not in the map. */
  private readonly held = new Map<string, Array<() => void>>();

  async withLocks<T>(keys: string[], work: () => Promise<T>): Promise<T> {
    const ordered = orderedOnce(keys); // one global order: no deadlock between two commands
    let taken = 0;
    try {
      for (; taken < ordered.length; taken++) {
        const waiting = this.take(ordered[taken]);
        if (waiting !== undefined) await waiting;
      }
      return await work();
    } finally {
      while (taken > 0) this.release(ordered[--taken]);
    }
  }

  /** Waits for the key and holds it until the returned function is called: for work that ends in another callback. */
  async lock(key: string): Promise<() => void> {
    const waiting = this.take(key);
    if (waiting !== undefined) await waiting;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(key);
    };
  }

  /** Takes a free key now (undefined), or queues for it: the promise resolves once it was handed over. */
  private take(key: string): Promise<void> | undefined {
    const queue = this.held.get(key);
    if (queue === undefined) {
      this.held.set(key, []);
      return undefined;
    }
    return new Promise<void>((handOver) => queue.push(handOver));
  }

  /** Hands the key to the first in its queue (who holds it from now), or frees it. */
  private release(key: string): void {
    const queue = this.held.get(key)!;
    const next = queue.shift();
    if (next === undefined) this.held.delete(key);
    else next();
  }
}

/** The keys sorted, each once. */
function orderedOnce(keys: string[]): string[] {
  if (keys.length < 2) return keys;
  const sorted = keys.slice().sort();
  let kept = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[kept - 1]) sorted[kept++] = sorted[i];
  sorted.length = kept;
  return sorted;
}
