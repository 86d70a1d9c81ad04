import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, SqliteEventStore } from '@ledger/event-store';
import { ConflictRetriesExhaustedException } from '../http/ledger-errors';
import { CommandRunner, MAX_CONFLICT_RETRIES } from './command-runner';
import { foldStream } from './stream-reader';

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

  describe('streams known not to exist (folded without a read once the log’s stream ids are learned)', () => {
    type Tick = { type: string; data: { by?: number } };
    const total = (sum: number, e: Tick) => sum + (e.data.by ?? 0);
    const ticked = (by: number, eventId: string, commandId = eventId) => ({
      ...event('Tick'),
      eventId,
      data: { by },
      metadata: { ...event('Tick').metadata, commandId },
    });
    /** A command that needs 10 on stream s and records one more: refused below 10. */
    const spendTen = async (s: EventStore) => {
      const folded = await foldStream(s, 's', total, 0, 'c');
      if (folded.recordedByCommandAt !== undefined) return { repeatAt: folded.recordedByCommandAt };
      if (folded.state < 10) throw new Error('refused: fewer than 10'); // any error but a conflict, as a refusal is
      return s.appendToStreams([
        {
          streamId: 's',
          expectedRevision: folded.revision === -1 ? 'no-stream' : folded.revision,
          events: [ticked(1, 'spent')],
        },
      ]);
    };

    /** A command that folds s and records what it saw on another stream only; answers the states its attempts saw. */
    const foldingSAndWritingElsewhere = async () => {
      const seen: number[] = [];
      await runner.run(['s'], async (st) => {
        const folded = await foldStream(st, 's', total, 0);
        seen.push(folded.state);
        return st.appendToStream('elsewhere', 'any', [ticked(folded.state, `seen-${seen.length}`)]);
      });
      return seen;
    };

    beforeEach(async () => {
      await store.appendToStream('other-stream', 'no-stream', [event('Seen')]);
      await runner.learnStreamIds();
    });

    it('a guess its append confirms: decided once, without reading the stream', async () => {
      const reads = jest.spyOn(store, 'readStream');
      let attempts = 0;
      await runner.run(['s'], async (s) => {
        attempts++;
        const folded = await foldStream(s, 's', total, 0);
        return s.appendToStreams([
          { streamId: 's', expectedRevision: 'no-stream', events: [ticked(folded.state + 1, 'first')] },
        ]);
      });
      expect(attempts).toBe(1);
      expect(reads).not.toHaveBeenCalled();
      expect((await store.readStream('s')).map((e) => e.data)).toEqual([{ by: 1 }]);
    });

    it('a refusal decided on a guess is decided again from the stream as another process left it', async () => {
      await otherProcess.appendToStream('s', 'no-stream', [ticked(10, 'ten')]);
      const result = await runner.run(['s'], spendTen);
      expect(result).toMatchObject({ nextRevisions: { s: 1 } });
    });

    it('a command another process recorded, repeated: answered as the repeat, not decided again on the guess', async () => {
      await otherProcess.appendToStream('s', 'no-stream', [ticked(1, 'spent', 'c')]);
      // On the guess (nothing on s) the command is refused; its append, had it been accepted, an idempotent repeat.
      expect(await runner.run(['s'], spendTen)).toEqual({ repeatAt: 2 }); // position 1 is other-stream’s
    });

    it('an append answered as an idempotent repeat does not confirm a guess: answered from the stream as recorded', async () => {
      await otherProcess.appendToStream('s', 'no-stream', [ticked(1, 'spent', 'c')]);
      const record = async (s: EventStore) => {
        const folded = await foldStream(s, 's', total, 0, 'c');
        if (folded.recordedByCommandAt !== undefined) return { repeatAt: folded.recordedByCommandAt };
        return s.appendToStreams([{ streamId: 's', expectedRevision: 'no-stream', events: [ticked(1, 'spent', 'c')] }]);
      };
      expect(await runner.run(['s'], record)).toEqual({ repeatAt: 2 });
    });

    it('an append that does not name a guessed stream checks it: refuted, it is decided again, reading it', async () => {
      await otherProcess.appendToStream('s', 'no-stream', [ticked(4, 'four')]);
      const seen = await foldingSAndWritingElsewhere();
      expect(seen).toEqual([0, 4]);
      expect((await store.readStream('elsewhere')).map((e) => e.data)).toEqual([{ by: 4 }]);
    });

    it.each([
      ['any', 'is made to expect no stream'],
      ['stream-exists', 'fails as it would on no stream'],
    ] as const)('an append naming a guessed stream with %s %s: decided again, reading it', async (expected, _how) => {
      await otherProcess.appendToStream('s', 'no-stream', [ticked(12, 'twelve')]);
      const seen: number[] = [];
      await runner.run(['s'], async (s) => {
        const folded = await foldStream(s, 's', total, 0);
        seen.push(folded.state);
        return s.appendToStream('s', expected, [ticked(folded.state, `mine-${seen.length}`)]);
      });
      expect(seen).toEqual([0, 12]);
      expect((await store.readStream('s')).map((e) => e.data)).toEqual([{ by: 12 }, { by: 12 }]);
    });

    /** s holding 5, written by this process and then folded into its cache by a refused command. */
    const cachedAtFive = async () => {
      await runner.run(['s'], async (st) => st.appendToStream('s', 'no-stream', [ticked(5, 'five')]));
      await expect(runner.run(['s'], spendTen)).rejects.toThrow('refused');
    };

    it('a refusal decided on a cached fold is decided again from the stream another process has moved on', async () => {
      await cachedAtFive();
      await otherProcess.appendToStream('s', 0, [ticked(5, 'five-more')]);
      expect(await runner.run(['s'], spendTen)).toMatchObject({ nextRevisions: { s: 2 } });
    });

    it('an append not naming a cached stream checks it at the revision folded', async () => {
      await cachedAtFive();
      await otherProcess.appendToStream('s', 0, [ticked(5, 'five-more')]);
      const seen = await foldingSAndWritingElsewhere();
      expect(seen).toEqual([5, 10]);
      expect((await store.readStream('elsewhere')).map((e) => e.data)).toEqual([{ by: 10 }]);
    });

    it.each([
      ['a cached fold', 0],
      ['a guess', -1],
    ] as const)(
      'a refusal on %s nobody moved is answered once the store confirms the revision folded: decided once, no read',
      async (fold, folded) => {
        if (fold === 'a cached fold') await cachedAtFive();
        const reads = jest.spyOn(store, 'readStream');
        const revisions = jest.spyOn(store, 'streamRevisions');
        let attempts = 0;
        const refused = runner.run(['s'], async (st) => {
          attempts++;
          return spendTen(st);
        });
        await expect(refused).rejects.toThrow('refused');
        expect(attempts).toBe(1);
        expect(reads).not.toHaveBeenCalled();
        expect(revisions.mock.calls).toEqual([[['s']]]);
        expect(await store.streamRevision('s')).toBe(folded); // nobody moved it: the setup is as named
      },
    );

    it('a refusal on two unread streams, the second moved by another process, is decided again from both read', async () => {
      const seen: number[][] = [];
      const refused = runner.run(['s'], async (st) => {
        const [a, b] = [await foldStream(st, 'u1', total, 0), await foldStream(st, 'u2', total, 0)];
        seen.push([a.state, b.state]);
        if (seen.length === 1) await otherProcess.appendToStream('u2', 'no-stream', [ticked(3, 'three')]);
        throw new Error('refused');
      });
      await expect(refused).rejects.toThrow('refused');
      expect(seen).toEqual([
        [0, 0],
        [0, 3],
      ]);
    });

    it('a refusal whose revisions cannot be asked for is decided again, reading: the question’s failure is not the answer', async () => {
      jest.spyOn(store, 'streamRevisions').mockRejectedValueOnce(new Error('connection lost'));
      const reads = jest.spyOn(store, 'readStream');
      await expect(runner.run(['s'], spendTen)).rejects.toThrow('refused');
      expect(reads.mock.calls.map(([streamId]) => streamId)).toEqual(['s']);
    });

    it('an append answered as a repeat is not confirmed by the revisions of what the attempt did not read', async () => {
      // Created through the runner, s is known to exist and not kept (a stream an append created is read when next folded).
      await runner.run(['s'], async (st) => st.appendToStream('s', 'no-stream', [ticked(1, 'one')]));
      const reads = jest.spyOn(store, 'readStream');
      let attempts = 0;
      const answer = await runner.run(['s'], async (st) => {
        attempts++;
        const s = await foldStream(st, 's', total, 0, 'c');
        if (s.recordedByCommandAt !== undefined) return { repeatAt: s.recordedByCommandAt, state: s.state };
        await foldStream(st, 'u', total, 0); // guessed, and nobody creates it
        if (attempts === 1) await otherProcess.appendToStream('s', 0, [ticked(100, 'mine', 'c')]);
        await st.appendToStreams([{ streamId: 's', expectedRevision: s.revision, events: [ticked(7, 'mine', 'c')] }]);
        return { decided: s.state + 7 };
      });
      expect(reads.mock.calls[0]).toEqual(['s', undefined]);
      expect(attempts).toBe(2);
      expect(answer).toEqual({ repeatAt: 3, state: 101 }); // as recorded; positions 1 and 2 are other-stream and one
    });

    it.each(['stream-exists', 'any', 0] as const)(
      'a command decided on a cached fold and appending (expecting %s) runs once, reading nothing',
      async (expected) => {
        await cachedAtFive();
        const reads = jest.spyOn(store, 'readStream');
        let attempts = 0;
        await runner.run(['s'], async (st) => {
          attempts++;
          await foldStream(st, 's', total, 0);
          return st.appendToStream('s', expected, [ticked(1, 'one')]);
        });
        expect(attempts).toBe(1);
        expect(reads).not.toHaveBeenCalled();
      },
    );

    it('what an attempt folds after its append committed does not run it again', async () => {
      await cachedAtFive();
      await otherProcess.appendToStream('s', 0, [ticked(5, 'five-more')]); // the cached fold is stale
      let attempts = 0;
      await runner.run(['s', 't'], async (st) => {
        attempts++;
        await st.appendToStream('t', 'no-stream', [ticked(1, `t-${attempts}`)]);
        return foldStream(st, 's', total, 0);
      });
      expect(attempts).toBe(1);
      expect(await store.readStream('t')).toHaveLength(1);
    });

    it('a guess another process refutes (its append fails) is decided again, reading the stream', async () => {
      await otherProcess.appendToStream('s', 'no-stream', [ticked(12, 'twelve')]);
      let attempts = 0;
      const result = await runner.run(['s'], async (s) => {
        attempts++;
        const folded = await foldStream(s, 's', total, 0);
        return s.appendToStreams([
          {
            streamId: 's',
            expectedRevision: folded.revision === -1 ? 'no-stream' : folded.revision,
            events: [ticked(1, `mine-${attempts}`)],
          },
        ]);
      });
      expect(attempts).toBe(2);
      expect(result.nextRevisions.s).toBe(1);
    });
  });
});
