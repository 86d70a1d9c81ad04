/**
 * The SQLite event store alone, as SLW-1 uses it: each grant reads two streams that do not exist yet (its subsidy's
 * and its project's), then appends to them and to one of 1,000 funding streams (a ~2 KB event and two ~300 B ones),
 * 16 grants in flight, durable. No decisions: what the store costs the main thread and the whole process (the writer
 * thread, GC) per grant, from /proc. Compare builds in alternating runs; `--store <file>` loads another build's
 * compiled `sqlite.event-store.js` (e.g. main's .build/tools/libs/event-store/src/sqlite/sqlite.event-store.js).
 *
 *   node .build/tools/bench/sqlite-store.bench.js [--json] [--store <file>]   (BENCH_GRANTS 20,000, BENCH_CONCURRENCY 16)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { EventMetadata, EventStore } from '@ledger/event-store';
import { SqliteEventStore } from '@ledger/event-store/sqlite/sqlite.event-store';
import { mulberry32 } from './support/mulberry32';
import { cpuOf } from './support/process-cpu';

const GRANTS = Number(process.env.BENCH_GRANTS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const FUNDING_STREAMS = 1_000;
const { values: args } = parseArgs({ options: { json: { type: 'boolean' }, store: { type: 'string' } } });

const METADATA: EventMetadata = {
  actor: 'bench',
  correlationId: 'c'.repeat(36),
  causationId: 'c'.repeat(36),
  commandId: 'd'.repeat(40),
  catalogue: '2040-12-31',
};
const grantData = (grant: number) => ({
  checks: Array.from({ length: 24 }, (_, index) => ({ rule: `rule-${index}`, passed: true, amountFen: grant * index })),
  note: 'n'.repeat(400),
});
const committedData = (grant: number) => ({
  boundary: 'b'.repeat(120),
  amountFen: 6_608_500 + grant,
  fiscalYear: 2034,
});

function openStore(file: string): EventStore {
  if (!args.store) return SqliteEventStore.open({ file });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- another build's store, named on the command line
  const other = require(resolve(args.store)) as { SqliteEventStore: typeof SqliteEventStore };
  return other.SqliteEventStore.open({ file });
}

async function grantOnce(store: EventStore, grant: number, fundingRevisions: Map<string, number>): Promise<void> {
  const [subsidy, project] = [`subsidy-${grant}-${'s'.repeat(24)}`, `project-${grant}-${'p'.repeat(24)}`];
  const funding = `funding-${Math.floor(random() * FUNDING_STREAMS)}`;
  await store.readStream(subsidy);
  await store.readStream(project);
  const revision = fundingRevisions.get(funding) ?? -1;
  fundingRevisions.set(funding, revision + 1);
  const event = (id: string, type: string, data: Record<string, unknown>) => ({
    eventId: id,
    type,
    data,
    metadata: METADATA,
  });
  await store.appendToStreams([
    {
      streamId: subsidy,
      expectedRevision: 'no-stream',
      events: [event(`g-${grant}`, 'SubsidyGranted', grantData(grant))],
    },
    {
      streamId: project,
      expectedRevision: 'no-stream',
      events: [event(`p-${grant}`, 'FundingCommitted', committedData(grant))],
    },
    {
      streamId: funding,
      expectedRevision: revision,
      events: [event(`f-${grant}`, 'FundingCommitted', committedData(grant))],
    },
  ]);
}

const random = mulberry32(20261202);

async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-store-bench-'));
  const store = openStore(join(dir, 'events.sqlite'));
  try {
    const fundingRevisions = new Map<string, number>();
    let next = 0;
    const inFlight = async () => {
      for (let grant = next++; grant < GRANTS; grant = next++) await grantOnce(store, grant, fundingRevisions);
    };
    const cpuBefore = cpuOf(process.pid);
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, inFlight));
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpuOf(process.pid);
    const chain = await store.verifyChain();
    const perGrant = (from?: number, to?: number) =>
      from === undefined || to === undefined ? undefined : Number((((to - from) * 1e6) / GRANTS).toFixed(1));
    return {
      grants: GRANTS,
      concurrency: CONCURRENCY,
      grantsPerSecond: Math.round(GRANTS / seconds),
      cpuMicrosPerGrant: perGrant(cpuBefore?.totalSeconds, cpuAfter?.totalSeconds),
      mainCpuMicrosPerGrant: perGrant(cpuBefore?.mainSeconds, cpuAfter?.mainSeconds),
      chainVerified: chain.ok && chain.checked === GRANTS * 3,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void run().then((result) => {
  if (args.json) console.log(JSON.stringify(result));
  else {
    console.log(`The SQLite event store alone: SLW-1-shaped grants, ${CONCURRENCY} in flight, durable`);
    console.table([result]);
  }
});
