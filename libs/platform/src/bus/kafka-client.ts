import { Logger } from '@nestjs/common';
import type { Kafka, KafkaConfig, logLevel, SASLOptions } from 'kafkajs';
import { KafkaSetting } from '../config/ledger.config';

/**
 * A kafkajs client for the cluster KAFKA_* names. kafkajs' own log goes to the ledger's log at debug level only
 * (`LOG_LEVEL=debug` shows it): it logs every rebalance as an error as a matter of course, while what matters to an
 * operator — a link that fails, retries or stops — is logged by the links themselves and shown by `/health`.
 */
export async function kafkaClient(setting: KafkaSetting, clientId: string): Promise<Kafka> {
  // Loaded only here, when LEDGER_BUS=kafka: kafkajs would slow the start of every process that never uses it.
  const kafkajs = await import('kafkajs');
  return new kafkajs.Kafka(kafkaConfig(setting, clientId, kafkajs.logLevel.WARN));
}

function kafkaConfig(setting: KafkaSetting, clientId: string, warnings: logLevel): KafkaConfig {
  const logger = new Logger(`Kafka ${clientId}`);
  return {
    clientId,
    brokers: setting.brokers,
    // TLS and SASL as kafkajs takes them; the mock broker of the tests speaks neither, so both are unverified here.
    ...(setting.tls && { ssl: true }),
    ...(setting.sasl && { sasl: saslOptions(setting.sasl) }),
    logLevel: warnings,
    logCreator: () => (entry) => logger.debug(`${entry.namespace}: ${entry.log.message}`),
  };
}

function saslOptions({ mechanism, username, password }: NonNullable<KafkaSetting['sasl']>): SASLOptions {
  switch (mechanism) {
    case 'plain':
      return { mechanism, username, password };
    case 'scram-sha-256':
      return { mechanism, username, password };
    case 'scram-sha-512':
      return { mechanism, username, password };
  }
}
