import { EventStore, ReadAllOptions, RecordedEvent } from '@ledger/event-store';
import { ledgerConfigFromEnv } from '../config/ledger.config';
import { ProjectionEngine } from '../projections/projection-engine';
import { LedgerHealth } from './ledger-health';

/** A log of these positions, as the port answers it (a stand-in for the store's reads, not for a server). */
function logAt(positions: number[]): Pick<EventStore, 'headPosition' | 'readAll'> & { reads: ReadAllOptions[] } {
  const reads: ReadAllOptions[] = [];
  return {
    reads,
    headPosition: async () => positions.at(-1) ?? 0,
    readAll: async (options: ReadAllOptions = {}) => {
      reads.push(options);
      const after = positions.filter((position) => position > (options.after ?? 0));
      return after.slice(0, options.maxCount).map((position) => ({ position }) as RecordedEvent);
    },
  };
}

const engineAt = (position: number) =>
  ({ health: () => ({ position, running: true, projections: [] }) }) as unknown as ProjectionEngine;

const health = (env: Record<string, string>, log: ReturnType<typeof logAt>, processed: number) =>
  new LedgerHealth(log as unknown as EventStore, ledgerConfigFromEnv(env), engineAt(processed)).read();

const KURRENTDB = { LEDGER_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false' };

describe('how far the read models trail the log, in events', () => {
  it('on the SQL stores (dense positions 1, 2, 3…) it is the head minus the processed position, read without a scan', async () => {
    const log = logAt([1, 2, 3, 4, 5, 6, 7]);
    expect((await health({}, log, 4)).projections?.lag).toBe(3);
    expect(log.reads).toEqual([]);
  });

  it('on KurrentDB (commit positions: byte offsets with gaps) it counts the events after the processed position', async () => {
    const log = logAt([120, 480, 1_050, 9_999, 20_480]);
    const reading = await health(KURRENTDB, log, 480);
    expect(reading.projections?.lag).toBe(3);
    expect(reading.log).toEqual({ reachable: true, headPosition: 20_480 });
  });

  it('on KurrentDB it reads at most LEDGER_READY_MAX_LAG + 1 events: enough to tell "too far behind"', async () => {
    const log = logAt(Array.from({ length: 50 }, (_, i) => 1000 + i * 317));
    const reading = await health({ ...KURRENTDB, LEDGER_READY_MAX_LAG: '10' }, log, 0);
    expect(reading.projections).toMatchObject({ lag: 11, maxLag: 10 });
    expect(log.reads).toEqual([{ after: 0, maxCount: 11 }]);
  });

  it('caught up, it is 0 on either, without reading the log', async () => {
    const log = logAt([120, 480]);
    expect((await health(KURRENTDB, log, 480)).projections?.lag).toBe(0);
    expect(log.reads).toEqual([]);
  });
});
