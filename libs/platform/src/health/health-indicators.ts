import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { HealthReading } from './ledger-health';

/**
 * Readiness as terminus indicators, from one reading: the event store answered; the read store answered (where the
 * app has one); the projections run, none is stopped, and they trail the log by at most LEDGER_READY_MAX_LAG events.
 */
export function readinessIndicators(
  reading: HealthReading,
  indicators: HealthIndicatorService,
): Array<() => HealthIndicatorResult> {
  const checks: Array<() => HealthIndicatorResult> = [
    () => {
      const log = reading.log;
      const check = indicators.check('eventStore');
      return log.reachable ? check.up({ headPosition: log.headPosition }) : check.down({ error: log.error });
    },
  ];
  const readStore = reading.readStore;
  if (readStore) {
    checks.push(() => {
      const check = indicators.check('readStore');
      return readStore.reachable ? check.up() : check.down({ error: readStore.error });
    });
  }
  const projections = reading.projections;
  if (projections) {
    checks.push(() => {
      const check = indicators.check('projections');
      const { position, running, lag, maxLag, failing } = projections;
      const stopped = failing.filter((p) => p.status === 'stopped').map((p) => p.name);
      const data = { position, lag: lag ?? null, maxLag, ...(failing.length > 0 && { failing }) };
      if (!running) return check.down({ ...data, reason: 'the projections are not following the log' });
      if (stopped.length > 0) return check.down({ ...data, reason: `stopped: ${stopped.join(', ')}` });
      if (lag === undefined || lag > maxLag)
        return check.down({ ...data, reason: `the read models trail the log by more than ${maxLag} events` });
      return check.up(data);
    });
  }
  return checks;
}
