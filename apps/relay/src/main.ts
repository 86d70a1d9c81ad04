import 'reflect-metadata';
import {
  allInterfaces,
  closeOnSignals,
  createLedgerApp,
  describeEventStore,
  EXIT_CONFIG,
  ledgerConfigOrExit,
  printableUrl,
} from '@ledger/platform';
import { RelayAppModule } from './relay.module';

/**
 * The outbox relay alone (`npm run start:relay`): publishes the event log to the log topic. Run one (a second one is
 * harmless but doubles the traffic: consumers skip what they have by position). HTTP for health only.
 */
async function main(): Promise<void> {
  const config = ledgerConfigOrExit(process.env, 3003);
  if (config.bus.kind !== 'kafka') {
    process.stderr.write('consortium-ledger: the relay publishes to Kafka: set LEDGER_BUS=kafka and KAFKA_BROKERS\n');
    process.exit(EXIT_CONFIG);
  }
  const { kafka } = config.bus;
  const app = await createLedgerApp(RelayAppModule.forRoot(config, kafka), {
    title: 'consortium-ledger — relay',
    description: 'Publishes the event log to Kafka. Health only.',
    logLevel: config.logLevel,
  });
  closeOnSignals(app);
  await app.listen(config.port, config.host ?? allInterfaces());
  const url = await printableUrl(app);
  console.log(
    `consortium-ledger relay on ${url} (events in ${describeEventStore(config.eventStore)} ` +
      `→ Kafka ${kafka.brokers.join(',')}, topic ${kafka.topic})`,
  );
}

void main();
