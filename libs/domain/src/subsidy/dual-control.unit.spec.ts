import { wan } from '../shared/money';
import { deciderSpec } from '../testing/decider-spec';
import { named } from '../testing/named';
import { LEDGER_FUNDING_RULES as LEDGER } from '../policies/funding/ledger-funding-rules';
import { subsidyDecider } from './subsidy.decider';
import { SubsidyCommand } from './subsidy.commands';
import { SubsidyContext } from './subsidy.context';
import { SubsidyLedgerEvent } from './subsidy.events';
import { disburse, FIXTURE_TODAY, grant, liaoningAlliance, UNITS } from './subsidy.fixtures';

const MAKER = 'finance.wang';
const CHECKER = 'finance.zhao';
const dualControl = { thresholdFen: wan(500), pendingDays: 30 };
const context = (extra: Partial<SubsidyContext> = {}): SubsidyContext => ({
  today: FIXTURE_TODAY,
  consortium: liaoningAlliance(),
  actor: MAKER,
  dualControl,
  ...extra,
});
const { given } = deciderSpec(subsidyDecider, () => context());
const mengzhu = UNITS.liaoningMengzhu.creditCode;
const talent = (id: string, amountFen: number) => grant(id, 'liaoning.talent', amountFen, { grantedOn: '2025-05-01' });

/** The events of these commands, each decided on the state before it, by `actor`. */
function history(...steps: Array<[SubsidyCommand, string]>): SubsidyLedgerEvent[] {
  const events: SubsidyLedgerEvent[] = [];
  for (const [command, actor] of steps) {
    const state = events.reduce(subsidyDecider.evolve, subsidyDecider.initialState());
    const decision = subsidyDecider.decide(command, state, context({ actor }));
    if (!Array.isArray(decision)) throw new Error(JSON.stringify(decision.message));
    events.push(...decision);
  }
  return events;
}
const approve = (subsidyId: string, on = '2025-05-10'): SubsidyCommand => ({
  type: 'ApproveGrant',
  data: { subsidyId, on },
});
const decline = (subsidyId: string, on = '2025-05-10'): SubsidyCommand => ({
  type: 'DeclineGrant',
  data: { subsidyId, on, note: '资金安排调整' },
});
const expire = (subsidyId: string, on: string): SubsidyCommand => ({ type: 'ExpireGrant', data: { subsidyId, on } });
const pendingTalent = () => history([talent('S-1', wan(600)), MAKER]);

describe(named(LEDGER.dualControl), () => {
  it('a grant at or above the threshold is recorded pending, holding its headroom, with threshold, maker and expiry', () => {
    given([])
      .when(talent('S-1', wan(500)))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: { dualControl: { thresholdFen: wan(500), maker: MAKER, expiresOn: '2025-05-31' } },
        },
        { type: 'FundingCommitted', data: { amountFen: wan(500) } },
        { type: 'PendingGrantOpened', data: { subsidyId: 'S-1', expiresOn: '2025-05-31', maker: MAKER } },
      ]);
  });

  it('below the threshold, or without dual control configured, a grant is granted at once', () => {
    const [below] = given([])
      .when(talent('S-1', wan(499)))
      .thenMatches([{ type: 'SubsidyGranted' }, { type: 'FundingCommitted' }]);
    expect(below.data).not.toHaveProperty('dualControl');
    const [off] = given([])
      .when(talent('S-1', wan(600)), { dualControl: undefined })
      .thenMatches([{ type: 'SubsidyGranted' }, { type: 'FundingCommitted' }]);
    expect(off.data).not.toHaveProperty('dualControl');
  });

  it('a pending grant holds its headroom: a second one that would not fit beside it is refused', () => {
    // The 盟主's year: 2000万; 1500万 pending leaves 500万.
    given(history([talent('S-1', wan(1000)), MAKER], [talent('S-2', wan(500)), MAKER]))
      .when(talent('S-3', wan(600)))
      .thenRejects({ code: 'cap-exceeded', rule: 'liaoning.mengzhu-annual-cap' });
  });

  it('takes no payment while pending', () =>
    void given(pendingTalent())
      .when(disburse('S-1', wan(100), '2025-05-05'))
      .thenRejects({ code: 'invalid-state', rule: 'ledger.dual-control' }));

  it('a second finance user approves it: then it is paid', () => {
    given(pendingTalent())
      .when(approve('S-1'), { actor: CHECKER })
      .then([
        {
          type: 'GrantApproved',
          data: { ...LEDGER.dualControl, subsidyId: 'S-1', on: '2025-05-10', checker: CHECKER },
        },
        {
          type: 'PendingGrantClosed',
          data: { ...LEDGER.dualControl, subsidyId: 'S-1', on: '2025-05-10', outcome: 'approved' },
        },
      ]);
    given(history([talent('S-1', wan(600)), MAKER], [approve('S-1'), CHECKER]))
      .when(disburse('S-1', wan(100), '2025-05-11'))
      .thenMatches([{ type: 'SubsidyDisbursed' }]);
  });

  it('a signature dated after its expiry comes too late, recorded or not; one dated on its last day is taken', () => {
    // grantedOn 2025-05-01, 30 days: it expires after 2025-05-31 (the daily sweep records that later).
    given(pendingTalent())
      .when(approve('S-1', '2025-06-01'), { actor: CHECKER })
      .thenRejects({ code: 'invalid-state', rule: 'ledger.dual-control' });
    given(pendingTalent())
      .when(approve('S-1', '2025-05-31'), { actor: CHECKER })
      .thenMatches([{ type: 'GrantApproved' }, { type: 'PendingGrantClosed' }]);
  });

  it('its maker may not approve it (403), nor can a grant not pending be approved', () => {
    given(pendingTalent())
      .when(approve('S-1'), { actor: MAKER })
      .thenRejects({ code: 'forbidden', rule: 'ledger.dual-control' });
    given(history([talent('S-1', wan(600)), MAKER], [approve('S-1'), CHECKER]))
      .when(approve('S-1', '2025-05-12'), { actor: 'finance.li' })
      .thenRejects({ code: 'invalid-state' });
  });

  it('declined, it releases its headroom on every boundary and ends', () => {
    // Two pending grants fill the 盟主's year (2000万); declining one makes room for another.
    const full = history([talent('S-1', wan(1000)), MAKER], [talent('S-2', wan(1000)), MAKER]);
    given(full)
      .when(talent('S-3', wan(1000)))
      .thenRejects({ code: 'cap-exceeded' });
    const declined = [...full, ...history([talent('S-1', wan(1000)), MAKER], [decline('S-1'), CHECKER]).slice(3)];
    expect(declined.slice(6).map((e) => e.type)).toEqual(['GrantDeclined', 'FundingReleased', 'PendingGrantClosed']);
    expect(declined[7].data).toMatchObject({
      boundary: `funding-${mengzhu}-2025`,
      amountFen: wan(1000),
      reason: 'declined',
    });
    given(declined)
      .when(talent('S-3', wan(1000)))
      .thenMatches([{ type: 'SubsidyGranted' }, { type: 'FundingCommitted' }, { type: 'PendingGrantOpened' }]);
    given(declined)
      .when(disburse('S-1', 1, '2025-05-11'))
      .thenRejects({ code: 'invalid-state' });
  });

  it('left unsigned past its expiry, the ledger releases it; not before', () => {
    given(pendingTalent())
      .when(expire('S-1', '2025-05-31'))
      .thenRejects({ code: 'invalid-state', rule: 'ledger.dual-control' });
    given(pendingTalent())
      .when(expire('S-1', '2025-06-01'))
      .thenMatches([
        { type: 'GrantExpired', data: { expiresOn: '2025-05-31', amountFen: wan(600) } },
        { type: 'FundingReleased', data: { reason: 'expired', amountFen: wan(600) } },
        { type: 'PendingGrantClosed', data: { outcome: 'expired' } },
      ]);
  });

  it('the list of pending grants holds it until it is signed', () => {
    const state = (events: SubsidyLedgerEvent[]) => events.reduce(subsidyDecider.evolve, subsidyDecider.initialState());
    expect(Object.keys(state(pendingTalent()).pending)).toEqual(['S-1']);
    expect(state(history([talent('S-1', wan(600)), MAKER], [approve('S-1'), CHECKER])).pending).toEqual({});
  });
});
