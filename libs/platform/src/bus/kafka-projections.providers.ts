/**
 * With LEDGER_BUS=kafka, what the projection side adds: the engine's events from the log topic (KafkaEventSource)
 * and the change feed's publisher to the compacted topics. Both are providers of ProjectionsModule.
 */
import { Logger, Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { LEDGER_CONFIG, LedgerConfig } from '../config/ledger.config';
import { ChangeFeed } from '../projections/change-feed';
import { ProjectionEngine } from '../projections/projection-engine';
import { READ_STORE, ReadStore } from '../projections/read-store.port';
import { ChangeFeedPublisher } from './change-feed.publisher';
import { ChangeFeedTopics } from './change-message';
import { kafkaClient } from './kafka-client';
import { KafkaEventSource } from './kafka-event-source';

export function kafkaProjectionProviders(topics: ChangeFeedTopics): Provider[] {
  return [
    {
      provide: KafkaEventSource,
      inject: [LEDGER_CONFIG, ModuleRef],
      useFactory: async (config: LedgerConfig, modules: ModuleRef) => {
        if (config.bus.kind !== 'kafka') throw new Error('KafkaEventSource without LEDGER_BUS=kafka');
        const logger = new Logger('Kafka consumer');
        // The engine is built from this source: it is looked up when called, once both exist.
        const engine = () => modules.get(ProjectionEngine, { strict: false });
        const kafka = await kafkaClient(config.bus.kafka, 'consortium-ledger-projection');
        return new KafkaEventSource(kafka, config.bus.kafka, {
          log: (message) => logger.error(message),
          densePositions: densePositions(config),
          checkpoint: async () => {
            await engine().adoptCommittedCheckpoints();
            const running = engine()
              .health()
              .projections.filter((p) => p.status !== 'stopped');
            return Math.min(...running.map((p) => p.position));
          },
          committable: () => engine().processedPosition(),
          whileStandby: () => engine().adoptCommittedCheckpoints(),
          standbyPollMs: config.followPollMs,
        });
      },
    },
    {
      provide: ChangeFeedPublisher,
      inject: [LEDGER_CONFIG, ChangeFeed, READ_STORE],
      useFactory: async (config: LedgerConfig, feed: ChangeFeed, readStore: ReadStore) => {
        if (config.bus.kind !== 'kafka') throw new Error('ChangeFeedPublisher without LEDGER_BUS=kafka');
        const logger = new Logger('Change feed');
        const kafka = await kafkaClient(config.bus.kafka, 'consortium-ledger-change-feed');
        return new ChangeFeedPublisher(feed, readStore, kafka, topics, { log: (message) => logger.error(message) });
      },
    },
  ];
}

/** Whether the log numbers its events 1, 2, 3… without gaps: the SQL stores do (KurrentDB, once wired, would not). */
export const densePositions = (config: LedgerConfig): boolean =>
  config.eventStore.kind === 'sqlite' || config.eventStore.kind === 'postgres';
