import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, SqliteEventStore } from '@ledger/event-store';
import { ConflictRetriesExhaustedException } from '../http/ledger-errors';
import { CommandRunner, MAX_CONFLICT_RETRIES } from './command-runner';

const event = (type: string) => ({
  eventId: `${type}-${Math.random()}`,
  type,
  data: {},
  metadata: { actor: 't', correlationId: 'c', causationId: 'c', commandId: 'c' },
});

/** The runner against a real SQLite file, with a second store on the same file standing in for another process. */
describe('CommandRunner', () => {
  let dir: string;
  let store: EventStore;
  let otherProcess: EventStore;
  let runner: CommandRunner;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'runner-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    otherProcess = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    runner = new CommandRunner(store);
  });
  afterEach(async () => {
    await store.close();
    await otherProcess.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('retries from a fresh read when another process wins the race, and succeeds', async () => {
    let attempts = 0;
    const result = await runner.run(['s'], async (s) => {
      attempts++;
      const revision = await s.streamRevision('s');
      if (attempts === 1) await otherProcess.appendToStream('s', 'any', [event('Other')]);
      return s.appendToStream('s', revision, [event('Mine')]);
    });
    expect(attempts).toBe(2);
    expect((await store.readStream('s')).map((e) => e.type)).toEqual(['Other', 'Mine']);
    expect(result.nextRevisions.s).toBe(1);
  });

  it('gives up with a conflict (409) when the other process keeps winning, having recorded nothing', async () => {
    let attempts = 0;
    const outcome = runner.run(['s'], async (s) => {
      attempts++;
      const revision = await s.streamRevision('s');
      await otherProcess.appendToStream('s', 'any', [event('Other')]);
      return s.appendToStream('s', revision, [event('Mine')]);
    });
    await expect(outcome).rejects.toBeInstanceOf(ConflictRetriesExhaustedException);
    expect(attempts).toBe(MAX_CONFLICT_RETRIES + 1);
    expect((await store.readStream('s')).every((e) => e.type === 'Other')).toBe(true);
  });

  it('queues commands on the same stream behind each other in this process: no conflicts at all', async () => {
    let attempts = 0;
    await Promise.all(
      Array.from({ length: 50 }, () =>
        runner.run(['hot'], async (s) => {
          attempts++;
          const revision = await s.streamRevision('hot');
          return s.appendToStream('hot', revision, [event('Tick')]);
        }),
      ),
    );
    expect(attempts).toBe(50);
    expect(await store.streamRevision('hot')).toBe(49);
  });
});
