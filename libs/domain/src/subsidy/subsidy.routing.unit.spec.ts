import { wan } from '../shared/money';
import { cancel, clawBack, disburse, grant, recorded, refund, terminate, UNITS } from './subsidy.fixtures';
import { SubsidyLedgerEvent } from './subsidy.events';
import { fundingStreamsFor, routeEvents, streamIdOf, streamsWrittenBy, writtenAmong } from './subsidy.routing';
import { evolve, initialState } from './subsidy.state';

const mengzhu = UNITS.liaoningMengzhu.creditCode;
const tianjinLead = UNITS.tianjinLead.creditCode;
const tianjinMember = UNITS.tianjinMember.creditCode;
const stateAfter = (events: SubsidyLedgerEvent[]) => events.reduce(evolve, initialState());

describe('fundingStreamsFor: the streams a command reads and writes (its consistency boundary)', () => {
  it('a grant: its subsidy, the recipient’s fiscal year, the category’s scopes and the recipient’s integrity record', () => {
    expect(
      fundingStreamsFor(
        grant('S-1', 'liaoning.jiebang', wan(100), { projectId: 'P-1', projectTotalInvestmentFen: wan(1000) }),
      ),
    ).toEqual(['subsidy-S-1', `funding-${mengzhu}-2025`, 'project-P-1', `unit-${mengzhu}`]);
    expect(fundingStreamsFor(grant('S-2', 'luzhou.platform', wan(10), { platformId: 'PF-1' }))).toEqual([
      'subsidy-S-2',
      `funding-${UNITS.luzhouLead.creditCode}-2025`,
      'platform-PF-1',
      `unit-${UNITS.luzhouLead.creditCode}`,
    ]);
    expect(fundingStreamsFor(grant('S-3', 'tianjin.filing', wan(10)))).toEqual([
      'subsidy-S-3',
      `funding-${tianjinLead}-2020`,
      'consortium-funding-C-TJ-1',
      `unit-${tianjinLead}`,
    ]);
  });

  it('a cancellation or termination: the subsidy and the boundaries it is committed to', () => {
    const state = stateAfter(
      recorded([
        grant('S-1', 'liaoning.jiebang', wan(100), { projectId: 'P-1', projectTotalInvestmentFen: wan(1000) }),
      ]),
    );
    const subsidy = state.subsidies['S-1'];
    const expected = ['subsidy-S-1', `funding-${mengzhu}-2025`, 'project-P-1'];
    expect(fundingStreamsFor(cancel('S-1', 1), subsidy)).toEqual(expected);
    expect(fundingStreamsFor(terminate('S-1'), subsidy)).toEqual(expected);
    expect(fundingStreamsFor(cancel('S-1', 1))).toEqual(['subsidy-S-1']);
  });

  it('disbursements, refunds and ordinary clawbacks touch the subsidy only; a Tianjin fraud clawback its boundaries and units', () => {
    const subsidy = stateAfter(recorded([grant('S-1', 'tianjin.filing', wan(10), { recipient: tianjinMember })]))
      .subsidies['S-1'];
    expect(fundingStreamsFor(disburse('S-1', 1), subsidy)).toEqual(['subsidy-S-1']);
    expect(fundingStreamsFor(refund('S-1', 1), subsidy)).toEqual(['subsidy-S-1']);
    expect(fundingStreamsFor(clawBack('S-1', 1, 'misuse'), subsidy)).toEqual(['subsidy-S-1']);
    // tianjin.fraud recovers everything and cancels the undisbursed rest: it releases it on the grant's boundaries too.
    expect(fundingStreamsFor(clawBack('S-1', 1, 'fraud'), subsidy)).toEqual([
      'subsidy-S-1',
      ...subsidy.boundaries,
      `unit-${tianjinMember}`,
      `unit-${tianjinLead}`,
    ]);
  });
});

describe('streamsWrittenBy: the streams a command may append to (what a handler locks)', () => {
  it('a grant writes every stream it reads but the recipient’s integrity record, which it only reads', () => {
    const command = grant('S-1', 'liaoning.jiebang', wan(100), {
      projectId: 'P-1',
      projectTotalInvestmentFen: wan(1000),
    });
    expect(streamsWrittenBy(command)).toEqual(['subsidy-S-1', `funding-${mengzhu}-2025`, 'project-P-1']);
    expect(writtenAmong(command, fundingStreamsFor(command))).toEqual(streamsWrittenBy(command));
  });

  it('other commands write every stream they read', () => {
    const subsidy = stateAfter(recorded([grant('S-1', 'tianjin.filing', wan(50))])).subsidies['S-1'];
    const command = cancel('S-1', 1);
    expect(writtenAmong(command, fundingStreamsFor(command, subsidy))).toEqual(fundingStreamsFor(command, subsidy));
  });
});

describe('routeEvents: every event to its stream', () => {
  const events = recorded([
    grant('S-1', 'tianjin.filing', wan(50), { recipient: tianjinMember }),
    disburse('S-1', wan(50), '2020-05-01'),
    clawBack('S-1', wan(50), 'fraud', '2020-09-01'),
  ]);

  it('groups a decision’s events by stream, keeping their order', () => {
    expect(routeEvents(events).map(({ streamId, events: routed }) => [streamId, routed.map((e) => e.type)])).toEqual([
      ['subsidy-S-1', ['SubsidyGranted', 'SubsidyDisbursed', 'SubsidyClawedBack']],
      [`funding-${tianjinMember}-2020`, ['FundingCommitted']],
      ['consortium-funding-C-TJ-1', ['FundingCommitted']],
      [`unit-${tianjinMember}`, ['UnitRecordedDishonest']],
      [`unit-${tianjinLead}`, ['UnitRecordedDishonest']],
    ]);
  });

  it('folding stream by stream gives the state of folding the whole log', () => {
    const streamByStream = routeEvents(events)
      .flatMap((s) => s.events)
      .reduce(evolve, initialState());
    expect(streamByStream).toEqual(stateAfter(events));
    expect(events.every((e) => streamIdOf(e) !== '')).toBe(true);
  });
});
