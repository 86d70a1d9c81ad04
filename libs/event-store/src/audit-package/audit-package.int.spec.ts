/**
 * The offline audit package on a real SQLite log: written for a period, verified with nothing but its lines, and every
 * way of altering it (a changed byte, a removed, reordered or added event, a cut-off end) named at its first line.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventHash, GENESIS_HASH } from '../hash-chain';
import { SqliteEventStore } from '../sqlite/sqlite.event-store';
import { AUDIT_PACKAGE_KIND, HASH_RULE } from './audit-package.format';
import { verifyAuditPackage } from './audit-package.verifier';
import { LogDoesNotVerifyError, writeAuditPackage } from './audit-package.writer';

/** Event n (1…10) is recorded on 2025-01-n at noon UTC. */
const DAY = (n: number) => `2025-01-${String(n).padStart(2, '0')}`;
const period = (from: number, to: number) => ({ from: `${DAY(from)}T00:00:00.000Z`, to: `${DAY(to)}T23:59:59.999Z` });

async function* linesOf(lines: string[]): AsyncIterable<string> {
  yield* lines;
}

describe('the offline audit package', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-audit-package-'));
    let day = 0;
    store = SqliteEventStore.open({
      file: join(dir, 'events.sqlite'),
      clock: () => new Date(`${DAY(day)}T12:00:00.000Z`),
    });
    for (day = 1; day <= 10; day++) {
      await store.appendToStream(`consortium-${day % 3}`, 'any', [
        {
          eventId: `event-${day}`,
          type: 'ReviewRecorded',
          data: { consortiumId: `c${day % 3}`, on: DAY(day), notes: '评审通过 "quoted"\n第二行' },
          metadata: { actor: 'officer.zhang', correlationId: `corr-${day}`, causationId: 'x', commandId: `cmd-${day}` },
        },
      ]);
    }
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const packageOf = async (from: number, to: number) => {
    const lines: string[] = [];
    const summary = await writeAuditPackage(store, period(from, to), async (line) => void lines.push(line));
    return { lines, summary };
  };
  const hashAt = async (position: number) => (await store.readAll({ after: position - 1, maxCount: 1 }))[0].hash;

  it('holds the header with the anchor, the period’s events as hashed, and the head; and verifies', async () => {
    const { lines, summary } = await packageOf(4, 7);
    expect(lines).toHaveLength(1 + 4 + 1);
    const [header, ...rest] = lines.map((line) => JSON.parse(line));
    const head = rest.pop();
    expect(header).toMatchObject({
      kind: AUDIT_PACKAGE_KIND,
      format: 1,
      ...period(4, 7),
      anchor: { position: 3, hash: await hashAt(3) },
      hashRule: HASH_RULE,
    });
    expect(rest.map((event) => event.position)).toEqual([4, 5, 6, 7]);
    expect(rest[0]).toMatchObject({ kind: 'event', eventId: 'event-4', streamRevision: 1, hash: await hashAt(4) });
    expect(JSON.parse(rest[0].dataJson)).toMatchObject({ on: DAY(4) });
    expect(head).toEqual({ kind: 'head', position: 7, hash: await hashAt(7), at: period(4, 7).to, events: 4 });
    expect(summary).toEqual({ anchor: header.anchor, head: { position: 7, hash: head.hash }, events: 4 });

    await expect(verifyAuditPackage(linesOf(lines))).resolves.toEqual({
      ok: true,
      ...period(4, 7),
      anchor: header.anchor,
      head: { position: 7, hash: head.hash },
      events: 4,
    });
  });

  it('anchors the whole log at the genesis hash, and a period without events at the last event before it', async () => {
    const whole = await packageOf(1, 10);
    expect(await verifyAuditPackage(linesOf(whole.lines))).toMatchObject({
      ok: true,
      events: 10,
      anchor: { position: 0, hash: GENESIS_HASH },
    });
    const empty = await writeAuditPackage(
      store,
      { from: `${DAY(5)}T13:00:00.000Z`, to: `${DAY(6)}T11:00:00.000Z` },
      async () => undefined,
    );
    expect(empty).toEqual({
      anchor: { position: 5, hash: await hashAt(5) },
      head: { position: 5, hash: await hashAt(5) },
      events: 0,
    });
  });

  describe('names the first line that does not verify', () => {
    let lines: string[];
    beforeAll(async () => {
      ({ lines } = await packageOf(2, 9)); // line 1 the header, lines 2–9 positions 2–9, line 10 the head
    });
    const verify = (altered: string[]) => verifyAuditPackage(linesOf(altered));
    const replaced = (index: number, line: string) => lines.map((l, i) => (i === index ? line : l));

    it('one byte of an event’s data changed: that event', async () => {
      const altered = replaced(4, lines[4].replace(DAY(5), DAY(5).replace(/5$/, '6')));
      expect(await verify(altered)).toMatchObject({
        ok: false,
        line: 5,
        position: 5,
        eventId: 'event-5',
        events: 3,
        reason: expect.stringContaining('does not match its content'),
      });
    });

    it('an event altered and its hash recomputed to match: the event after it, whose hash covers the old one', async () => {
      const previous = JSON.parse(lines[3]);
      const event = JSON.parse(lines[4]);
      const altered = { ...event, dataJson: event.dataJson.replace('评审通过', '评审否决') };
      const forged = { ...altered, hash: eventHash(previous.hash, altered) };
      expect(await verify(replaced(4, JSON.stringify(forged)))).toMatchObject({ ok: false, line: 6, position: 6 });
    });

    it('an event removed: the one after the gap', async () => {
      expect(await verify(lines.filter((_, i) => i !== 4))).toMatchObject({ ok: false, line: 5, position: 6 });
    });

    it('two events swapped: the first out of place', async () => {
      const swapped = [...lines];
      [swapped[4], swapped[5]] = [swapped[5], swapped[4]];
      expect(await verify(swapped)).toMatchObject({ ok: false, line: 5, position: 6 });
    });

    it('a line that is no longer JSON: the event it held', async () => {
      const broken = replaced(3, lines[3].replace('"kind":"event",', '"kind":"event",,'));
      expect(await verify(broken)).toMatchObject({ ok: false, line: 4, position: 4, eventId: 'event-4' });
    });

    it('the last event removed, the head cut off, a line added after the head, the anchor changed', async () => {
      expect(await verify(lines.filter((_, i) => i !== 8))).toMatchObject({
        ok: false,
        line: 9,
        reason: expect.stringContaining('events are missing at the end'),
      });
      expect(await verify(lines.slice(0, -1))).toMatchObject({ ok: false, reason: expect.stringContaining('cut off') });
      expect(await verify([...lines, lines[3]])).toMatchObject({ ok: false, line: 11 });
      const header = JSON.parse(lines[0]);
      const anchored = replaced(0, JSON.stringify({ ...header, anchor: { ...header.anchor, hash: '0'.repeat(64) } }));
      expect(await verify(anchored)).toMatchObject({ ok: false, line: 2, position: 2 });
    });

    it('an empty file and a file that is no package', async () => {
      expect(await verify([])).toMatchObject({ ok: false, reason: expect.stringContaining('empty') });
      expect(await verify(['{"kind":"something-else"}'])).toMatchObject({ ok: false, line: 1 });
    });
  });

  it('refuses to export a log whose chain is broken in the period, and exports the periods before it', async () => {
    const db = new Database(join(dir, 'events.sqlite'));
    db.prepare('UPDATE events SET data = replace(data, ?, ?) WHERE position = 8').run('评审通过', '评审否决');
    db.close();
    await expect(packageOf(7, 9)).rejects.toThrow(LogDoesNotVerifyError);
    await expect(packageOf(7, 9)).rejects.toThrow('position 8');
    expect(await verifyAuditPackage(linesOf((await packageOf(1, 7)).lines))).toMatchObject({ ok: true, events: 7 });
  });
});
