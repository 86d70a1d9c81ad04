/**
 * The idempotency store, the same cases on every adapter (SQLite and PostgreSQL): a key is claimed once — across
 * store instances, as across processes —, answered once, released for a retry, and taken over when its claim is stale.
 * Test code only.
 */
import { spawnSync } from 'node:child_process';
import { THIS_PROCESS } from '../claim-holder';
import { IdempotencyClaim, IdempotencyStore } from '../idempotency-store.port';

export interface IdempotencyStoreHarness {
  store: IdempotencyStore;
  /**
   * Another store over the same storage (another process, as far as the store can tell), closed by `cleanup`; its
   * claims name `holder` (claim-holder.ts) when given.
   */
  openAnother(holder?: string): Promise<IdempotencyStore>;
  cleanup(): Promise<void>;
}

const LONG = 60_000;
const answer = (fingerprint: string, status = 201) => ({
  fingerprint,
  status,
  body: { id: '联合体-1', amounts: ['100000.00'], nothing: null },
});
/** A process of this host that has run and exited: its pid names no running process now. */
function goneProcess(): string {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  const [host] = THIS_PROCESS.split('|');
  return `${host}|${pid}|${Date.now() - 1000}`;
}

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

    it('a claim whose holder process has died (on this host) is taken over at once, not after it is stale', async () => {
      const died = await harness.openAnother(goneProcess());
      tokenOf(await died.claim('a', 'k', 'fp', LONG));
      const taken = tokenOf(await store().claim('a', 'k', 'fp', LONG));
      await store().save('a', 'k', taken, answer('fp'));
      expect(await died.claim('a', 'k', 'fp', LONG)).toEqual({ outcome: 'answered', answer: answer('fp') });
    });

    it('so is a claim of an earlier life of this very pid (a restarted container’s pid 1)', async () => {
      const [host, pid, started] = THIS_PROCESS.split('|');
      const earlier = await harness.openAnother(`${host}|${pid}|${Number(started) - 60_000}`);
      tokenOf(await earlier.claim('a', 'k', 'fp', LONG));
      tokenOf(await store().claim('a', 'k', 'fp', LONG));
    });

    it('a claim of a running process, or of another host, stays in flight until it is stale', async () => {
      const [host] = THIS_PROCESS.split('|');
      const running = await harness.openAnother(`${host}|${process.ppid}|1`);
      const elsewhere = await harness.openAnother(`another-host|1|1`);
      tokenOf(await running.claim('a', 'k1', 'fp', LONG));
      tokenOf(await elsewhere.claim('a', 'k2', 'fp', LONG));
      expect((await store().claim('a', 'k1', 'fp', LONG)).outcome).toBe('in-flight');
      expect((await store().claim('a', 'k2', 'fp', LONG)).outcome).toBe('in-flight');
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
