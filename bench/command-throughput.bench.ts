/**
 * Durable commands per second on the embedded store: the whole command path (CommandBus → handler → fold → decide →
 * appendToStreams with expected revisions → group commit with synchronous=FULL), in the ledger's own Nest context,
 * without HTTP: first the command app alone (`npm run start:command`), then with the projections following in the same
 * process (`npm start`). Then the same over real HTTP from a client in this process. Prints a table; checks the hash chain.
 *
 *   npm run bench:commands              (defaults: 20000 commands, concurrency 1, 16, 256)
 *   npm run bench:commands -- --json    one JSON line
 *   BENCH_COMMANDS=50000 npm run bench:commands
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileConsortium } from '@ledger/domain/consortium/consortium.fixtures';
import { EventStore } from '@ledger/event-store';
import { createLedgerApp, derivedId, EVENT_STORE, ledgerConfigFromEnv, newCommandMetadata } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../apps/command/src/consortia/consortium-command.message';
import { CommandAppModule } from '../apps/command/src/command.module';
import { LedgerModule } from '../apps/ledger.module';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 20_000);
const HTTP_COMMANDS = Number(process.env.BENCH_HTTP_COMMANDS ?? 5_000);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,16,256').split(',').map(Number);
const { values: args } = parseArgs({ options: { json: { type: 'boolean', default: false } } });

type Timed = <T>(work: () => Promise<T>) => Promise<T>;

/** One path at one concurrency, as the table and the `--json` line give it (bench/goals reads it). */
export interface CommandPathRow {
  path: string;
  concurrency: number;
  commands: number;
  commandsPerSecond: number;
  p50ms: string;
  p99ms: string;
}

/**
 * One unit of work = two commands on one consortium's stream: a filing, then its first review.
 * Liaoning has no rule spanning consortia, so units are independent, as most of a ledger's traffic is.
 */
async function drive(units: number, concurrency: number, unit: (i: number, timed: Timed) => Promise<void>) {
  const latencies: number[] = [];
  const timed: Timed = async (work) => {
    const t0 = process.hrtime.bigint();
    const result = await work();
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    return result;
  };
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < units) await unit(next++, timed);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(2);
  return {
    commands: latencies.length,
    commandsPerSecond: Math.round(latencies.length / seconds),
    p50ms: pct(0.5),
    p99ms: pct(0.99),
  };
}

const REVIEW = { stage: 'preliminary', outcome: 'pass', on: '2025-09-12' } as const;

function busUnit(bus: CommandBus, run: string) {
  return async (i: number, timed: Timed) => {
    const consortiumId = derivedId(run, String(i));
    const meta = () => newCommandMetadata({ actor: 'bench', today: '2025-12-01' });
    await timed(() =>
      bus.execute(new ConsortiumCommandMessage(fileConsortium('liaoning-2021-alliance', { consortiumId }), meta())),
    );
    await timed(() =>
      bus.execute(new ConsortiumCommandMessage({ type: 'RecordReview', data: { consortiumId, ...REVIEW } }, meta())),
    );
  };
}

function httpUnit(url: string) {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    return response.json() as Promise<{ id: string }>;
  };
  const { consortiumId: _id, ...filing } = fileConsortium('liaoning-2021-alliance').data;
  return async (_i: number, timed: Timed) => {
    const { id } = await timed(() => post('/v1/consortia', filing));
    await timed(() => post(`/v1/consortia/${id}/reviews`, REVIEW));
  };
}

async function main(): Promise<void> {
  const dataDirs: string[] = [];
  /** Each phase on a fresh data directory, so no phase replays another's events. */
  const freshConfig = () => {
    dataDirs.push(mkdtempSync(join(tmpdir(), 'ledger-bench-')));
    return ledgerConfigFromEnv({ LEDGER_DATA_DIR: dataDirs[dataDirs.length - 1], LEDGER_ADMIN_TOKEN: 'bench' }, 0);
  };
  const rows: CommandPathRow[] = [];
  try {
    const commandOnly = await NestFactory.createApplicationContext(CommandAppModule.forRoot(freshConfig()), {
      logger: ['error'],
    });
    for (const concurrency of CONCURRENCY) {
      const result = await drive(
        COMMANDS / 2,
        concurrency,
        busUnit(commandOnly.get(CommandBus), `command-${concurrency}`),
      );
      rows.push({ path: 'command bus, command app alone', concurrency, ...result });
    }
    await commandOnly.close();

    const context = await NestFactory.createApplicationContext(LedgerModule.forRoot(freshConfig()), {
      logger: ['error'],
    });
    for (const concurrency of CONCURRENCY) {
      const result = await drive(COMMANDS / 2, concurrency, busUnit(context.get(CommandBus), `bench-${concurrency}`));
      rows.push({ path: 'command bus, projections in process', concurrency, ...result });
    }
    const chain = await context.get<EventStore>(EVENT_STORE).verifyChain();
    await context.close();

    const app = await createLedgerApp(LedgerModule.forRoot(freshConfig()), {
      title: 'bench',
      description: 'bench',
      logger: ['error'],
    });
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    for (const concurrency of CONCURRENCY.filter((c) => c > 1)) {
      const result = await drive(HTTP_COMMANDS / 2, concurrency, httpUnit(url));
      rows.push({ path: 'HTTP (client in-process)', concurrency, ...result });
    }
    await app.close();
    if (args.json) {
      console.log(JSON.stringify({ rows, hashChain: { ok: chain.ok, checked: chain.checked } }));
      return;
    }
    console.table(rows);
    console.log(`hash chain after the command-bus runs: ${chain.ok ? 'intact' : 'BROKEN'}, ${chain.checked} events`);
  } finally {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }
}

void main();
