import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppendRequest, EventStore, SqliteEventStore, WrongExpectedRevisionError } from '@ledger/event-store';
import { CachedFolds } from './cached-folds';
import { foldStream } from './stream-reader';

type Tick = { type: 'Tick'; data: { by: number } };
const sum = (total: number, event: Tick) => total + event.data.by;
const count = (n: number) => n + 1;

const tick = (by: number, commandId: string, index = 0) => ({
  eventId: `${commandId}-${index}`,
  type: 'Tick',
  data: { by },
  metadata: { actor: 't', correlationId: commandId, causationId: commandId, commandId },
});

/** The command side's folds against a real SQLite file, a second store on the same file standing in for another process. */
describe('CachedFolds', () => {
  let dir: string;
  let store: EventStore;
  let otherProcess: EventStore;
  let folds: CachedFolds;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folds-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    otherProcess = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    folds = new CachedFolds(store);
  });
  afterEach(async () => {
    await store.close();
    await otherProcess.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const fromTheStore = (streamId: string, commandId?: string) => foldStream(store, streamId, sum, 0, commandId);

  it('folds its own committed appends in: the same fold as one read from the store', async () => {
    await store.appendToStream('s', 'no-stream', [tick(5, 'c0')]);
    const first = await folds.foldStream('s', sum, 0);
    expect(first).toEqual({ state: 5, revision: 0 });
    const result = await folds.appendToStreams([
      { streamId: 's', expectedRevision: first.revision, events: [tick(2, 'c1', 0), tick(3, 'c1', 1)] },
    ]);
    expect(await folds.foldStream('s', sum, 0, 'c1')).toEqual({
      state: 10,
      revision: 2,
      recordedByCommandAt: result.lastPosition,
    });
    expect(await fromTheStore('s', 'c1')).toEqual({ state: 10, revision: 2, recordedByCommandAt: result.lastPosition });
  });

  it('a stream another process wrote meanwhile fails the append at the revision folded; the next fold has its events', async () => {
    const before = await folds.foldStream('s', sum, 0);
    await otherProcess.appendToStream('s', 'any', [tick(7, 'other')]);
    const stale = folds.appendToStreams([{ streamId: 's', expectedRevision: 'no-stream', events: [tick(1, 'c1')] }]);
    await expect(stale).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(before).toEqual({ state: 0, revision: -1 });
    expect(await folds.foldStream('s', sum, 0)).toEqual({ state: 7, revision: 0 });
  });

  it('a failed append changes no fold: the state is the store’s', async () => {
    await folds.foldStream('s', sum, 0);
    await expect(
      folds.appendToStreams([{ streamId: 's', expectedRevision: 3, events: [tick(1, 'c1')] }]),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await folds.foldStream('s', sum, 0)).toEqual({ state: 0, revision: -1 });
    expect(await store.readStream('s')).toEqual([]);
  });

  it('an append not expecting the revision folded (any) is read back from the store, not folded blind', async () => {
    await folds.foldStream('s', sum, 0);
    await otherProcess.appendToStream('s', 'any', [tick(4, 'other')]);
    await folds.appendToStreams([{ streamId: 's', expectedRevision: 'any', events: [tick(1, 'c1')] }]);
    expect(await folds.foldStream('s', sum, 0)).toEqual(await fromTheStore('s'));
    expect((await folds.foldStream('s', sum, 0)).state).toBe(5);
  });

  it('an idempotent repeat folds nothing twice', async () => {
    await folds.foldStream('s', sum, 0);
    const events = [tick(2, 'c1')];
    await folds.appendToStreams([{ streamId: 's', expectedRevision: 'no-stream', events }]);
    const repeat = await folds.appendToStreams([{ streamId: 's', expectedRevision: 'no-stream', events }]);
    expect(repeat.idempotentRepeat).toBe(true);
    expect(await folds.foldStream('s', sum, 0)).toEqual({ state: 2, revision: 0 });
  });

  it('another evolve over the same stream folds it from the store', async () => {
    await store.appendToStream('s', 'no-stream', [tick(5, 'c0'), tick(6, 'c0', 1)]);
    await folds.foldStream('s', sum, 0);
    expect(await folds.foldStream('s', count, 0)).toEqual({ state: 2, revision: 1 });
  });

  it('keeps at most its capacity of streams, and folds an evicted one from the store again', async () => {
    const small = new CachedFolds(store, 2);
    await store.appendToStream('a', 'no-stream', [tick(1, 'c0')]);
    await small.foldStream('a', sum, 0);
    await small.foldStream('b', sum, 0);
    await small.foldStream('c', sum, 0);
    await otherProcess.appendToStream('a', 'any', [tick(10, 'other')]);
    expect(await small.foldStream('a', sum, 0)).toEqual({ state: 11, revision: 1 });
  });

  it('does not keep a stream its append created: the next fold reads it, with what others wrote since', async () => {
    expect(await folds.foldStream('new', sum, 0)).toEqual({ state: 0, revision: -1 });
    const created = await folds.appendToStreams([
      { streamId: 'new', expectedRevision: 'no-stream', events: [tick(2, 'c1')] },
    ]);
    await otherProcess.appendToStream('new', 0, [tick(5, 'other')]);
    // A kept fold would answer 2 at revision 0 (and cost the next append a retry); a read answers the stream as it is.
    expect(await folds.foldStream('new', sum, 0, 'c1')).toEqual({
      state: 7,
      revision: 1,
      recordedByCommandAt: created.lastPosition,
    });
  });
});

/** Once the log's stream ids are learned, a stream never seen is folded without a read: a guess, until appended. */
describe('CachedFolds — streams known not to exist', () => {
  let dir: string;
  let store: EventStore;
  let otherProcess: EventStore;
  let folds: CachedFolds;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folds-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    otherProcess = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
    await store.appendToStream('old', 'no-stream', [tick(3, 'c0')]);
    folds = new CachedFolds(store);
    await folds.learnStreamIds();
  });
  afterEach(async () => {
    await store.close();
    await otherProcess.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('folds a stream the log had when learned from the store', async () => {
    expect(await folds.foldStream('old', sum, 0, 'c0')).toEqual({ state: 3, revision: 0, recordedByCommandAt: 1 });
  });

  it('guesses a stream it never saw: not read (another process’s events are not in it), and says so', async () => {
    await otherProcess.appendToStream('new', 'no-stream', [tick(7, 'other')]);
    const attempt = { mustRead: new Set<string>(), unread: new Map<string, number>() };
    expect(await folds.foldStream('new', sum, 0, undefined, attempt)).toEqual({ state: 0, revision: -1 });
    expect(attempt.unread).toEqual(new Map([['new', -1]]));
  });

  it('a guess the store refutes (the append expecting no stream fails) is read from then on', async () => {
    await otherProcess.appendToStream('new', 'no-stream', [tick(7, 'other')]);
    await folds.foldStream('new', sum, 0);
    const refuted = folds.appendToStreams([
      { streamId: 'new', expectedRevision: 'no-stream', events: [tick(1, 'c1')] },
    ]);
    await expect(refuted).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await folds.foldStream('new', sum, 0)).toEqual({ state: 7, revision: 0 });
  });

  it('reads a stream once its append created it, and one it is told to read', async () => {
    await folds.foldStream('created', sum, 0);
    await folds.appendToStreams([{ streamId: 'created', expectedRevision: 'no-stream', events: [tick(2, 'c1')] }]);
    await otherProcess.appendToStream('created', 0, [tick(5, 'other')]);
    expect(await folds.foldStream('created', sum, 0)).toEqual({ state: 7, revision: 1 });

    await otherProcess.appendToStream('unconfirmed', 'no-stream', [tick(4, 'other', 1)]);
    expect(
      await folds.foldStream('unconfirmed', sum, 0, undefined, {
        mustRead: new Set(['unconfirmed']),
        unread: new Map(),
      }),
    ).toEqual({
      state: 4,
      revision: 0,
    });
  });

  it('notes a fold taken from the cache as unread, and reads what others appended when told to read it', async () => {
    await folds.foldStream('old', sum, 0);
    await otherProcess.appendToStream('old', 0, [tick(4, 'other', 2)]);
    const attempt = { mustRead: new Set<string>(), unread: new Map<string, number>() };
    expect(await folds.foldStream('old', sum, 0, undefined, attempt)).toEqual({ state: 3, revision: 0 });
    expect(attempt.unread).toEqual(new Map([['old', 0]]));
    const again = { mustRead: new Set(['old']), unread: new Map<string, number>() };
    expect(await folds.foldStream('old', sum, 0, undefined, again)).toEqual({ state: 7, revision: 1 });
    expect(again.unread.size).toBe(0);
  });

  it('learns the streams appended while it was learning', async () => {
    // The list is taken before the append and answered after it, as a slow listing on PostgreSQL would be.
    let answerList!: () => void;
    const listed = new Promise<void>((resolve) => (answerList = resolve));
    const slowToList = {
      appendToStreams: (requests: AppendRequest[]) => store.appendToStreams(requests),
      readStream: (streamId: string) => store.readStream(streamId),
      streamIds: async () => {
        const ids = await store.streamIds!();
        await listed;
        return ids;
      },
    } as unknown as EventStore; // the real store, its list answered late: what CachedFolds calls
    const learning = new CachedFolds(slowToList);
    const learned = learning.learnStreamIds();
    await learning.appendToStreams([{ streamId: 'meanwhile', expectedRevision: 'no-stream', events: [tick(1, 'c1')] }]);
    answerList();
    await learned;
    expect(await learning.foldStream('meanwhile', sum, 0)).toEqual({ state: 1, revision: 0 });
  });
});
