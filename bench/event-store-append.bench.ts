/**
 * Durable appends per second of the SQLite event store (WAL, synchronous=FULL, group commit), with C concurrent
 * logical writers. Each command: read the stream's revision, append 1–2 events with that expected revision (and, on
 * a shared stream, retry on conflict). Not a test: run it with
 *
 *   npx swc bench libs -d dist --quiet && node dist/bench/event-store-append.bench.js
 *
 * BENCH_SECONDS (default 3) sets how long each scenario runs.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { EventStore, EventToAppend, SqliteEventStore, WrongExpectedRevisionError } from '@ledger/event-store';

interface Scenario {
  name: string;
  writers: number;
  /** Writers share this many streams (and retry on conflict); otherwise each writer has its own stream. */
  sharedStreams?: number;
}

interface ScenarioResult {
  scenario: Scenario;
  seconds: number;
  commands: number;
  events: number;
  conflicts: number;
  latenciesMs: number[];
}

const SCENARIOS: Scenario[] = [
  { name: 'own stream', writers: 1 },
  { name: 'own stream', writers: 16 },
  { name: 'own stream', writers: 64 },
  { name: 'shared, retry', writers: 16, sharedStreams: 4 },
  { name: 'shared, retry', writers: 64, sharedStreams: 8 },
];

const SECONDS_PER_SCENARIO = Number(process.env.BENCH_SECONDS ?? 3);

function someEvents(count: number, writer: number, sequence: number): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => {
    const eventId = randomUUID();
    return {
      eventId,
      type: 'bench.subsidy-granted',
      data: { writer, sequence, index, amountFen: 1_250_000, zone: 'nmg-hohhot', note: '阶段性补助' },
      metadata: { actor: `bench:${writer}`, correlationId: eventId, causationId: eventId, commandId: eventId },
    };
  });
}

/** Shuffles retry order so one writer does not win every round of a hot stream. */
async function jitter(): Promise<void> {
  for (let turns = Math.floor(Math.random() * 4); turns > 0; turns--) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function runScenario(store: EventStore, scenario: Scenario, runId: string): Promise<ScenarioResult> {
  const result: ScenarioResult = { scenario, seconds: 0, commands: 0, events: 0, conflicts: 0, latenciesMs: [] };
  const started = performance.now();
  const deadline = started + SECONDS_PER_SCENARIO * 1000;
  await Promise.all(
    Array.from({ length: scenario.writers }, async (_, writer) => {
      const stream = scenario.sharedStreams
        ? `${runId}-shared-${writer % scenario.sharedStreams}`
        : `${runId}-writer-${writer}`;
      for (let sequence = 0; performance.now() < deadline; sequence++) {
        const commandStarted = performance.now();
        const events = someEvents(1 + (sequence % 2), writer, sequence);
        for (;;) {
          const revision = await store.streamRevision(stream);
          try {
            await store.appendToStream(stream, revision, events);
            break;
          } catch (error) {
            if (!(error instanceof WrongExpectedRevisionError)) throw error;
            result.conflicts += 1;
            await jitter();
          }
        }
        result.latenciesMs.push(performance.now() - commandStarted);
        result.commands += 1;
        result.events += events.length;
      }
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

function printTable(results: ScenarioResult[]): void {
  const header = ['scenario', 'writers', 'appends/s', 'events/s', 'p50 ms', 'p99 ms', 'conflicts'];
  const rows = results.map(({ scenario, seconds, commands, events, conflicts, latenciesMs }) => {
    const sorted = [...latenciesMs].sort((a, b) => a - b);
    const streams = scenario.sharedStreams ? ` (${scenario.sharedStreams} streams)` : '';
    return [
      scenario.name + streams,
      String(scenario.writers),
      Math.round(commands / seconds).toLocaleString('en-US'),
      Math.round(events / seconds).toLocaleString('en-US'),
      percentile(sorted, 0.5).toFixed(2),
      percentile(sorted, 0.99).toFixed(2),
      conflicts.toLocaleString('en-US'),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'event-store-bench-'));
  const file = path.join(dir, 'events.sqlite');
  const store = SqliteEventStore.open({ file });
  try {
    const probe = new Database(':memory:');
    const sqliteVersion = probe.prepare('SELECT sqlite_version()').pluck().get();
    probe.close();
    console.log(
      `SQLite ${String(sqliteVersion)} · WAL · synchronous=FULL · node ${process.version} · ${os.cpus().length} cpus · ` +
        `${SECONDS_PER_SCENARIO} s per scenario · ${file}\n`,
    );
    await runScenario(store, { name: 'warm-up', writers: 16 }, 'warm-up');
    const results: ScenarioResult[] = [];
    for (const [index, scenario] of SCENARIOS.entries())
      results.push(await runScenario(store, scenario, `run-${index}`));
    printTable(results);

    const verifyStarted = performance.now();
    const verification = await store.verifyChain();
    const verifySeconds = (performance.now() - verifyStarted) / 1000;
    console.log(
      `\nverifyChain: ${verification.ok ? 'ok' : `BROKEN at ${verification.firstBrokenPosition}: ${verification.reason}`}, ` +
        `${verification.checked.toLocaleString('en-US')} events in ${verifySeconds.toFixed(2)} s`,
    );
    if (!verification.ok) process.exitCode = 1;
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
