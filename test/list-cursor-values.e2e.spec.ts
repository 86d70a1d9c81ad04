import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningLedger, startLedger } from './support/ledger-test-app';
import { RawEventRow, writeRawLog } from './stored-log/raw-log';

const FIXTURE = join(__dirname, 'fixtures', 'stored-log-v1');
const rows: RawEventRow[] = readFileSync(join(FIXTURE, 'events.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));
const { today } = JSON.parse(readFileSync(join(FIXTURE, 'answers.json'), 'utf8')) as { today: string };

/**
 * A cursor's check is "a check, not a secret" (API.md): anyone can make one that passes it. What it holds must still
 * be the sort values and id a list pages from — a string, a number or null — or the cursor is 400 naming `cursor`, as
 * every cursor was before the check came (decodeCursor read each value's type); never a 500, never a page.
 */
describe('a cursor whose check passes but whose values are no sort values', () => {
  let dataDir: string;
  let ledger: RunningLedger;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-cursor-values-'));
    writeRawLog(join(dataDir, 'events.sqlite'), rows);
    ledger = await startLedger({ dataDir, today });
    await ledger.http.get(`/v1/consortia?minPosition=${rows.length}`, { as: 'supervisor' });
  });
  afterAll(async () => {
    await ledger?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A cursor made as read-store.sql.ts makes one: the values, then the check of the sort columns and values. */
  const cursorOf = (sortColumns: string[], values: unknown[]) => {
    const check = createHash('sha256')
      .update(JSON.stringify([sortColumns, values]))
      .digest('base64url')
      .slice(0, 12);
    return Buffer.from(JSON.stringify([...values, check]), 'utf8').toString('base64url');
  };

  it('a real next cursor pages (the cursors made here are made as the list makes them)', async () => {
    const first = await ledger.http.get('/v1/consortia?limit=2', { as: 'supervisor' });
    const [filedOn, id] = JSON.parse(Buffer.from(first.body.next, 'base64url').toString('utf8'));
    expect(cursorOf(['filed_on'], [filedOn, id])).toBe(first.body.next);
  });

  it.each([
    ['an object as the sort value', [{ a: 1 }, 'x']],
    ['a boolean as the sort value', [true, 'x']],
    ['an object as the id', ['2025-01-01', { id: 1 }]],
    ['a list as the sort value', [['2025-01-01'], 'x']],
  ])('%s is 400 naming cursor', async (_case, values) => {
    const answer = await ledger.http.get(`/v1/consortia?limit=2&cursor=${cursorOf(['filed_on'], values)}`, {
      as: 'supervisor',
    });
    expect([answer.status, answer.body.error, answer.body.details?.[0]?.field]).toEqual([
      400,
      'invalid-input',
      'cursor',
    ]);
  });
});
