/**
 * GET /v1/stream resumed with Last-Event-ID on PostgreSQL while commands go on: API.md says it "sends every entity
 * changed after that position, as it is now, in position order …, then live: nothing is lost and no position is sent
 * twice". The feed's catch-up reads each kind's read model a page at a time; a kind read to its end before another
 * kind's last page hands its later changes over to the live part, which comes after that other kind's last page — so
 * an `id:` lower than one already sent arrives, and a client that reconnects with the higher one never gets it.
 * (On SQLite the catch-up's pages are read synchronously, so no commit lands between them.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestPostgres, TestPostgresServer } from '@ledger/event-store/postgres/testing/embedded-postgres';
import { creditCodeCheckCharacter } from '@ledger/domain/shared/credit-code';
import { openStream } from './support/event-stream';
import { LedgerProcess, startLedgerProcess, testLedgerEnv } from './support/ledger-process';
import { TOKENS } from './support/test-tokens';

const code = (prefix: string, n: number) => {
  const first17 = `${prefix}MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
};
const filing = (n: number) => ({
  policy: 'liaoning-2021-alliance',
  name: `辽宁顺序联盟${n}`,
  filedOn: '2025-09-01',
  lead: { creditCode: code('91210100', n), name: `沈阳企业${n}`, kind: 'enterprise' },
  members: [
    { creditCode: code('12210100', n), name: `沈阳大学${n}`, kind: 'university' },
    { creditCode: code('91210200', n), name: `大连企业${n}`, kind: 'enterprise' },
  ],
  agreementSigned: true,
});

describe('GET /v1/stream on PostgreSQL: a resumed stream stays in position order while commands go on', () => {
  let server: TestPostgresServer;
  let ledger: LedgerProcess;
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-stream-order-'));
  let serial = 0;

  beforeAll(async () => {
    server = await startTestPostgres();
    const database = await server.createDatabase();
    ledger = await startLedgerProcess('ledger', {
      ...testLedgerEnv(dataDir, '2026-01-05'),
      LEDGER_STORE: 'postgres',
      LEDGER_READ_STORE: 'postgres',
      DATABASE_URL: database,
      DATABASE_SCHEMA: 'ledger',
    });
    // Enough consortia for the catch-up to read their read model in several pages (500 a page).
    await filings(2000, 16);
  }, 120_000);

  afterAll(async () => {
    await ledger?.stop();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function filings(count: number, inFlight: number): Promise<void> {
    let left = count;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (left-- > 0) {
          const answer = await ledger.http.post('/v1/consortia', filing(serial++), { as: 'officer' });
          expect(answer.status).toBe(201);
        }
      }),
    );
  }

  it('every message of a stream resumed from 0 has a higher id than the one before', async () => {
    let going = true;
    const load = Promise.all([
      (async () => {
        while (going) await filings(4, 4);
      })(),
      (async () => {
        for (let n = 0; going; n++) {
          const zone = { policy: 'nmg-2022-zone', name: `示范区${n}`, approvedOn: '2025-01-10' };
          expect((await ledger.http.post('/v1/zones', zone, { as: 'officer' })).status).toBe(201);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })(),
    ]);
    const streams: Array<ReturnType<typeof openStream>> = [];
    try {
      for (let i = 0; i < 6; i++) {
        streams.push(
          openStream(`${ledger.url}/v1/stream?kind=consortium,zone`, {
            authorization: `Bearer ${TOKENS.viewer}`,
            'last-event-id': '0',
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
    } finally {
      going = false;
      await load;
    }
    const head = (await ledger.http.get('/health', { as: 'viewer' })).body.log.headPosition as number;
    for (const stream of streams) {
      await stream.until((all) => all.some((m) => m.event === 'change' && Number(m.id) >= head), 30_000);
      stream.close();
    }
    const outOfOrder = streams.flatMap((stream) => {
      const ids = stream.changes().map((m) => Number(m.id));
      return ids.flatMap((id, k) => (k > 0 && id <= ids[k - 1] ? [`${ids[k - 1]} then ${id}`] : []));
    });
    expect(outOfOrder).toEqual([]);
  }, 120_000);
});
