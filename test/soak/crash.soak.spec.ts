import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { filingBody } from '../support/consortium-requests';
import { LedgerProcess, startLedgerProcess, testLedgerEnv } from '../support/ledger-process';
import { STORY_TODAY, TOKENS } from '../support/ledger-test-app';
import { dumpReadModels } from '../support/read-model-dump';
import { consortiumWith, leadFactory } from '../support/subsidy-requests';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const CLIENTS = 8;
const KILLS = Number(process.env.SOAK_KILLS ?? 12);
const LIAONING = 'liaoning-2021-alliance';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sent {
  kind: 'grant' | 'filing';
  key: string;
  body: Record<string, unknown>;
}
interface Answered extends Sent {
  status: number;
  answer: { id?: string; error?: string; amount?: string };
}

/**
 * The crash suite (issue 10, item 6): the built ledger as a child process in its own process group, 8 clients sending
 * grants against one 盟主's annual cap and filings, every request with an Idempotency-Key; `kill -9` of the group at
 * random moments, a restart on the same port, and every request that was cut off sent again with the same key until it
 * is answered. Then: every acknowledged command recorded exactly once and nothing unacknowledged, the grant total the
 * acknowledged sum within the cap, `verify` passes, and every read model equals a fresh rebuild.
 */
describe('kill -9 under load', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-soak-'));
  const env = testLedgerEnv(dataDir, STORY_TODAY);
  let server: LedgerProcess;
  afterAll(async () => {
    await server?.killGroup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`loses nothing acknowledged and records nothing twice over ${KILLS} crashes`, async () => {
    server = await startLedgerProcess('ledger', env, { group: true });
    const port = new URL(server.url).port;
    const alliance = await consortiumWith(server, LIAONING, leadFactory(7000)[LIAONING]());
    const mengzhu = alliance.lead.creditCode;

    let up = true;
    let stopping = false;
    const answered: Answered[] = [];

    /**
     * Sends a request once; true when it was answered. Cut off by a crash (no answer, or one the kill truncated) or
     * 409 (its key still held by a request in flight): false, to be sent again with the same key and body.
     */
    async function send(sent: Sent): Promise<boolean> {
      const path = sent.kind === 'grant' ? '/v1/subsidies' : '/v1/consortia';
      const token = sent.kind === 'grant' ? TOKENS.finance : TOKENS.officer;
      const response = await fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': sent.key },
        body: JSON.stringify(sent.body),
      }).catch(() => undefined);
      const text = await response?.text().catch(() => undefined);
      if (response === undefined || text === undefined || response.status === 409) return false;
      if (response.status >= 500) throw new Error(`${path} answered ${response.status}: ${text}`);
      answered.push({ ...sent, status: response.status, answer: JSON.parse(text) as Answered['answer'] });
      return true;
    }
    const cutOff: Sent[] = [];
    let resends = 0;

    const clients = Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = 0; !stopping; n++) {
        while (!up) await sleep(20);
        const key = `soak-${client}-${n}`;
        const sent: Sent =
          client % 2 === 0
            ? {
                kind: 'grant',
                key,
                body: {
                  consortiumId: alliance.id,
                  recipient: mengzhu,
                  category: 'liaoning.talent',
                  amount: `${((client * 7 + n) % 3) + 1}000000.00`,
                  fiscalYear: 2025,
                  grantedOn: '2025-11-03',
                },
              }
            : { kind: 'filing', key, body: filingBody('tianjin-2018-alliance') };
        if (!(await send(sent))) cutOff.push(sent);
      }
    });

    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(300 + Math.random() * 1200);
      up = false;
      await server.killGroup();
      server = await startLedgerProcess('ledger', { ...env, PORT: port }, { group: true });
      up = true;
    }
    await sleep(500);
    stopping = true;
    await Promise.all(clients);
    // What the crashes cut off, sent again with the same keys until answered (a dead process's claims are taken over).
    for (const sent of cutOff) {
      while (!(await send(sent))) {
        resends++;
        await sleep(250);
      }
    }

    const grants = answered.filter((a) => a.kind === 'grant' && a.status === 201);
    const filings = answered.filter((a) => a.kind === 'filing' && a.status === 201);
    const refused = answered.filter((a) => a.status !== 201);
    // Refusals are the cap's, and nothing else's.
    expect([...new Set(refused.map((a) => `${a.kind} ${a.status} ${a.answer.error}`))]).toEqual(
      refused.length ? ['grant 422 cap-exceeded'] : [],
    );
    expect(grants.length).toBeGreaterThan(0);
    expect(filings.length).toBeGreaterThan(0);

    const head = (await server.http.get('/health', { as: 'viewer' })).body.log.headPosition as number;
    const listed = await server.http.get(`/v1/subsidies?consortiumId=${alliance.id}&limit=1000&minPosition=${head}`, {
      as: 'finance',
    });
    const totalFen = (amounts: string[]) => amounts.reduce((sum, yuan) => sum + Math.round(Number(yuan) * 100), 0);
    expect(listed.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
      grants.map((grant) => grant.answer.id).sort(),
    );
    expect(totalFen(listed.body.items.map((item: { granted: string }) => item.granted))).toBe(
      totalFen(grants.map((grant) => grant.body.amount as string)),
    );
    const funding = await server.http.get(`/v1/funding/${mengzhu}?fiscalYear=2025&minPosition=${head}`, {
      as: 'finance',
    });
    for (const cap of funding.body.caps as Array<{ rule: string; limit: string; used: string }>) {
      expect([cap.rule, Number(cap.used) <= Number(cap.limit)]).toEqual([cap.rule, true]);
    }
    expect(await server.stop('SIGTERM')).toBe(0);

    // Exactly once: one stream per acknowledged command, and no stream no one was told about.
    const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    const count = (type: string) =>
      db.prepare('SELECT stream_id, COUNT(*) AS n FROM events WHERE type = ? GROUP BY stream_id').all(type) as Array<{
        stream_id: string;
        n: number;
      }>;
    const granted = count('SubsidyGranted');
    const filed = count('ConsortiumFiled');
    db.close();
    expect(granted.filter((row) => row.n !== 1)).toEqual([]);
    expect(granted).toHaveLength(grants.length);
    expect(filed.filter((row) => row.n !== 1)).toEqual([]);
    expect(filed).toHaveLength(filings.length + 1);

    const cli = (...args: string[]) =>
      run(process.execPath, ['dist/apps/cli/ledger.cli.js', ...args, '--data-dir', dataDir], { cwd: ROOT });
    expect((await cli('verify', '--lang', 'en')).stdout).toContain('hash chain intact');
    const live = dumpReadModels(join(dataDir, 'projections.sqlite'));
    await cli('rebuild');
    expect(dumpReadModels(join(dataDir, 'projections.sqlite'))).toEqual(live);
    console.log(
      `${KILLS} kills, ${grants.length} grants, ${filings.length} filings, ${refused.length} refused, ${cutOff.length} cut off, ${resends} resends`,
    );
  });
});
