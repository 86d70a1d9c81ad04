/**
 * The idempotency store, the same cases on every adapter (SQLite and PostgreSQL): a key is claimed once — across
 * store instances, as across processes —, answered once, released for a retry, and taken over when its claim is stale.
 * Test code only.
 */
import { IdempotencyClaim, IdempotencyStore } from '../idempotency-store.port';

export interface IdempotencyStoreHarness {
  store: IdempotencyStore;
  /** Another store over the same storage (another process, as far as the store can tell), closed by `cleanup`. */
  openAnother(): Promise<IdempotencyStore>;
  cleanup(): Promise<void>;
}

const LONG = 60_000;
const answer = (fingerprint: string, status = 201) => ({
  fingerprint,
  status,
  body: { id: '联合体-1', amounts: ['100000.00'], nothing: null },
});
const tokenOf = (claim: IdempotencyClaim): string => {
  if (claim.outcome !== 'claimed') throw new Error(`expected a claim, got ${JSON.stringify(claim)}`);
  return claim.token;
};

export function idempotencyStoreContract(name: string, make: () => Promise<IdempotencyStoreHarness>): void {
  describe(`${name} — idempotency-store contract`, () => {
    let harness: IdempotencyStoreHarness;
    beforeEach(async () => {
      harness = await make();
    });
    afterEach(async () => {
      await harness.cleanup();
    });
    const store = () => harness.store;

    it('claims a new key, saves its answer, and answers it to every later claim', async () => {
      const token = tokenOf(await store().claim('finance.wang', 'k1', 'fp', LONG));
      await store().save('finance.wang', 'k1', token, answer('fp'));
      expect(await store().claim('finance.wang', 'k1', 'fp', LONG)).toEqual({
        outcome: 'answered',
        answer: answer('fp'),
      });
      expect(await store().claim('finance.wang', 'k1', 'other', LONG)).toEqual({
        outcome: 'answered',
        answer: answer('fp'),
      });
    });

    it('a held key is in flight for everyone else, with the holder’s fingerprint; keys are per actor', async () => {
      tokenOf(await store().claim('finance.wang', 'k1', 'fp-1', LONG));
      expect(await store().claim('finance.wang', 'k1', 'fp-2', LONG)).toEqual({
        outcome: 'in-flight',
        fingerprint: 'fp-1',
      });
      expect((await store().claim('officer.zhang', 'k1', 'fp-2', LONG)).outcome).toBe('claimed');
    });

    it('a released claim leaves the key free for the next request', async () => {
      const token = tokenOf(await store().claim('a', 'k', 'fp', LONG));
      await store().release('a', 'k', token);
      expect((await store().claim('a', 'k', 'fp', LONG)).outcome).toBe('claimed');
    });

    it('a stale claim is taken over; its old holder can then neither end the new claim nor replace the answer', async () => {
      const old = tokenOf(await store().claim('a', 'k', 'fp', LONG));
      await new Promise((resolve) => setTimeout(resolve, 30));
      const taken = tokenOf(await store().claim('a', 'k', 'fp', 10));
      expect(taken).not.toBe(old);
      await store().release('a', 'k', old);
      expect((await store().claim('a', 'k', 'fp', LONG)).outcome).toBe('in-flight');
      await store().save('a', 'k', taken, answer('fp', 201));
      await store().save('a', 'k', old, answer('fp', 422));
      expect(await store().claim('a', 'k', 'fp', LONG)).toEqual({ outcome: 'answered', answer: answer('fp', 201) });
    });

    it('across two stores on one storage (two processes), 24 simultaneous claims of one key: exactly one holds it', async () => {
      const other = await harness.openAnother();
      const claims = await Promise.all(
        Array.from({ length: 24 }, (_, i) => (i % 2 ? other : store()).claim('a', 'race', 'fp', LONG)),
      );
      expect(claims.filter((c) => c.outcome === 'claimed')).toHaveLength(1);
      expect(claims.filter((c) => c.outcome === 'in-flight')).toHaveLength(23);
      const token = tokenOf(claims.find((c) => c.outcome === 'claimed')!);
      const holder = claims.indexOf(claims.find((c) => c.outcome === 'claimed')!) % 2 ? other : store();
      await holder.save('a', 'race', token, answer('fp'));
      expect(await other.claim('a', 'race', 'fp', LONG)).toEqual({ outcome: 'answered', answer: answer('fp') });
      expect(await store().claim('a', 'race', 'fp', LONG)).toEqual({ outcome: 'answered', answer: answer('fp') });
    });
  });
}
