/**
 * How long a read with `minPosition` waits after a write, when the projections keep up: the ledger as `npm start`
 * runs it (commands and projections in one process, here without HTTP), a command through the command bus, then the
 * wait the MinPositionGuard makes (`engine.waitFor` of the answer's position) — from the write's answer until
 * every read model has applied it. The commit wakes the projections; nothing polls.
 *
 * The first writes are a warm-up, made the same way and not counted, as every bench here warms up: at 16 in flight
 * the projections' first batch is cold (its 16 waits took 54–75 ms, 2026-12-03; starting the read store's writer
 * threads beforehand did not shorten it), and those 16 are 16 of the 20 slowest waits of 2,000, i.e. the p99.
 * `firstMs` keeps the first wait to end, cold, for what it is.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileConsortium } from '@ledger/domain/consortium/consortium.fixtures';
import { derivedId, ledgerConfigFromEnv, newCommandMetadata, ProjectionEngine } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../../apps/command/src/consortia/consortium-command.message';
import { LedgerModule } from '../../apps/ledger.module';
import { drive } from '../support/drive';
import { latencies, Latencies, round2 } from './latencies';

/** Writes made before the measured ones, not counted. */
export const MIN_POSITION_WARM_UP_WRITES = 200;

export type MinPositionWaits = Latencies & { firstMs: number };

export async function minPositionWait(writes: number, inFlight: number): Promise<MinPositionWaits> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-min-position-'));
  const config = ledgerConfigFromEnv({ LEDGER_DATA_DIR: dataDir, LEDGER_ADMIN_TOKEN: 'bench' }, 0);
  const app = await NestFactory.createApplicationContext(LedgerModule.forRoot(config), { logger: ['error'] });
  try {
    const bus = app.get(CommandBus);
    const engine = app.get(ProjectionEngine);
    const waits: number[] = [];
    await drive(MIN_POSITION_WARM_UP_WRITES + writes, inFlight, async (i) => {
      const consortiumId = derivedId('min-position', String(inFlight), String(i));
      const meta = newCommandMetadata({ actor: 'bench', today: '2025-12-01' });
      const answer = await bus.execute(
        new ConsortiumCommandMessage(fileConsortium('liaoning-2021-alliance', { consortiumId }), meta),
      );
      const started = process.hrtime.bigint();
      const outcome = await engine.waitFor(answer.position, 5000);
      if (outcome !== 'reached') throw new Error(`minPosition ${answer.position}: ${outcome}`);
      waits.push(Number(process.hrtime.bigint() - started) / 1e6);
    });
    // In the order the waits ended, which at 1 in flight is the order of the writes; the first is the cold one.
    return { ...latencies(waits.slice(MIN_POSITION_WARM_UP_WRITES)), firstMs: round2(waits[0]) };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
