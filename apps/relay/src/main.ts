import 'reflect-metadata';
import { describeEventStore, EXIT_CONFIG, ledgerConfigOrExit, serveLedgerApp } from '@ledger/platform';
import { RelayAppModule } from './relay.module';

/**
 * The outbox relay alone (`npm run start:relay`): publishes the event log to the log topic. Run one (a second one is
 * harmless but doubles the traffic: consumers skip what they have by position). HTTP for health only.
 */
const config = ledgerConfigOrExit(process.env, 3003);
if (config.bus.kind !== 'kafka') {
  process.stderr.write('consortium-ledger: the relay publishes to Kafka: set LEDGER_BUS=kafka and KAFKA_BROKERS\n');
  process.exit(EXIT_CONFIG);
}
const { kafka } = config.bus;
serveLedgerApp(
  RelayAppModule.forRoot(config, kafka),
  config,
  { title: 'consortium-ledger — relay', description: 'Publishes the event log to Kafka. Health only.' },
  (url) =>
    `consortium-ledger relay on ${url} (events in ${describeEventStore(config.eventStore)} ` +
    `→ Kafka ${kafka.brokers.join(',')}, topic ${kafka.topic})`,
);
