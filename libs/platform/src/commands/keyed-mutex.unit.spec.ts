import { KeyedMutex } from './keyed-mutex';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedMutex', () => {
  it('runs work on one key one at a time, in arrival order', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const job = (name: string) =>
      mutex.withLocks(['k'], async () => {
        log.push(`${name} in`);
        await tick();
        log.push(`${name} out`);
      });
    await Promise.all([job('a'), job('b'), job('c')]);
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('lets work on other keys run alongside', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const job = (key: string) =>
      mutex.withLocks([key], async () => {
        log.push(`${key} in`);
        await tick();
        log.push(`${key} out`);
      });
    await Promise.all([job('x'), job('y')]);
    expect(log.slice(0, 2).sort()).toEqual(['x in', 'y in']);
  });

  it('takes several keys in one global order, so crossing requests do not deadlock, and releases on failure', async () => {
    const mutex = new KeyedMutex();
    const results = await Promise.allSettled([
      mutex.withLocks(['a', 'b'], async () => {
        await tick();
        throw new Error('boom');
      }),
      mutex.withLocks(['b', 'a'], async () => 'second'),
    ]);
    expect(results[0].status).toBe('rejected');
    expect(results[1]).toEqual({ status: 'fulfilled', value: 'second' });
    await expect(mutex.withLocks(['a'], async () => 'free again')).resolves.toBe('free again');
  });

  it('hands a released key to the first waiting, not to one that arrives as it is released', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const unlockA = await mutex.lock('k');
    const b = mutex.withLocks(['k'], async () => void log.push('b'));
    await tick();
    unlockA();
    const c = mutex.withLocks(['k'], async () => void log.push('c'));
    await Promise.all([b, c]);
    expect(log).toEqual(['b', 'c']);
  });

  it('keeps arrival order per key when key sets overlap, and every request ends', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const job = (name: string, keys: string[]) =>
      mutex.withLocks(keys, async () => {
        log.push(`${name} in`);
        await tick();
        log.push(`${name} out`);
      });
    await Promise.all([job('1', ['a', 'b']), job('2', ['c', 'b']), job('3', ['a']), job('4', ['c', 'a', 'b'])]);
    const spans = (names: string[]) => log.filter((entry) => names.includes(entry.split(' ')[0]));
    // Holders of a key never overlap, and take it in the order they asked for it.
    expect(spans(['1', '2', '4'])).toEqual(['1 in', '1 out', '2 in', '2 out', '4 in', '4 out']); // b
    expect(spans(['1', '3', '4'])).toEqual(['1 in', '1 out', '3 in', '3 out', '4 in', '4 out']); // a
    expect(log).toHaveLength(8);
  });

  it("does not hand a key over twice when lock()'s release is called again", async () => {
    const mutex = new KeyedMutex();
    const unlock = await mutex.lock('k');
    const log: string[] = [];
    const b = mutex.withLocks(['k'], async () => {
      log.push('b in');
      await tick();
      log.push('b out');
    });
    const c = mutex.withLocks(['k'], async () => void log.push('c'));
    unlock();
    unlock();
    await Promise.all([b, c]);
    expect(log).toEqual(['b in', 'b out', 'c']);
  });

  it('takes a duplicated key once', async () => {
    const mutex = new KeyedMutex();
    await expect(mutex.withLocks(['k', 'k'], async () => 'once')).resolves.toBe('once');
    await expect(mutex.withLocks(['k'], async () => 'free')).resolves.toBe('free');
  });
});
