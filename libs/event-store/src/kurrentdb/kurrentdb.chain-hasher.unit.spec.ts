/**
 * The hasher's walk over a log held in an array. Its page source is a plain function (what KurrentDbLogReader's
 * readAfter answers); nothing here stands in for KurrentDB or its client.
 */
import { LogPosition } from '../event-store.port';
import { extendChain, GENESIS_STATE, headsDue } from './kurrentdb.chain';
import { ChainHasher } from './kurrentdb.chain-hasher';
import { ChainStates } from './kurrentdb.chain-states';
import { StoredLedgerEvent } from './kurrentdb.event-mapping';

function aLog(count: number): StoredLedgerEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const metadata = { actor: 'a', correlationId: 'c', causationId: 'c', commandId: `cmd-${index}` };
    const data = { index };
    return {
      position: 1_000 + index * 173,
      streamId: `s-${index % 4}`,
      streamRevision: Math.floor(index / 4),
      eventId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      type: 't',
      schemaVersion: 1,
      data,
      dataJson: JSON.stringify(data),
      metadata,
      metadataJson: JSON.stringify(metadata),
      recordedAt: '2026-01-01T00:00:00.000Z',
    };
  });
}

function hasherOver(log: StoredLedgerEvent[], recordedHeads: { count: number; position: number; hash: string }[] = []) {
  const reads: LogPosition[] = [];
  const states = new ChainStates();
  const hasher = new ChainHasher({
    states,
    readAfter: (after, maxCount) => {
      reads.push(after);
      return Promise.resolve(log.filter((event) => event.position > after).slice(0, maxCount));
    },
    refreshHeads: () => {
      for (const head of recordedHeads) states.addHead(head);
      return Promise.resolve();
    },
  });
  return { hasher, reads };
}

describe('hashing events read at random', () => {
  const log = aLog(1_200);
  const expected = extendChain(GENESIS_STATE, log).links.map((link) => link.hash);

  it('gives every event of a page the hash the whole chain gives it', async () => {
    const { hasher } = hasherOver(log);

    const hashed = await hasher.withHashes(log.slice(600, 900));

    expect(hashed.map((event) => event.hash)).toEqual(expected.slice(600, 900));
  });

  it('gives scattered events (a stream read) their hashes, in the order asked', async () => {
    const { hasher } = hasherOver(log);
    const stream = log.filter((event) => event.streamId === 's-3').reverse();

    const hashed = await hasher.withHashes(stream);

    expect(hashed.map((event) => [event.eventId, event.hash])).toEqual(
      stream.map((event) => [event.eventId, expected[log.indexOf(event)]]),
    );
  });

  it('starts its walk from the latest recorded head before the events', async () => {
    const heads = headsDue(GENESIS_STATE, log, 250).heads;
    const { hasher, reads } = hasherOver(log, heads);

    const hashed = await hasher.withHashes([log[1_100]]);

    expect(hashed[0].hash).toBe(expected[1_100]);
    expect(reads).toEqual([heads[3].position]); // the head after event 1000, then one page
  });

  it('remembers where it walked: reading on from there costs no walk from the start', async () => {
    const { hasher, reads } = hasherOver(log);
    await hasher.withHashes(log.slice(0, 10));
    reads.length = 0;

    const next = await hasher.withHashes(log.slice(10, 20));

    expect(next.map((event) => event.hash)).toEqual(expected.slice(10, 20));
    expect(reads.every((after) => after >= log[9].position)).toBe(true);
  });

  it('chains a page read right after a known state on from it, reading nothing more', async () => {
    const { hasher, reads } = hasherOver(log);

    const first = await hasher.withHashesAfter(0, log.slice(0, 300));
    const second = await hasher.withHashesAfter(log[299].position, log.slice(300, 600));

    expect([...first, ...second].map((event) => event.hash)).toEqual(expected.slice(0, 600));
    expect(reads).toEqual([]);
  });

  it('walks to a page read after a state it does not know', async () => {
    const { hasher, reads } = hasherOver(log);

    const page = await hasher.withHashesAfter(log[699].position, log.slice(700, 710));

    expect(page.map((event) => event.hash)).toEqual(expected.slice(700, 710));
    expect(reads.length).toBeGreaterThan(0);
  });

  it('refuses an event the log does not have', async () => {
    const { hasher } = hasherOver(log.slice(0, 10));

    await expect(hasher.withHashes([log[50]])).rejects.toThrow(/no event at position/);
  });
});
