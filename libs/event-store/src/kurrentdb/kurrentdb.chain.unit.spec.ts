import fc from 'fast-check';
import { ChainedEventContent, eventHash, GENESIS_HASH, verifyHashChain } from '../hash-chain';
import {
  ChainHead,
  chainHeadData,
  ChainWalkVerifier,
  extendChain,
  GENESIS_STATE,
  headsDue,
  parseChainHead,
} from './kurrentdb.chain';

/** A log as KurrentDB numbers it: positions that grow by uneven steps (byte offsets), not 1, 2, 3. */
function aLog(count: number, firstPosition = 4_096): ChainedEventContent[] {
  let position = firstPosition;
  return Array.from({ length: count }, (_, index) => {
    position += 137 + ((index * 53) % 401);
    return {
      position,
      streamId: `grant-${index % 3}`,
      streamRevision: Math.floor(index / 3),
      eventId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      type: 'subsidy.granted',
      schemaVersion: 1,
      dataJson: JSON.stringify({ index, amountFen: index * 100 }),
      metadataJson: JSON.stringify({ actor: 'a', correlationId: 'c', causationId: 'c', commandId: `cmd-${index}` }),
      recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
    };
  });
}

/** What a chain follower records over the whole log, in batches of `batch` events. */
function headsRecordedOver(log: ChainedEventContent[], every: number, batch: number): ChainHead[] {
  let state = GENESIS_STATE;
  const heads: ChainHead[] = [];
  for (let start = 0; start < log.length; start += batch) {
    const step = headsDue(state, log.slice(start, start + batch), every);
    heads.push(...step.heads);
    state = step.state;
  }
  return heads;
}

function verifyWalk(log: ChainedEventContent[], heads: ChainHead[], page = 7) {
  const verifier = new ChainWalkVerifier(heads);
  for (let start = 0; start < log.length; start += page) {
    const failure = verifier.verify(log.slice(start, start + page));
    if (failure) return failure;
  }
  return verifier.finish();
}

describe('the KurrentDB hash chain (pure)', () => {
  describe('chaining', () => {
    it('links each event to its predecessor with the shared eventHash, so the SQL stores’ verifier accepts it', async () => {
      const log = aLog(12);

      const { links, state } = extendChain(GENESIS_STATE, log);

      let previous = GENESIS_HASH;
      for (const link of links) {
        expect(link.hash).toBe(eventHash(previous, link));
        previous = link.hash;
      }
      expect(state).toEqual({ count: 12, position: log[11].position, hash: previous });
      const renumbered = extendChain(
        GENESIS_STATE,
        log.map((event, index) => ({ ...event, position: index + 1 })),
      ).links;
      const after = (position: number, limit: number) =>
        renumbered.filter((e) => e.position > position).slice(0, limit);
      expect(await verifyHashChain(async (position, limit) => after(position, limit))).toEqual({
        ok: true,
        checked: 12,
        head: { position: 12, hash: renumbered[11].hash, recordedAt: renumbered[11].recordedAt },
      });
    });

    it('refuses events out of log order', () => {
      const log = aLog(3);
      expect(() => extendChain(GENESIS_STATE, [log[1], log[0]])).toThrow(/out of order/);
      expect(() => extendChain(extendChain(GENESIS_STATE, log).state, [log[2]])).toThrow(/out of order/);
    });
  });

  describe('heads to record', () => {
    it('records a head after every N-th event of the log: its count, position and hash', () => {
      const log = aLog(10);
      const { links } = extendChain(GENESIS_STATE, log);

      const { heads, state } = headsDue(GENESIS_STATE, log, 4);

      expect(heads).toEqual([
        { count: 4, position: log[3].position, hash: links[3].hash, every: 4 },
        { count: 8, position: log[7].position, hash: links[7].hash, every: 4 },
      ]);
      expect(state.count).toBe(10);
    });

    it('records the same heads however the log is cut into batches (a follower may stop and resume anywhere)', () => {
      const log = aLog(40);
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 9 }), (batch, every) => {
          expect(headsRecordedOver(log, every, batch)).toEqual(headsRecordedOver(log, every, log.length));
        }),
      );
    });

    it('continues from a recorded head as from the events before it', () => {
      const log = aLog(12);
      const [firstHead] = headsDue(GENESIS_STATE, log.slice(0, 5), 5).heads;

      expect(headsDue(firstHead, log.slice(5), 5).heads).toEqual(headsDue(GENESIS_STATE, log, 5).heads.slice(1));
    });

    it('refuses an interval below 1', () => {
      expect(() => headsDue(GENESIS_STATE, aLog(2), 0)).toThrow(RangeError);
    });

    it('writes and reads a head as the chain stream keeps it, refusing anything else there', () => {
      const head: ChainHead = { count: 8, position: 9_001, hash: 'ab'.repeat(32), every: 4 };

      expect(parseChainHead(JSON.parse(JSON.stringify(chainHeadData(head))), 'r0')).toEqual(head);
      for (const wrong of [undefined, {}, { ...head, hash: 'xyz' }, { ...head, every: 0 }, { ...head, count: -1 }]) {
        expect(() => parseChainHead(wrong, 'revision 3')).toThrow(/revision 3 is not a chain head/);
      }
    });
  });

  describe('verifying a walk of the log against the recorded heads', () => {
    const log = aLog(23);
    const heads = headsRecordedOver(log, 5, 3); // heads after events 5, 10, 15, 20

    it('an untouched log verifies, every event walked', () => {
      expect(heads.map((head) => head.count)).toEqual([5, 10, 15, 20]);
      expect(verifyWalk(log, heads)).toEqual({
        ok: true,
        checked: 23,
        head: {
          position: log[22].position,
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
          recordedAt: log[22].recordedAt,
        },
      });
      expect(verifyWalk([], [])).toEqual({ ok: true, checked: 0 });
    });

    it('a changed event is found at the next head, reported at the first position after the last matching head', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 19 }), (changed) => {
          const tampered = log.map((event, index) =>
            index === changed ? { ...event, dataJson: JSON.stringify({ index, amountFen: 99_999_999 }) } : event,
          );
          const windowStart = Math.floor(changed / 5) * 5;

          const result = verifyWalk(tampered, heads);

          expect(result).toMatchObject({
            ok: false,
            checked: windowStart,
            firstBrokenPosition: log[windowStart].position,
          });
          expect(result.reason).toMatch(new RegExp(`chain head ${windowStart + 5} records position`));
        }),
      );
    });

    it('a removed event is found where the walk passes the next head’s position short of its count', () => {
      const removed = log.filter((_, index) => index !== 7);

      expect(verifyWalk(removed, heads)).toMatchObject({ ok: false, checked: 5, firstBrokenPosition: log[5].position });
    });

    it('an inserted event is found at the next head', () => {
      const inserted = [...log.slice(0, 12), { ...log[12], position: log[11].position + 1 }, ...log.slice(12)];

      expect(verifyWalk(inserted, heads)).toMatchObject({
        ok: false,
        checked: 10,
        firstBrokenPosition: log[10].position,
      });
    });

    it('a log cut short of a recorded head is broken', () => {
      const result = verifyWalk(log.slice(0, 13), heads);

      expect(result).toMatchObject({ ok: false, checked: 10, firstBrokenPosition: log[10].position });
      expect(result.reason).toMatch(/the log ends after 13 events/);
    });

    it('a changed event after the last head is not covered yet', () => {
      const tampered = log.map((event, index) => (index === 21 ? { ...event, dataJson: '{"changed":true}' } : event));

      expect(verifyWalk(tampered, heads)).toMatchObject({ ok: true, checked: 23 });
    });

    it('a head removed from, or forged into, the chain stream breaks the chain', () => {
      expect(verifyWalk(log, [heads[0], heads[2], heads[3]])).toMatchObject({ ok: false, checked: 0 });
      expect(verifyWalk(log, [heads[0], { ...heads[1], hash: 'f'.repeat(64) }, heads[2]])).toMatchObject({
        ok: false,
        checked: 5,
        firstBrokenPosition: log[5].position,
      });
    });

    it('events out of order are broken', () => {
      const swapped = [...log.slice(0, 3), log[4], log[3], ...log.slice(5)];

      expect(verifyWalk(swapped, heads)).toMatchObject({ ok: false, firstBrokenPosition: log[3].position });
    });
  });
});
