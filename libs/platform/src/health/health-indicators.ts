import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { BusLinkHealth } from '../bus/bus-link';
import { HealthReading } from './ledger-health';

/**
 * Readiness as terminus indicators, from one reading: the event store answered; the read store answered (where the
 * app has one); the projections run, none is stopped, and they trail the log by at most LEDGER_READY_MAX_LAG events;
 * with Kafka, the relay trails the log by at most as many, and the consumer has not stopped. The change feed's
 * publisher is shown by /health but does not make a process unready: queries do not depend on it.
 *
 * As /health: anyone (an orchestrator sends no token) sees each indicator's status, why it is down and how far it
 * trails; positions and the stores' and links' own error texts (they may name hosts, tables and paths) only a caller
 * with a known token (`detailed`).
 */
export function readinessIndicators(
  reading: HealthReading,
  indicators: HealthIndicatorService,
  detailed: boolean,
): Array<() => HealthIndicatorResult> {
  const only = <T extends object>(details: T): Partial<T> => (detailed ? details : {});
  const checks: Array<() => HealthIndicatorResult> = [
    () => {
      const log = reading.log;
      const check = indicators.check('eventStore');
      return log.reachable
        ? check.up(only({ headPosition: log.headPosition }))
        : check.down(only({ error: log.error }));
    },
  ];
  const readStore = reading.readStore;
  if (readStore) {
    checks.push(() => {
      const check = indicators.check('readStore');
      return readStore.reachable ? check.up() : check.down(only({ error: readStore.error }));
    });
  }
  const projections = reading.projections;
  if (projections) {
    checks.push(() => {
      const check = indicators.check('projections');
      const { position, running, lag, maxLag, failing } = projections;
      const stopped = failing.filter((p) => p.status === 'stopped').map((p) => p.name);
      // Names and states only: the errors (SQL, paths) are for /health with a token, not for anyone who can reach it.
      const named = failing.map(({ name, status }) => ({ name, status }));
      const data = { ...only({ position }), lag: lag ?? null, maxLag, ...(named.length > 0 && { failing: named }) };
      if (!running) return check.down({ ...data, reason: 'the projections are not following the log' });
      if (stopped.length > 0) return check.down({ ...data, reason: `stopped: ${stopped.join(', ')}` });
      if (lag === undefined || lag > maxLag)
        return check.down({ ...data, reason: `the read models trail the log by more than ${maxLag} events` });
      return check.up(data);
    });
  }
  const relay = reading.bus?.relay;
  if (relay) {
    checks.push(() => {
      const check = indicators.check('relay');
      const { maxLag } = relay;
      const data = {
        state: relay.state,
        ...only({ position: relay.position, ...failureOf(relay) }),
        lag: relay.lag ?? null,
        maxLag,
      };
      if (relay.state === 'starting' || relay.state === 'stopped')
        return check.down({ ...data, reason: `the relay is ${relay.state}` });
      if (relay.lag === undefined || relay.lag > maxLag)
        return check.down({ ...data, reason: `the log topic trails the log by more than ${maxLag} events` });
      return check.up(data);
    });
  }
  const consumer = reading.bus?.consumer;
  if (consumer) {
    checks.push(() => {
      const check = indicators.check('consumer');
      const data = { state: consumer.state, ...only({ position: consumer.position, ...failureOf(consumer) }) };
      if (consumer.state === 'stopped') return check.down({ ...data, reason: 'the consumer of the log topic stopped' });
      return check.up(data);
    });
  }
  return checks;
}

const failureOf = (link: BusLinkHealth): { error?: string } => (link.failure ? { error: link.failure.error } : {});
