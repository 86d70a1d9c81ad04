import type Database from 'better-sqlite3';
import { designateZone, recordZoneEvaluation, submitAnnualReport } from '@ledger/domain/zone/zone.fixtures';
import { zoneDeadlines } from './zone-deadlines';
import { readZone, ZoneStatusProjector } from './zone-status.projector';
import { openTempReadStore, recordedEvent } from '../../../../test/support/projector-harness';
import { zoneDecider } from '@ledger/domain/zone/zone.decider';
import { ZoneCommand } from '@ledger/domain/zone/zone.commands';
import { ZoneEvent, zoneStreamId } from '@ledger/domain/zone/zone.events';

const TODAY = '2028-01-10';

/** Runs commands through the domain's decider and hands the events to the projector, as the engine would. */
function projectCommands(
  db: Database.Database,
  zoneId: string,
  commands: ZoneCommand[],
  projector = new ZoneStatusProjector(),
) {
  let state = zoneDecider.initialState();
  let position = (db.prepare('SELECT COALESCE(MAX(last_position), 0) AS p FROM zones').get() as { p: number }).p;
  for (const command of commands) {
    const decision = zoneDecider.decide({ ...command, data: { ...command.data, zoneId } } as ZoneCommand, state, {
      today: TODAY,
    });
    if (!Array.isArray(decision)) throw new Error(decision.message);
    for (const event of decision) {
      state = zoneDecider.evolve(state, event);
      projector.apply(recorded(zoneStreamId(zoneId), event, ++position), db);
    }
  }
}

const recorded = (streamId: string, event: ZoneEvent | { type: string; data: object }, position: number) =>
  recordedEvent(streamId, event, position, { recordedAt: '2028-01-10T00:00:00.000Z' });

describe("zone-status projector and zoneDeadlines (the dashboard's zone deadlines)", () => {
  let store: ReturnType<typeof openTempReadStore>;
  let db: Database.Database;
  beforeEach(() => {
    store = openTempReadStore();
    db = store.db;
    new ZoneStatusProjector().setup(db);
  });
  afterEach(() => store.close());

  it("folds a zone with the domain's evolve and ignores other streams", () => {
    projectCommands(db, 'baotou', [designateZone(), recordZoneEvaluation('2025-12-10', 'unqualified')]);
    new ZoneStatusProjector().apply(recorded('consortium-x', { type: 'ConsortiumFiled', data: {} }, 99), db);
    new ZoneStatusProjector().apply(recorded('zone-y', { type: 'SomethingElse', data: {} }, 100), db);
    expect(readZone(db, 'baotou')).toMatchObject({ status: 'rectification', rectificationUntil: '2027-12-10' });
    expect(db.prepare('SELECT id, status, approved_on FROM zones').all()).toEqual([
      { id: 'baotou', status: 'rectification', approved_on: '2022-12-01' },
    ]);
  });

  it("lists every zone's outstanding deadlines, earliest first, with the zone, rule and citation; removed zones owe nothing", () => {
    projectCommands(db, 'baotou', [
      designateZone(),
      recordZoneEvaluation('2025-12-10', 'unqualified'),
      recordZoneEvaluation('2027-12-15', 'unqualified'),
    ]);
    projectCommands(db, 'ordos', [
      designateZone({ name: '鄂尔多斯', approvedOn: '2025-03-01' }),
      submitAnnualReport(2025, '2025-12-20'),
      submitAnnualReport(2026, '2026-12-20'),
      submitAnnualReport(2027, '2027-12-20'),
    ]);
    expect(zoneDeadlines(db, TODAY, 30)).toEqual([]);
    expect(zoneDeadlines(db, TODAY, 420)).toEqual([
      {
        kind: 'evaluation',
        due: '2028-03-01',
        overdue: false,
        zoneId: 'ordos',
        zoneName: '鄂尔多斯',
        rule: 'zone.evaluation-cycle',
        citation: '六(四)',
      },
      {
        kind: 'annual-report',
        year: 2028,
        due: '2028-12-31',
        overdue: false,
        zoneId: 'ordos',
        zoneName: '鄂尔多斯',
        rule: 'zone.annual-report-due',
        citation: '六(四)',
      },
    ]);
  });

  it('keeps overdue deadlines whatever the horizon', () => {
    projectCommands(db, 'chifeng', [designateZone({ name: '赤峰', approvedOn: '2026-06-01' })]);
    expect(zoneDeadlines(db, TODAY, 0).map((d) => [d.kind, d.due, d.overdue])).toEqual([
      ['annual-report', '2026-12-31', true],
      ['annual-report', '2027-12-31', true],
    ]);
  });
});
