/**
 * The SQLite writer alone: SLW-1-shaped group commits (16 grants a batch, each a 2.6 KB SubsidyGranted on its own
 * stream and two ~370 B FundingCommitted on boundary streams of 1,000) written by `SqliteBatchWriter` on this thread,
 * durable (WAL, synchronous=FULL). What the writer thread spends per grant: its statements, the hash chain, the commit.
 * Run on the same machine against another build to compare writers; CPU per grant holds where the wall clock does not.
 *
 *   npm run bench:writer            (BENCH_BATCHES, default 1,000 batches of BENCH_BATCH_SIZE 16)
 *   npm run bench:writer -- --json  one JSON line
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { PreparedEvent, PreparedStreamAppend } from '@ledger/event-store/prepared-append';
import { SqliteBatchWriter } from '@ledger/event-store/sqlite/sqlite.batch-writer';
import { applyDurablePragmas } from '@ledger/event-store/sqlite/sqlite.pragmas';
import { ensureSchema } from '@ledger/event-store/sqlite/sqlite.schema';
import { mulberry32 } from './support/mulberry32';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 1_000);
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 16);
const BOUNDARIES = 1_000;
const { values: args } = parseArgs({ options: { json: { type: 'boolean' } } });

const METADATA = JSON.stringify({ actor: 'bench', today: '2040-12-31', correlationId: 'c'.repeat(36) });
const GRANT_DATA = JSON.stringify({ checks: 'x'.repeat(2_400), amountFen: 6_608_500 });
const COMMITTED_DATA = JSON.stringify({ boundary: 'b'.repeat(200), amountFen: 6_608_500, fiscalYear: 2034 });

let eventSequence = 0;
const eventOf = (type: string, dataJson: string): PreparedEvent => ({
  eventId: `bench-${++eventSequence}`,
  type,
  schemaVersion: 2,
  dataJson,
  metadataJson: METADATA,
});

/** One grant as the command path hands it to the writer: a new subsidy stream and two boundaries at their revisions. */
function grantRequest(grant: number, random: () => number, revisions: Map<string, number>): PreparedStreamAppend[] {
  const boundaries = [`funding-${Math.floor(random() * BOUNDARIES)}`, `project-${grant}`];
  return [
    { streamId: `subsidy-${grant}`, expectedRevision: 'no-stream', events: [eventOf('SubsidyGranted', GRANT_DATA)] },
    ...boundaries.map((streamId) => {
      const revision = revisions.get(streamId) ?? -1;
      revisions.set(streamId, revision + 1);
      return { streamId, expectedRevision: revision, events: [eventOf('FundingCommitted', COMMITTED_DATA)] };
    }),
  ];
}

function run() {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-writer-bench-'));
  const db = new Database(join(dir, 'events.sqlite'));
  try {
    applyDurablePragmas(db);
    ensureSchema(db);
    const writer = new SqliteBatchWriter(db);
    const random = mulberry32(20240601);
    const revisions = new Map<string, number>();
    const batches = Array.from({ length: BATCHES }, (_, b) =>
      Array.from({ length: BATCH_SIZE }, (_, i) => grantRequest(b * BATCH_SIZE + i, random, revisions)),
    );
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let failed = 0;
    for (const batch of batches) {
      failed += writer.writeBatch(batch, new Date().toISOString()).filter((outcome) => !outcome.ok).length;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const grants = BATCHES * BATCH_SIZE;
    return {
      batches: BATCHES,
      batchSize: BATCH_SIZE,
      grants,
      failed,
      grantsPerSecond: Math.round(grants / seconds),
      cpuMicrosPerGrant: Number(((cpu.user + cpu.system) / grants).toFixed(1)),
      userMicrosPerGrant: Number((cpu.user / grants).toFixed(1)),
      msPerBatch: Number(((seconds * 1000) / BATCHES).toFixed(3)),
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const result = run();
if (args.json) console.log(JSON.stringify(result));
else {
  console.log('The SQLite writer alone: SLW-1-shaped batches, durable (WAL, synchronous=FULL)');
  console.table([result]);
}
