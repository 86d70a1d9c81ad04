import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { say } from '@ledger/domain/shared/sentence';
import { AnswersAtCheckpoints } from './answers-at-checkpoints';
import { SqliteReadStore } from './sqlite/sqlite.read-store';
import { plainDocuments } from './testing/read-store.harness';

const COUNTS = plainDocuments('counts');

describe('AnswersAtCheckpoints: one computation per state of the read models (a real SQLite read store)', () => {
  let dir: string;
  let reader: SqliteReadStore;
  let projector: SqliteReadStore; // another handle on the same file: as another process projecting into it
  let answers: AnswersAtCheckpoints;
  let computed: number;
  const compute = (value: unknown) => async () => {
    computed += 1;
    return value;
  };
  const moveTo = (position: number) =>
    projector.transaction((tx) => tx.saveCheckpoint('counts', { position, version: 1 }));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'answers-'));
    reader = new SqliteReadStore(join(dir, 'projections.sqlite'));
    projector = new SqliteReadStore(join(dir, 'projections.sqlite'));
    await projector.prepare([COUNTS]);
    await moveTo(1);
    answers = new AnswersAtCheckpoints(reader);
    computed = 0;
  });
  afterEach(async () => {
    await reader.close();
    await projector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from the kept JSON while the checkpoints stand still, with the tag of that JSON', async () => {
    const first = await answers.answer('en', 'k', compute({ count: 1 }));
    const again = await answers.answer('en', 'k', compute({ count: 999 }));
    expect({ ...first, body: first.body.toString() }).toEqual({
      body: '{"count":1}',
      etag: expect.stringMatching(/^W\/"[A-Za-z0-9+/=]+"$/),
    });
    expect(again).toEqual(first);
    expect(computed).toBe(1);
  });

  it('computes again once a projection has moved, even one moved by another handle on the store', async () => {
    await answers.answer('en', 'k', compute({ count: 1 }));
    await moveTo(2);
    const moved = await answers.answer('en', 'k', compute({ count: 2 }));
    expect(moved.body.toString()).toBe('{"count":2}');
    expect(computed).toBe(2);
  });

  it('computes again after a rebuild that changed the projection version at the same position', async () => {
    await answers.answer('en', 'k', compute({ count: 1 }));
    await projector.transaction((tx) => tx.saveCheckpoint('counts', { position: 1, version: 2 }));
    expect((await answers.answer('en', 'k', compute({ count: 7 }))).body.toString()).toBe('{"count":7}');
  });

  it('keeps answers per key (another reader, another query)', async () => {
    await answers.answer('en', 'scoped to 21', compute({ count: 1 }));
    const other = await answers.answer('en', 'every jurisdiction', compute({ count: 5 }));
    expect(other.body.toString()).toBe('{"count":5}');
    expect(await answers.answer('en', 'scoped to 21', compute({})).then((a) => a.body.toString())).toBe('{"count":1}');
    expect(computed).toBe(2);
  });

  it('keeps an answer per language, its sentences rendered in it', async () => {
    const answer = compute({ detail: say`subsidy ${'S-1'} does not exist` });
    expect((await answers.answer('zh', 'k', answer)).body.toString()).toBe('{"detail":"补助S-1不存在"}');
    expect((await answers.answer('en', 'k', answer)).body.toString()).toBe('{"detail":"subsidy S-1 does not exist"}');
    expect((await answers.answer('zh', 'k', compute({}))).body.toString()).toBe('{"detail":"补助S-1不存在"}');
    expect(computed).toBe(2);
  });

  it('shares one computation between concurrent asks', async () => {
    const all = await Promise.all(Array.from({ length: 8 }, () => answers.answer('en', 'k', compute({ count: 1 }))));
    expect(new Set(all.map((a) => a.body.toString()))).toEqual(new Set(['{"count":1}']));
    expect(computed).toBe(1);
  });

  it('keeps no failure: the next ask computes again', async () => {
    await expect(answers.answer('en', 'k', () => Promise.reject(new Error('read store gone')))).rejects.toThrow('gone');
    expect((await answers.answer('en', 'k', compute({ count: 1 }))).body.toString()).toBe('{"count":1}');
  });
});
