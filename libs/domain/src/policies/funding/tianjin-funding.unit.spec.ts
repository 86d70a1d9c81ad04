import { CapFigures } from '../../shared/decision';
import { wan } from '../../shared/money';
import { deciderSpec } from '../../testing/decider-spec';
import { subsidyDecider } from '../../subsidy/subsidy.decider';
import {
  activeConsortium,
  ALL_CONSORTIA,
  cancel,
  clawBack,
  disburse,
  evaluation,
  grant,
  liaoningAlliance,
  recorded,
  tianjinAlliance,
  UNITS,
} from '../../subsidy/subsidy.fixtures';
import { FIXTURE_TODAY } from '../../subsidy/subsidy.fixtures';
import { inEnglish } from '../rules/in-english';

const excellent2019 = evaluation('2019', '2019-12-15', 'excellent');
const { given } = deciderSpec(subsidyDecider, () => ({
  today: FIXTURE_TODAY,
  consortium: tianjinAlliance([excellent2019]),
}));
const lead = UNITS.tianjinLead.creditCode;
const member = UNITS.tianjinMember.creditCode;
const ALLIANCE = 'consortium-funding-C-TJ-1';
const committed = [
  { type: 'FundingCommitted', data: { boundary: `funding-${lead}-2020` } },
  { type: 'FundingCommitted', data: { boundary: ALLIANCE } },
];

describe('tianjin.filing-subsidy — 第十三条', () => {
  it('grants a newly filed alliance up to 50万', () => {
    given([])
      .when(grant('S-1', 'tianjin.filing', wan(50)))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: {
            rule: 'tianjin.filing-subsidy',
            citation: '第十三条',
            caps: [
              {
                rule: 'tianjin.filing-subsidy',
                scope: ALLIANCE,
                limitFen: wan(50),
                usedBeforeFen: 0,
                headroomAfterFen: 0,
              },
            ],
          },
        },
        ...committed,
      ]);
  });

  it('refuses 60万', () => {
    given([])
      .when(grant('S-1', 'tianjin.filing', wan(60)))
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'tianjin.filing-subsidy',
        citation: '第十三条',
        cap: { limit: wan(50), used: 0, requested: wan(60), headroom: wan(50) },
      });
  });

  it('is granted once: a second filing subsidy is refused even within 50万 together', () => {
    given(recorded([grant('S-1', 'tianjin.filing', wan(20))]))
      .when(grant('S-2', 'tianjin.filing', wan(30), { recipient: member }))
      .thenRejects({ code: 'rule-violated', rule: 'tianjin.filing-subsidy', citation: '第十三条' });
  });

  it('a wholly cancelled filing subsidy does not use up the once', () => {
    given(recorded([grant('S-1', 'tianjin.filing', wan(50)), cancel('S-1', wan(50), '2020-05-01')]))
      .when(grant('S-2', 'tianjin.filing', wan(50)))
      .thenMatches([{ type: 'SubsidyGranted' }, ...committed]);
  });
});

describe('tianjin.national-pilot — 第十三条', () => {
  it('grants 50万 on inclusion in the national pilot, besides the filing subsidy', () => {
    given(recorded([grant('S-1', 'tianjin.filing', wan(50))]))
      .when(grant('S-2', 'tianjin.national-pilot', wan(50)))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: {
            rule: 'tianjin.national-pilot',
            caps: [{ rule: 'tianjin.national-pilot', limitFen: wan(50), usedBeforeFen: 0 }],
          },
        },
        ...committed,
      ]);
  });

  it('is granted once', () => {
    given(recorded([grant('S-1', 'tianjin.national-pilot', wan(50))]))
      .when(grant('S-2', 'tianjin.national-pilot', wan(50)))
      .thenRejects({ code: 'rule-violated', rule: 'tianjin.national-pilot', citation: '第十三条' });
  });

  it('refuses more than 50万', () => {
    given([])
      .when(grant('S-1', 'tianjin.national-pilot', wan(51)))
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'tianjin.national-pilot',
        cap: { limit: wan(50), used: 0, requested: wan(51), headroom: wan(50) },
      });
  });
});

describe('tianjin.evaluation-award — 第十八条', () => {
  it('awards up to 30万 after an evaluation graded excellent, recording the evaluation', () => {
    given([])
      .when(grant('S-1', 'tianjin.evaluation-award', wan(30)))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: {
            rule: 'tianjin.evaluation-award',
            citation: '第十八条',
            evaluationPeriod: '2019',
            caps: [{ rule: 'tianjin.evaluation-award', scope: ALLIANCE, limitFen: wan(30), headroomAfterFen: 0 }],
          },
        },
        ...committed,
      ]);
  });

  it('refuses 31万', () => {
    given([])
      .when(grant('S-1', 'tianjin.evaluation-award', wan(31)))
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'tianjin.evaluation-award',
        cap: { limit: wan(30), used: 0, requested: wan(31), headroom: wan(30) },
      });
  });

  it('needs the latest evaluation to be excellent: an earlier excellent one does not count', () => {
    const later = evaluation('2020', '2020-03-01', 'qualified');
    given([])
      .when(grant('S-1', 'tianjin.evaluation-award', wan(30)), { consortium: tianjinAlliance([excellent2019, later]) })
      .thenRejects({ code: 'rule-violated', rule: 'tianjin.evaluation-award', citation: '第十八条' });
  });

  it('an evaluation recorded before the cycle rule belongs to no cycle and earns no award (tianjin.end-wins)', () => {
    const rejection = given([])
      .when(grant('S-1', 'tianjin.evaluation-award', wan(10)), {
        consortium: tianjinAlliance([evaluation('2019', '2019-12-15', 'excellent', null)]),
      })
      .thenRejects({ code: 'rule-violated', rule: 'tianjin.evaluation-award', citation: '第十八条' });
    expect(inEnglish(rejection.message)).toContain('belongs to no cycle');
  });

  it('needs an evaluation', () => {
    given([])
      .when(grant('S-1', 'tianjin.evaluation-award', wan(10)), { consortium: tianjinAlliance([]) })
      .thenRejects({ code: 'rule-violated', rule: 'tianjin.evaluation-award' });
  });

  it('an evaluation dated after the grant does not count', () => {
    given([])
      .when(grant('S-1', 'tianjin.evaluation-award', wan(10), { grantedOn: '2019-11-01', fiscalYear: 2019 }))
      .thenRejects({ code: 'rule-violated', rule: 'tianjin.evaluation-award' });
  });

  it('is paid at most once per evaluation', () => {
    given(recorded([grant('S-1', 'tianjin.evaluation-award', wan(10))], [tianjinAlliance([excellent2019])]))
      .when(grant('S-2', 'tianjin.evaluation-award', wan(10)))
      .thenRejects({ code: 'rule-violated', rule: 'tianjin.evaluation-award', citation: '第十八条' });
  });

  it('a new excellent evaluation can be awarded again', () => {
    const excellent2020 = evaluation('2020', '2020-06-01', 'excellent', 2);
    given(recorded([grant('S-1', 'tianjin.evaluation-award', wan(30))], [tianjinAlliance([excellent2019])]))
      .when(grant('S-2', 'tianjin.evaluation-award', wan(30), { grantedOn: '2020-07-01' }), {
        consortium: tianjinAlliance([excellent2019, excellent2020]),
      })
      .thenMatches([{ type: 'SubsidyGranted', data: { evaluationPeriod: '2020' } }, ...committed]);
  });
});

describe('tianjin.fraud — 第十六条', () => {
  const paidFiling = [grant('S-1', 'tianjin.filing', wan(50)), disburse('S-1', wan(50), '2020-05-01')];

  it('a fraud clawback returns the money and records the responsible unit as dishonest', () => {
    given(recorded(paidFiling))
      .when(clawBack('S-1', wan(50), 'fraud', '2021-03-01'))
      .then([
        {
          type: 'SubsidyClawedBack',
          data: {
            rule: 'tianjin.fraud',
            citation: '第十六条',
            subsidyId: 'S-1',
            amountFen: wan(50),
            on: '2021-03-01',
            reason: 'fraud',
          },
        },
        {
          type: 'UnitRecordedDishonest',
          data: {
            rule: 'tianjin.fraud',
            citation: '第十六条',
            creditCode: lead,
            on: '2021-03-01',
            subsidyId: 'S-1',
            consortiumId: 'C-TJ-1',
            capacity: 'recipient',
          },
        },
      ]);
  });

  it("fraud by a member records the member and the alliance's responsible unit (对外责任主体单位)", () => {
    given(
      recorded([
        grant('S-1', 'tianjin.filing', wan(50), { recipient: member }),
        disburse('S-1', wan(50), '2020-05-01'),
      ]),
    )
      .when(clawBack('S-1', wan(50), 'fraud', '2020-09-01'))
      .thenMatches([
        { type: 'SubsidyClawedBack', data: { rule: 'tianjin.fraud' } },
        { type: 'UnitRecordedDishonest', data: { creditCode: member, capacity: 'recipient' } },
        { type: 'UnitRecordedDishonest', data: { creditCode: lead, capacity: 'responsible-unit' } },
      ]);
  });

  it('fraud recovers everything: a smaller amount than what was disbursed and not clawed back is refused (422), nothing recorded', () => {
    given(recorded(paidFiling))
      .when(clawBack('S-1', wan(20), 'fraud', '2020-09-01'))
      .thenRejects({
        code: 'rule-violated',
        rule: 'tianjin.fraud',
        citation: '第十六条',
        cap: { limit: wan(50), used: 0, requested: wan(20), headroom: wan(50) },
      });
  });

  it('fraud claws back the rest disbursed and, in the same decision, cancels the undisbursed rest and releases it', () => {
    const FILING_BOUNDARY = 'consortium-funding-C-TJ-1';
    given(
      recorded([
        grant('S-1', 'tianjin.filing', wan(50)),
        disburse('S-1', wan(30), '2020-05-01'),
        clawBack('S-1', wan(5), 'misuse', '2020-06-01'),
      ]),
    )
      .when(clawBack('S-1', wan(25), 'fraud', '2020-09-01'))
      .thenMatches([
        { type: 'SubsidyClawedBack', data: { rule: 'tianjin.fraud', amountFen: wan(25), reason: 'fraud' } },
        { type: 'SubsidyCancelled', data: { rule: 'tianjin.fraud', amountFen: wan(20), reason: 'fraud' } },
        {
          type: 'FundingReleased',
          data: { rule: 'tianjin.fraud', amountFen: wan(20), reason: 'fraud', boundary: `funding-${lead}-2020` },
        },
        {
          type: 'FundingReleased',
          data: { rule: 'tianjin.fraud', amountFen: wan(20), reason: 'fraud', boundary: FILING_BOUNDARY },
        },
        { type: 'UnitRecordedDishonest', data: { creditCode: lead } },
      ]);
  });

  it('after fraud nothing more is paid on the subsidy', () => {
    given(
      recorded([
        grant('S-1', 'tianjin.filing', wan(50)),
        disburse('S-1', wan(30), '2020-05-01'),
        clawBack('S-1', wan(30), 'fraud', '2020-09-01'),
      ]),
    )
      .when(disburse('S-1', wan(1), '2020-10-01'))
      .thenRejects({
        code: 'rule-violated',
        rule: 'ledger.disburse-within-grant',
        cap: expect.objectContaining({ headroom: 0 }) as CapFigures,
      });
  });

  it('a dishonest unit gets no later grant under any policy, citing 第十六条', () => {
    const liaoningWithTianjinUnit = activeConsortium('liaoning-2021-alliance', {
      members: [...liaoningAlliance().members, UNITS.tianjinLead],
    });
    const history = recorded([...paidFiling, clawBack('S-1', wan(50), 'fraud', '2021-03-01')]);
    given(history)
      .when(grant('S-2', 'liaoning.talent', wan(200), { recipient: lead }), { consortium: liaoningWithTianjinUnit })
      .thenRejects({ code: 'rule-violated', rule: 'tianjin.fraud', citation: '第十六条' });
  });

  it('a misuse clawback records nobody as dishonest', () => {
    given(recorded(paidFiling))
      .when(clawBack('S-1', wan(50), 'misuse', '2020-09-01'))
      .then([
        {
          type: 'SubsidyClawedBack',
          data: {
            rule: 'ledger.clawback-within-disbursed',
            citation: 'API.md Subsidies: not beyond what was disbursed',
            subsidyId: 'S-1',
            amountFen: wan(50),
            on: '2020-09-01',
            reason: 'misuse',
          },
        },
      ]);
  });

  it('fraud under another policy is clawed back without a dishonesty record (第十六条 is Tianjin’s)', () => {
    given(recorded([grant('S-1', 'liaoning.talent', wan(200)), disburse('S-1', wan(200))], ALL_CONSORTIA()))
      .when(clawBack('S-1', wan(200), 'fraud'))
      .thenMatches([
        { type: 'SubsidyClawedBack', data: { rule: 'ledger.clawback-within-disbursed', reason: 'fraud' } },
      ]);
  });

  it('a unit already recorded is not recorded again', () => {
    const history = recorded([
      grant('S-1', 'tianjin.filing', wan(50)),
      grant('S-2', 'tianjin.national-pilot', wan(50)),
      disburse('S-1', wan(50), '2020-05-01'),
      disburse('S-2', wan(50), '2020-05-01'),
      clawBack('S-1', wan(50), 'fraud', '2020-09-01'),
    ]);
    given(history)
      .when(clawBack('S-2', wan(50), 'fraud', '2020-10-01'))
      .thenMatches([{ type: 'SubsidyClawedBack', data: { rule: 'tianjin.fraud' } }]);
  });
});

describe('lifecycle.in-force — 第二十一条', () => {
  it('the Tianjin policy is in force until 2020-12-31: grants dated that day', () => {
    given([])
      .when(grant('S-1', 'tianjin.filing', wan(50), { grantedOn: '2020-12-31' }))
      .thenMatches([{ type: 'SubsidyGranted' }, ...committed]);
  });

  it('refuses a grant dated 2021-01-04', () => {
    given([])
      .when(grant('S-1', 'tianjin.filing', wan(50), { grantedOn: '2021-01-04', fiscalYear: 2021 }))
      .thenRejects({ code: 'policy-not-in-force', rule: 'lifecycle.in-force', citation: '第二十一条' });
  });

  it('refuses a grant dated before the policy was issued (2018-12-25)', () => {
    given([])
      .when(grant('S-1', 'tianjin.filing', wan(50), { grantedOn: '2018-12-24', fiscalYear: 2018 }))
      .thenRejects({ code: 'policy-not-in-force', citation: '第二十一条' });
  });

  it('clawbacks after 2020 are still recorded: only filings, grants and evaluations end with the policy', () => {
    given(recorded([grant('S-1', 'tianjin.filing', wan(50)), disburse('S-1', wan(50), '2020-05-01')]))
      .when(clawBack('S-1', wan(50), 'misuse', '2022-01-10'))
      .thenMatches([{ type: 'SubsidyClawedBack' }]);
  });
});
