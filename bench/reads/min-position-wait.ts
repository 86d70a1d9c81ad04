/**
 * How long a read with `minPosition` waits after a write, when the projections keep up: the ledger as `npm start`
 * runs it (commands and projections in one process, here without HTTP), a command through the command bus, then the
 * wait the MinPositionGuard makes (`engine.waitFor` of the answer's position) — from the write's answer until
 * every read model has applied it. The commit wakes the projections; nothing polls.
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
import { latencies, Latencies } from './latencies';

export async function minPositionWait(writes: number, inFlight: number): Promise<Latencies> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-min-position-'));
  const config = ledgerConfigFromEnv({ LEDGER_DATA_DIR: dataDir, LEDGER_ADMIN_TOKEN: 'bench' }, 0);
  const app = await NestFactory.createApplicationContext(LedgerModule.forRoot(config), { logger: ['error'] });
  try {
    const bus = app.get(CommandBus);
    const engine = app.get(ProjectionEngine);
    const waits: number[] = [];
    await drive(writes, inFlight, async (i) => {
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
    return latencies(waits);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
