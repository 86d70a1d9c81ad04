/**
 * Writes a ledger for the read benches: `ledger-story.ts` told through the ledger's own command handlers (the domain's
 * deciders, the command runner, the SQLite event store and its group commit and hash chain), many entities in flight at
 * once so that each commit carries a large batch. No projection runs meanwhile: the benches project it afterwards.
 *
 *   npm run bench:ledger -- --consortia 100000 --data-dir /tmp/ledger-100k      (then: npm run ledger -- rebuild …)
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore } from '@ledger/event-store';
import { EVENT_STORE, ledgerConfigFromEnv, newCommandMetadata } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../../apps/command/src/consortia/consortium-command.message';
import { CommandAppModule } from '../../apps/command/src/command.module';
import { SubsidyCommandMessage } from '../../apps/command/src/subsidies/subsidy-command.message';
import { ZoneCommandMessage } from '../../apps/command/src/zones/zone-command.message';
import { consortiumStory, laterLife, STORY_TODAY, StoryLedger, subsidyStory, zoneStory } from './ledger-story';
import { longStreamStory, LONG_STREAM_CONSORTIUM } from './long-stream-story';
import { mulberry32 } from '../support/mulberry32';

export interface GeneratedLedger {
  dataDir: string;
  consortia: number;
  subsidies: number;
  zones: number;
  events: number;
  seconds: number;
  /** A consortium whose stream holds about 1,000 events (the as-of bench reads it). */
  longStream: { consortiumId: string; events: number };
}

export interface GenerateOptions {
  dataDir: string;
  consortia: number;
  /** Zones: one per this many consortia (at least one). */
  consortiaPerZone?: number;
  seed?: number;
  inFlight?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Entities run this many at a time: enough for large group commits, few enough to keep memory flat. */
const IN_FLIGHT = 256;

export async function generateLedger(options: GenerateOptions): Promise<GeneratedLedger> {
  if (existsSync(join(options.dataDir, 'events.sqlite')))
    throw new Error(`${options.dataDir} already holds a ledger: generate into an empty directory`);
  mkdirSync(options.dataDir, { recursive: true });
  const config = ledgerConfigFromEnv({ LEDGER_DATA_DIR: options.dataDir, LEDGER_ADMIN_TOKEN: 'bench' }, 0);
  const app = await NestFactory.createApplicationContext(CommandAppModule.forRoot(config), { logger: ['error'] });
  const started = process.hrtime.bigint();
  try {
    const bus = app.get(CommandBus);
    const meta = () => newCommandMetadata({ actor: 'bench.generator', today: STORY_TODAY });
    const ledger: StoryLedger = {
      consortium: (command) => bus.execute(new ConsortiumCommandMessage(command, meta())),
      subsidy: (command) => bus.execute(new SubsidyCommandMessage(command, meta())),
      zone: (command) => bus.execute(new ZoneCommandMessage(command, meta())),
    };
    const seed = options.seed ?? 20250601;
    const zones = Math.max(1, Math.floor(options.consortia / (options.consortiaPerZone ?? 500)));
    const total = options.consortia + zones;
    let subsidies = 0;
    let done = 0;
    // Each entity draws from its own seeded sequence: the story does not depend on the order entities finish in.
    await runAll(total, options.inFlight ?? IN_FLIGHT, async (i) => {
      const random = mulberry32(seed + i);
      if (i < options.consortia) {
        const consortium = await consortiumStory(ledger, i, random);
        const granted = await subsidyStory(ledger, consortium, random);
        subsidies += granted;
        await laterLife(ledger, consortium, i, random);
      } else {
        await zoneStory(ledger, i - options.consortia, random);
      }
      options.onProgress?.(++done, total);
    });
    const longStream = await longStreamStory(ledger);
    const store = app.get<EventStore>(EVENT_STORE);
    const events = await store.headPosition();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      dataDir: options.dataDir,
      consortia: options.consortia + 1,
      subsidies,
      zones,
      events,
      seconds: Math.round(seconds * 10) / 10,
      longStream: { consortiumId: LONG_STREAM_CONSORTIUM, events: longStream },
    };
  } finally {
    await app.close();
  }
}

async function runAll(count: number, inFlight: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
}
