/**
 * Lists and the dashboard read counters and indexes, not every document: on the stored log (every policy, every event
 * type), a list paged by cursor holds what the same list paged by offset holds, in the same order; its `total` (kept
 * by counters) is what a recount of its items finds; the dashboard's first deadlines are the first of all of them;
 * and a rebuild ends with the read models the live following built.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectionEngine } from '@ledger/platform';
import { dumpReadModels } from './support/read-model-dump';
import { RunningLedger, startLedger } from './support/ledger-test-app';
import { RawEventRow, writeRawLog } from './stored-log/raw-log';

const FIXTURE = join(__dirname, 'fixtures', 'stored-log-v1');
const rows: RawEventRow[] = readFileSync(join(FIXTURE, 'events.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));
const { today } = JSON.parse(readFileSync(join(FIXTURE, 'answers.json'), 'utf8')) as { today: string };

interface ListAnswer {
  items: Array<{ id: string }>;
  total: number;
  next?: string;
}

describe('lists and the dashboard on counters and indexes (the stored log)', () => {
  let dataDir: string;
  let ledger: RunningLedger;
  const get = async (path: string) => {
    const answer = await ledger.http.get(path, { as: 'supervisor' });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-list-paging-'));
    writeRawLog(join(dataDir, 'events.sqlite'), rows);
    ledger = await startLedger({ dataDir, today });
    await get(`/v1/consortia?minPosition=${rows.length}`);
  });
  afterAll(async () => {
    await ledger?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every id of the list, page by page along `next`. */
  async function byCursor(list: string, filter: string): Promise<{ ids: string[]; totals: number[] }> {
    const ids: string[] = [];
    const totals: number[] = [];
    let cursor: string | undefined;
    do {
      const page: ListAnswer = await get(`${list}?limit=2${filter}${cursor ? `&cursor=${cursor}` : ''}`);
      ids.push(...page.items.map((item) => item.id));
      totals.push(page.total);
      cursor = page.next;
    } while (cursor);
    return { ids, totals };
  }

  it.each([
    ['/v1/consortia', ''],
    ['/v1/consortia', '&policy=liaoning-2021-alliance'],
    ['/v1/consortia', '&status=active'],
    ['/v1/consortia', '&policy=nmg-2024-consortium&status=dissolved'],
    ['/v1/subsidies', ''],
    ['/v1/subsidies', '&policy=luzhou-2024-consortium'],
    ['/v1/subsidies', '&fiscalYear=2026'],
    ['/v1/subsidies', '&policy=liaoning-2021-alliance&fiscalYear=2026'],
    ['/v1/subsidies', '&recipient=91210100MA0000001G&fiscalYear=2026'],
    ['/v1/subsidies', '&status=terminated'],
  ])('%s?%s: by cursor as by offset, and its total recounts its items', async (list, filter) => {
    const all: ListAnswer = await get(`${list}?limit=1000${filter}`);
    const paged = await byCursor(list, filter);
    expect(paged.ids).toEqual(all.items.map((item) => item.id));
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(1);
    expect(new Set(paged.totals)).toEqual(new Set([all.total]));
    const second: ListAnswer = await get(`${list}?limit=2&offset=2${filter}`);
    expect(second.items.map((item) => item.id)).toEqual(all.items.slice(2, 4).map((item) => item.id));
  });

  it('a cursor the list did not give is invalid input', async () => {
    const answer = await ledger.http.get('/v1/consortia?cursor=bm90LWEtY3Vyc29y', { as: 'viewer' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'invalid-input', details: [{ field: 'cursor' }] });
  });

  /** A cursor made as read-store.sql.ts makes one: the values, then the check of the sort columns and values. */
  const cursorOf = (sortColumns: string[], values: unknown[]) => {
    const check = createHash('sha256')
      .update(JSON.stringify([sortColumns, values]))
      .digest('base64url')
      .slice(0, 12);
    return Buffer.from(JSON.stringify([...values, check]), 'utf8').toString('base64url');
  };

  it('a cursor made here as the list makes one is the list’s own next cursor', async () => {
    const first = await ledger.http.get('/v1/consortia?limit=2', { as: 'supervisor' });
    const [filedOn, id] = JSON.parse(Buffer.from(first.body.next, 'base64url').toString('utf8'));
    expect(cursorOf(['filed_on'], [filedOn, id])).toBe(first.body.next);
  });

  it.each([
    ['an object as the sort value', [{ a: 1 }, 'x']],
    ['a boolean as the sort value', [true, 'x']],
    ['an object as the id', ['2025-01-01', { id: 1 }]],
    ['a list as the sort value', [['2025-01-01'], 'x']],
  ])('a cursor whose check passes but with %s is 400 naming cursor, never a 500 or a page', async (_case, values) => {
    const answer = await ledger.http.get(`/v1/consortia?limit=2&cursor=${cursorOf(['filed_on'], values)}`, {
      as: 'supervisor',
    });
    expect([answer.status, answer.body.error, answer.body.details?.[0]?.field]).toEqual([
      400,
      'invalid-input',
      'cursor',
    ]);
  });

  it("the dashboard's first deadlines are the first of all of them, and its total counts them all", async () => {
    const every = await get('/v1/dashboard?horizonDays=3660&deadlinesLimit=1000');
    expect(every.deadlines.total).toBe(every.deadlines.items.length);
    expect(every.deadlines.total).toBeGreaterThan(2);
    const first = await get('/v1/dashboard?horizonDays=3660&deadlinesLimit=2');
    expect(first.deadlines).toEqual({
      horizonDays: 3660,
      items: every.deadlines.items.slice(0, 2),
      total: every.deadlines.total,
    });
  });

  it('a rebuild ends with the read models the live following built', async () => {
    const live = dumpReadModels(ledger.config.projectionsFile);
    await ledger.app.get(ProjectionEngine).rebuild();
    expect(dumpReadModels(ledger.config.projectionsFile)).toEqual(live);
  });
});
