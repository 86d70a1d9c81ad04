import { wan } from '../../shared/money';
import { deciderSpec } from '../../testing/decider-spec';
import { subsidyDecider } from '../../subsidy/subsidy.decider';
import {
  cancel,
  clawBack,
  disburse,
  grant,
  nmgConsortium,
  recorded,
  refund,
  terminate,
  UNITS,
} from '../../subsidy/subsidy.fixtures';
import { FIXTURE_TODAY } from '../../subsidy/subsidy.fixtures';

const { given } = deciderSpec(subsidyDecider, () => ({ today: FIXTURE_TODAY, consortium: nmgConsortium() }));
const lead = UNITS.nmgLead.creditCode;
const FUNDING = `funding-${lead}-2025`;
const projectGrant = (id: string, amountFen: number, projectId = 'NP-1') =>
  grant(id, 'nmg.project', amountFen, { projectId });

describe('ledger.nmg-project — 五(三)', () => {
  it('the plan funds projects but states no amount: the grant records no numeric cap, and what the project has received', () => {
    given(recorded([projectGrant('S-1', wan(3000))]))
      .when(projectGrant('S-2', wan(5000)))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: {
            rule: 'ledger.nmg-project',
            citation: '五(三)',
            caps: [
              {
                rule: 'ledger.nmg-project',
                scope: 'project-NP-1',
                limitFen: null,
                usedBeforeFen: wan(3000),
                headroomAfterFen: null,
              },
            ],
          },
        },
        { type: 'FundingCommitted', data: { boundary: FUNDING } },
        { type: 'FundingCommitted', data: { boundary: 'project-NP-1' } },
      ]);
  });

  it('needs the project', () => {
    given([])
      .when(grant('S-1', 'nmg.project', wan(100)))
      .thenRejects({ code: 'invalid-input', rule: 'ledger.grant-fields' });
  });
});

describe('nmg.terminate-and-recover — 六(二)', () => {
  const history = [projectGrant('S-1', wan(500)), disburse('S-1', wan(200)), clawBack('S-1', wan(50))];

  it('terminates the project: the undisbursed rest is cancelled and the disbursed money not yet recovered is clawed back', () => {
    const rule = { rule: 'nmg.terminate-and-recover', citation: '六(二)' };
    given(recorded(history))
      .when(terminate('S-1', '2025-09-01', '经费分配不当'))
      .then([
        { type: 'SubsidyTerminated', data: { ...rule, subsidyId: 'S-1', on: '2025-09-01', reason: '经费分配不当' } },
        {
          type: 'SubsidyCancelled',
          data: { ...rule, subsidyId: 'S-1', amountFen: wan(300), on: '2025-09-01', reason: 'termination' },
        },
        {
          type: 'SubsidyClawedBack',
          data: { ...rule, subsidyId: 'S-1', amountFen: wan(150), on: '2025-09-01', reason: 'termination' },
        },
        {
          type: 'FundingReleased',
          data: {
            ...rule,
            boundary: FUNDING,
            subsidyId: 'S-1',
            amountFen: wan(300),
            on: '2025-09-01',
            reason: 'termination',
          },
        },
        {
          type: 'FundingReleased',
          data: {
            ...rule,
            boundary: 'project-NP-1',
            subsidyId: 'S-1',
            amountFen: wan(300),
            on: '2025-09-01',
            reason: 'termination',
          },
        },
      ]);
  });

  it('a terminated project takes no further disbursement, cancellation, clawback or termination', () => {
    const terminated = recorded([...history, terminate('S-1')]);
    for (const command of [disburse('S-1', 1), cancel('S-1', 1), clawBack('S-1', 1), terminate('S-1')]) {
      given(terminated).when(command).thenRejects({ code: 'invalid-state', rule: 'ledger.terminated-subsidy' });
    }
  });

  it('the recovered money can still be refunded, up to what was clawed back', () => {
    const terminated = recorded([...history, terminate('S-1')]);
    given(terminated)
      .when(refund('S-1', wan(200), '2025-09-20'))
      .thenMatches([{ type: 'SubsidyRefunded', data: { amountFen: wan(200) } }]);
    given(terminated)
      .when(refund('S-1', wan(200) + 1, '2025-09-20'))
      .thenRejects({ code: 'rule-violated', rule: 'ledger.refund-within-clawback' });
  });

  it('the cancelled rest is headroom again; the clawed-back money stays used', () => {
    const events = recorded([...history, terminate('S-1')]);
    given(events)
      .when(projectGrant('S-2', wan(1)))
      .thenMatches([
        { type: 'SubsidyGranted', data: { caps: [{ usedBeforeFen: wan(200) }] } },
        { type: 'FundingCommitted' },
        { type: 'FundingCommitted' },
      ]);
  });
});
