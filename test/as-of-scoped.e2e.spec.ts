import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningLedger, startLedger, STORY_TODAY } from './support/ledger-test-app';
import { TOKEN_LIST } from './support/test-tokens';

/**
 * As-of with minPosition for a user with a jurisdiction: the as-of answer reads the log, but the jurisdiction guard
 * reads the record's scope from its read model, so the request waits for it like any query (found by a review: it
 * answered 404 for a zone its own region had just recorded).
 */
describe('as-of with minPosition, for a supervisor with a jurisdiction, while the read model is behind', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-asof-scoped-'));
  let ledger: RunningLedger;
  beforeAll(async () => {
    ledger = await startLedger({
      dataDir,
      today: STORY_TODAY,
      acceptLanguage: 'en',
      env: { LEDGER_TOKENS: `${TOKEN_LIST},tok-nmg:sup.nmg:supervisor@nmg-2022-zone` },
    });
  });
  afterAll(async () => {
    await ledger.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is never 404: the unscoped supervisor reads the log (200), the scoped one waits for the read model (503, stopped)', async () => {
    const first = await ledger.http.post('/v1/zones', zone('包头稀土高新区'), { as: 'officer' });
    expect((await ledger.http.get(`/v1/zones?minPosition=${first.body.position}`, { as: 'viewer' })).status).toBe(200);
    const db = new Database(ledger.config.projectionsFile);
    db.exec('ALTER TABLE "rm_zones" RENAME TO "rm_zones_aside"');
    db.close();
    const later = await ledger.http.post('/v1/zones', zone('呼和浩特金山示范区'), { as: 'officer' });
    expect(later.status).toBe(201);
    const zonesStatus = async () =>
      (await ledger.http.get('/health', { as: 'viewer' })).body.projections.failing?.find(
        (p: { name: string }) => p.name === 'zones',
      )?.status;
    for (const until = Date.now() + 15_000; (await zonesStatus()) !== 'stopped' && Date.now() < until;)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const back = new Database(ledger.config.projectionsFile);
    back.exec('ALTER TABLE "rm_zones_aside" RENAME TO "rm_zones"');
    back.close();
    // the read model holds the first zone, not the later one: a list waiting for it answers 503 at once
    expect((await ledger.http.get(`/v1/zones?minPosition=${later.body.position}`, { as: 'viewer' })).status).toBe(503);
    const path = `/v1/zones/${later.body.id}?atPosition=${later.body.position}&minPosition=${later.body.position}`;
    const unscoped = await ledger.http.get(path, { as: 'supervisor' });
    const scoped = await ledger.http.get(path, { token: 'tok-nmg' });
    expect({ unscoped: unscoped.status, scoped: scoped.status }).toEqual({ unscoped: 200, scoped: 503 });
    expect(scoped.body).toMatchObject({ error: 'projection-lagging' });
  });
});

function zone(name: string) {
  return { policy: 'nmg-2022-zone', name, approvedOn: '2022-12-01' };
}
