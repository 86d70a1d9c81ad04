import { designateZone, recordZoneEvaluation, submitAnnualReport } from '@ledger/domain/zone/zone.fixtures';
import { zoneDeadlines } from './zone-deadlines';
import { ZONES } from './zones.projection';
import { openProjectionHarness, ProjectionHarness, recordedEvent } from '../../../../test/support/projector-harness';
import { ZoneState } from '@ledger/domain/zone/zone.state';
import { zoneDecider } from '@ledger/domain/zone/zone.decider';
import { ZoneCommand } from '@ledger/domain/zone/zone.commands';
import { ZoneEvent } from '@ledger/domain/zone/zone.events';
import { zoneStreamId } from '@ledger/domain/zone/zone.streams';

const TODAY = '2028-01-10';

let position = 0;

/** Runs commands through the domain's decider and hands the events to the projection, as the engine would. */
async function projectCommands(harness: ProjectionHarness, zoneId: string, commands: ZoneCommand[]) {
  let state = zoneDecider.initialState();
  const events = [];
  for (const command of commands) {
    const decision = zoneDecider.decide({ ...command, data: { ...command.data, zoneId } } as ZoneCommand, state, {
      today: TODAY,
    });
    if (!Array.isArray(decision)) throw new Error(JSON.stringify(decision.message));
    for (const event of decision) {
      state = zoneDecider.evolve(state, event);
      events.push(recorded(zoneStreamId(zoneId), event, ++position));
    }
  }
  await harness.apply(events);
}

const recorded = (streamId: string, event: ZoneEvent | { type: string; data: object }, position: number) =>
  recordedEvent(streamId, event, position, { recordedAt: '2028-01-10T00:00:00.000Z' });

describe("zone-status projector and zoneDeadlines (the dashboard's zone deadlines)", () => {
  let harness: ProjectionHarness;
  beforeEach(async () => {
    harness = await openProjectionHarness([ZONES]);
  });
  afterEach(() => harness.close());

  it("folds a zone with the domain's evolve and ignores other streams", async () => {
    await projectCommands(harness, 'baotou', [designateZone(), recordZoneEvaluation('2025-12-10', 'unqualified')]);
    await harness.apply([
      recorded('consortium-x', { type: 'ConsortiumFiled', data: {} }, ++position),
      recorded('zone-y', { type: 'SomethingElse', data: {} }, ++position),
    ]);
    expect((await harness.readStore.getDocument<ZoneState>(ZONES.name, 'baotou'))?.state).toMatchObject({
      status: 'rectification',
      rectificationUntil: '2027-12-10',
    });
    const page = await harness.readStore.findDocuments<ZoneState>(ZONES.name, { limit: 10 });
    expect(page.documents.map((d) => [d.id, d.state.status, d.state.approvedOn])).toEqual([
      ['baotou', 'rectification', '2022-12-01'],
    ]);
  });

  it("lists every zone's outstanding deadlines, earliest first, with the zone, rule and citation; removed zones owe nothing", async () => {
    await projectCommands(harness, 'baotou', [
      designateZone(),
      recordZoneEvaluation('2025-12-10', 'unqualified'),
      recordZoneEvaluation('2027-12-15', 'unqualified'),
    ]);
    await projectCommands(harness, 'ordos', [
      designateZone({ name: '鄂尔多斯', approvedOn: '2025-03-01' }),
      submitAnnualReport(2025, '2025-12-20'),
      submitAnnualReport(2026, '2026-12-20'),
      submitAnnualReport(2027, '2027-12-20'),
    ]);
    expect(await zoneDeadlines(harness.readStore, TODAY, 30)).toEqual([]);
    expect(await zoneDeadlines(harness.readStore, TODAY, 420)).toEqual([
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

  it('keeps overdue deadlines whatever the horizon', async () => {
    await projectCommands(harness, 'chifeng', [designateZone({ name: '赤峰', approvedOn: '2026-06-01' })]);
    expect((await zoneDeadlines(harness.readStore, TODAY, 0)).map((d) => [d.kind, d.due, d.overdue])).toEqual([
      ['annual-report', '2026-12-31', true],
      ['annual-report', '2027-12-31', true],
    ]);
  });
});
