/** kafkajs settings that keep tests against the mock cluster fast and quiet. */
import { ConsumerConfig, KafkaConfig, logLevel } from 'kafkajs';

/**
 * kafkajs' defaults (30 s session, 3 s heartbeat, 5 s fetch wait) made a rejoin take 34 s against the mock; with
 * these it takes ~5 s, and a new group's first join ~3 s.
 */
export const fastConsumerSettings = {
  sessionTimeout: 6000,
  heartbeatInterval: 500,
  maxWaitTimeInMs: 250,
} satisfies Partial<ConsumerConfig>;

export function testKafkaConfig(bootstrap: string[], clientId: string): KafkaConfig {
  // Rebalances log at ERROR level as a matter of course; tests assert outcomes, not logs.
  return { clientId, brokers: bootstrap, logLevel: logLevel.NOTHING };
}
