import { HealthIndicatorService } from '@nestjs/terminus';
import { readinessIndicators } from './health-indicators';
import { HealthReading } from './ledger-health';

/** With a known token (`detailed`), as an operator reads it; without, as anyone (an orchestrator) does. */
const results = (reading: HealthReading, detailed = true) =>
  Object.assign({}, ...readinessIndicators(reading, new HealthIndicatorService(), detailed).map((check) => check()));

const projections = (overrides: Partial<NonNullable<HealthReading['projections']>> = {}) => ({
  position: 90,
  running: true,
  lag: 10,
  maxLag: 100,
  failing: [],
  ...overrides,
});
const stoppedZones = {
  name: 'zones',
  status: 'stopped' as const,
  position: 80,
  failure: { position: 81, error: 'no such table: rm_zones', since: '2026-12-01T00:00:00.000Z', attempts: 3 },
};
const up = { reachable: true as const, headPosition: 100 };

describe('readiness from one health reading', () => {
  it('the command app: the event store alone', () => {
    expect(results({ log: up })).toEqual({ eventStore: { status: 'up', headPosition: 100 } });
    expect(results({ log: { reachable: false, error: 'connect ECONNREFUSED' } })).toEqual({
      eventStore: { status: 'down', error: 'connect ECONNREFUSED' },
    });
  });

  it('the projection app: ready while the read models trail by at most maxLag and none is stopped', () => {
    expect(results({ log: up, readStore: { reachable: true }, projections: projections() })).toEqual({
      eventStore: { status: 'up', headPosition: 100 },
      readStore: { status: 'up' },
      projections: { status: 'up', position: 90, lag: 10, maxLag: 100 },
    });
    // A projection being retried is not yet a reason to take the app out of service.
    const retrying = [{ name: 'zones', status: 'retrying' as const, position: 80 }];
    expect(results({ log: up, projections: projections({ failing: retrying }) }).projections.status).toBe('up');
  });

  it.each([
    ['lagging', projections({ lag: 101 }), 'the read models trail the log by more than 100 events'],
    ['stopped', projections({ failing: [stoppedZones] }), 'stopped: zones'],
    ['not following', projections({ running: false }), 'the projections are not following the log'],
    ['log unknown', projections({ lag: undefined }), 'the read models trail the log by more than 100 events'],
  ])('not ready when %s', (_case, reading, reason) => {
    expect(results({ log: up, projections: reading }).projections).toMatchObject({ status: 'down', reason });
  });

  it('readiness names a stopped projection but keeps its error for /health with a token', () => {
    const stopped = results({ log: up, projections: projections({ failing: [stoppedZones] }) }).projections;
    expect(stopped.failing).toEqual([{ name: 'zones', status: 'stopped' }]);
    expect(JSON.stringify(stopped)).not.toContain('rm_zones');
  });

  it('without a token: statuses, reasons and lags, no positions and no stores’ error texts', () => {
    expect(results({ log: up, readStore: { reachable: true }, projections: projections() }, false)).toEqual({
      eventStore: { status: 'up' },
      readStore: { status: 'up' },
      projections: { status: 'up', lag: 10, maxLag: 100 },
    });
    const down = results({ log: { reachable: false, error: 'connect ECONNREFUSED 10.0.0.5:5432' } }, false);
    expect(down).toEqual({ eventStore: { status: 'down' } });
    const readStore = results({ log: up, readStore: { reachable: false, error: 'SQLITE_CANTOPEN /srv/x' } }, false);
    expect(readStore.readStore).toEqual({ status: 'down' });
  });

  it('not ready when the read store does not answer', () => {
    expect(results({ log: up, readStore: { reachable: false, error: 'no answer within 2000 ms' } }).readStore).toEqual({
      status: 'down',
      error: 'no answer within 2000 ms',
    });
  });
});
