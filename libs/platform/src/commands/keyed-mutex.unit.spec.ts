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
});
