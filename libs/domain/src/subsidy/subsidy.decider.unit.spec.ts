import { wan } from '../shared/money';
import { deciderSpec } from '../testing/decider-spec';
import { malformed } from '../testing/malformed';
import { named } from '../testing/named';
import { ClawbackReason } from './subsidy.commands';
import { subsidyDecider } from './subsidy.decider';
import {
  activeConsortium,
  cancel,
  clawBack,
  continueProject,
  disburse,
  grant,
  liaoningAlliance,
  luzhouConsortium,
  nmgConsortium,
  recorded,
  refund,
  terminate,
  UNITS,
} from './subsidy.fixtures';
import { LEDGER_FUNDING_RULES as LEDGER } from '../policies/funding/ledger-funding-rules';
import { NO_FUTURE_FACTS } from '../policies/ledger-interpretations';
import { SubsidyCommand } from './subsidy.commands';
import { FIXTURE_TODAY } from './subsidy.fixtures';
import { inEnglish } from '../policies/rules/in-english';
import { isRejection } from '../shared/decision';
import { MAX_MOVEMENT_FEN } from '../shared/input-problems';
import { SubsidyContext } from './subsidy.context';
import { LeadRegistryState } from '../lead-registry/lead-registry.state';

const { given } = deciderSpec(subsidyDecider, (): SubsidyContext => ({
  today: FIXTURE_TODAY,
  consortium: liaoningAlliance(),
}));
const mengzhu = UNITS.liaoningMengzhu.creditCode;
const member = UNITS.liaoningMember.creditCode;
const FUNDING = `funding-${mengzhu}-2025`;
const talent = (id: string, amountFen: number, extra = {}) => grant(id, 'liaoning.talent', amountFen, extra);
const jiebang = (id: string, amountFen: number, extra = {}) =>
  grant(id, 'liaoning.jiebang', amountFen, { projectId: 'P-1', projectTotalInvestmentFen: wan(5000), ...extra });

describe('the grant record (SubsidyGranted): every rule passed and every cap as it stood', () => {
  it('records the decision as facts — rule ids, figures, the facts its sentences name besides the terms — and mirrors it into each boundary', () => {
    const rule = { rule: 'liaoning.jiebang', citation: '若干政策 2' };
    const jiebangCap = {
      rule: 'liaoning.jiebang',
      scope: 'project-P-1',
      limitFen: wan(1000),
      usedBeforeFen: 0,
      headroomAfterFen: wan(400),
      // "30% of the project's total investment 5000万元 is 1500万元, and at most 1000万元 per project: limit 1000万元"
      facts: { sharePercent: 30, maxFen: wan(1000) },
    };
    const annualCap = {
      rule: 'liaoning.mengzhu-annual-cap',
      scope: FUNDING,
      limitFen: wan(2000),
      usedBeforeFen: 0,
      headroomAfterFen: wan(1400),
      // `the 盟主 ${mengzhu} (of C-LN-1) in fiscal year 2025, all categories and roles together`: the terms say it all
    };
    const commitment = {
      ...rule,
      subsidyId: 'S-1',
      consortiumId: 'C-LN-1',
      policy: 'liaoning-2021-alliance' as const,
      category: 'liaoning.jiebang' as const,
      recipient: mengzhu,
      recipientRole: 'lead' as const,
      fiscalYear: 2025,
      amountFen: wan(600),
      grantedOn: '2025-04-01',
    };
    given([])
      .when(jiebang('S-1', wan(600)))
      .then([
        {
          type: 'SubsidyGranted',
          data: {
            ...rule,
            subsidyId: 'S-1',
            consortiumId: 'C-LN-1',
            policy: 'liaoning-2021-alliance',
            category: 'liaoning.jiebang',
            recipient: mengzhu,
            recipientRole: 'lead',
            recipientLeads: ['C-LN-1'],
            responsibleUnit: mengzhu,
            amountFen: wan(600),
            fiscalYear: 2025,
            grantedOn: '2025-04-01',
            projectId: 'P-1',
            projectTotalInvestmentFen: wan(5000),
            checks: [
              { rule: 'ledger.consortium-active', ok: true, variant: 'status' },
              { rule: 'ledger.category-of-policy', ok: true },
              { rule: 'lifecycle.in-force', ok: true, facts: { from: '2021-03-01' } },
              { rule: 'ledger.consortium-active', ok: true, variant: 'approval', facts: { approvedOn: '2024-05-01' } },
              { rule: 'ledger.fiscal-year', ok: true },
              { rule: 'ledger.recipient-member', ok: true },
              { rule: 'tianjin.fraud', ok: true },
              { rule: 'ledger.project-consistent', ok: true, variant: 'first' },
            ],
            caps: [
              jiebangCap,
              expect.objectContaining({ rule: 'liaoning.alliance-no-cap', limitFen: null }),
              annualCap,
            ],
            boundaries: [FUNDING, 'project-P-1'],
          },
        },
        { type: 'FundingCommitted', data: { ...commitment, boundary: FUNDING } },
        {
          type: 'FundingCommitted',
          data: { ...commitment, boundary: 'project-P-1', projectId: 'P-1', projectTotalInvestmentFen: wan(5000) },
        },
      ]);
  });
});

describe(named(LEDGER.consortiumActive), () => {
  it('refuses a grant to a dissolved consortium', () => {
    given([])
      .when(talent('S-1', wan(200)), {
        consortium: activeConsortium('liaoning-2021-alliance', { status: 'dissolved' }),
      })
      .thenRejects({ code: 'invalid-state', rule: 'ledger.consortium-active' });
  });

  it('refuses a grant to a consortium still under review', () => {
    given([])
      .when(talent('S-1', wan(200)), {
        consortium: activeConsortium('liaoning-2021-alliance', { status: 'public-notice' }),
      })
      .thenRejects({ code: 'invalid-state', rule: 'ledger.consortium-active' });
  });

  it('refuses a grant dated before the consortium was approved', () => {
    given([])
      .when(talent('S-1', wan(200)), {
        consortium: activeConsortium('liaoning-2021-alliance', { approvedOn: '2025-12-31' }),
      })
      .thenRejects({ code: 'invalid-state', rule: 'ledger.consortium-active' });
  });

  it('refuses a grant to a consortium that does not exist', () => {
    given([])
      .when(talent('S-1', wan(200)), { consortium: undefined })
      .thenRejects({ code: 'invalid-state', rule: 'ledger.consortium-active' });
  });
});

describe(named(LEDGER.categoryOfPolicy), () => {
  it('refuses a Luzhou platform subsidy to a Liaoning alliance', () => {
    given([])
      .when(
        grant('S-1', 'luzhou.platform', wan(50), { consortiumId: 'C-LN-1', recipient: mengzhu, platformId: 'PF-1' }),
      )
      .thenRejects({ code: 'rule-violated', rule: 'ledger.category-of-policy' });
  });

  it('refuses a category that does not exist', () => {
    given([])
      .when(grant('S-1', 'liaoning.lunch', wan(50)))
      .thenRejects({ code: 'invalid-input' });
  });
});

describe(named(LEDGER.recipientMember), () => {
  it('refuses a unit outside the consortium', () => {
    given([])
      .when(talent('S-1', wan(200), { recipient: UNITS.outsider.creditCode }))
      .thenRejects({ code: 'rule-violated', rule: 'ledger.recipient-member' });
  });
});

describe('ledger.grant-on-its-date — Ledger interpretation 2026-12-03: a grant is judged on the consortium as it stood on its date', () => {
  const university = UNITS.liaoningUniversity.creditCode;
  const outsider = UNITS.outsider;
  /** The 盟主 handed the lead to the member on 2025-05-01; every grant below is recorded after that. */
  const afterLeadChange = () =>
    activeConsortium('liaoning-2021-alliance', {
      lead: UNITS.liaoningMember,
      members: [UNITS.liaoningUniversity, UNITS.liaoningMengzhu],
      lastOn: '2025-05-01',
      formerCompositions: [
        {
          from: '2024-03-01',
          until: '2025-05-01',
          lead: UNITS.liaoningMengzhu,
          members: [UNITS.liaoningUniversity, UNITS.liaoningMember],
        },
      ],
    });
  /** …and the outsider joined on 2025-06-01. */
  const afterJoining = () => {
    const consortium = afterLeadChange();
    return {
      ...consortium,
      members: [...consortium.members, outsider],
      lastOn: '2025-06-01',
      formerCompositions: [
        ...consortium.formerCompositions,
        { from: '2025-05-01', until: '2025-06-01', lead: consortium.lead, members: consortium.members },
      ],
    };
  };
  /** The registry of 盟主: the former lead's claim on C-LN-1, from the approval until the lead change. */
  const formerMengzhu: LeadRegistryState = {
    claims: [],
    ended: [
      {
        consortiumId: 'C-LN-1',
        creditCode: mengzhu,
        policy: 'liaoning-2021-alliance',
        filedOn: '2024-03-01',
        since: '2024-05-01',
        until: '2025-05-01',
      },
    ],
  };
  const grantedAs = (outcome: unknown) => {
    expect(isRejection(outcome as never)).toBe(false);
    return (outcome as Array<{ data: Record<string, unknown> }>)[0].data;
  };

  it("a grant dated before the lead change is the former lead's, as lead (its role, its 盟主 cap); the lead now answers for it", () => {
    const { outcome } = given([]).when(talent('S-1', wan(200), { grantedOn: '2025-04-02' }), {
      consortium: afterLeadChange(),
      recipientRegistry: formerMengzhu,
    });
    expect(grantedAs(outcome)).toMatchObject({
      recipient: mengzhu,
      recipientRole: 'lead',
      responsibleUnit: member,
      recipientLeads: ['C-LN-1'],
      caps: expect.arrayContaining([expect.objectContaining({ rule: 'liaoning.mengzhu-annual-cap' })]),
    });
  });

  it("the former 盟主's 2000万 of 2025 used: a grant dated before the lead change, recorded after it, is refused", () => {
    const asMengzhu = [
      talent('S-0', wan(1000), { grantedOn: '2025-03-01' }),
      talent('S-00', wan(1000), { grantedOn: '2025-03-02' }),
    ];
    given(recorded(asMengzhu))
      .when(talent('S-1', wan(100), { grantedOn: '2025-04-02' }), {
        consortium: afterLeadChange(),
        recipientRegistry: formerMengzhu,
      })
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'liaoning.mengzhu-annual-cap',
        cap: { limit: wan(2000), used: wan(2000), requested: wan(100), headroom: 0 },
      });
  });

  it('…and so is one dated after it in the same fiscal year: a 盟主 for a day of 2025 is bound for all of 2025', () => {
    const asMengzhu = [
      talent('S-0', wan(1000), { grantedOn: '2025-03-01' }),
      talent('S-00', wan(1000), { grantedOn: '2025-03-02' }),
    ];
    given(recorded(asMengzhu))
      .when(talent('S-1', wan(100), { grantedOn: '2025-07-01' }), {
        consortium: afterLeadChange(),
        recipientRegistry: formerMengzhu,
      })
      .thenRejects({ code: 'cap-exceeded', rule: 'liaoning.mengzhu-annual-cap' });
  });

  it('the new lead, a member before the change, receives a grant dated then as a member: operating funds (盟主 only) are refused', () => {
    given([])
      .when(grant('S-1', 'liaoning.operating', wan(200), { recipient: member, grantedOn: '2025-04-15' }), {
        consortium: afterLeadChange(),
      })
      .thenRejects({ code: 'rule-violated', rule: 'liaoning.operating-funds' });
  });

  it.each([
    ['dated before it joined', '2025-05-31', false],
    ['dated the day it joined', '2025-06-01', true],
  ])('a member that joined on 2025-06-01, a grant %s', (_when, grantedOn, accepted) => {
    const command = talent('S-1', wan(200), { recipient: outsider.creditCode, grantedOn });
    const when = given([]).when(command, { consortium: afterJoining() });
    if (accepted) grantedAs(when.outcome);
    else
      when.thenRejects({
        code: 'rule-violated',
        rule: 'ledger.recipient-member',
        message: `ledger.recipient-member (${LEDGER.recipientMember.citation}): ${outsider.creditCode} was neither the lead nor a member of consortium C-LN-1 on ${grantedOn}, the grant's date`,
      });
  });

  it('a member before and after: the university receives grants dated on either side of the change', () => {
    for (const grantedOn of ['2025-04-02', '2025-05-02']) {
      const { outcome } = given([]).when(talent('S-1', wan(200), { recipient: university, grantedOn }), {
        consortium: afterLeadChange(),
      });
      expect(grantedAs(outcome)).toMatchObject({ recipientRole: 'member' });
    }
  });
});

describe('one amount at most 100亿元 (MAX_MOVEMENT_FEN): a grant or a movement beyond it is invalid input, nothing recorded', () => {
  const transformation = (amountFen: number) =>
    grant('S-1', 'liaoning.transformation', amountFen, { recipient: member, projectId: 'P-9' });
  it('accepts 100亿元 and refuses one fen more, naming the field', () => {
    given([])
      .when(transformation(MAX_MOVEMENT_FEN))
      .thenMatches([{ type: 'SubsidyGranted' }, {}, {}]);
    given([])
      .when(transformation(MAX_MOVEMENT_FEN + 1))
      .thenRejects({
        code: 'invalid-input',
        details: [{ field: 'amount', problem: expect.stringContaining('100亿元') }],
      });
  });
  it.each([
    ['a disbursement', disburse('S-1', MAX_MOVEMENT_FEN + 1)],
    ['a cancellation', cancel('S-1', MAX_MOVEMENT_FEN + 1)],
    ['a clawback', clawBack('S-1', MAX_MOVEMENT_FEN + 1)],
    ['a refund', refund('S-1', MAX_MOVEMENT_FEN + 1)],
  ])('refuses %s beyond it', (_what, command) => {
    given(recorded([talent('S-1', wan(500))]))
      .when(command)
      .thenRejects({
        code: 'invalid-input',
        details: [{ field: 'amount', problem: expect.stringContaining('100亿元') }],
      });
  });
});

describe(named(LEDGER.fiscalYear), () => {
  it('refuses a grant dated 2025 for fiscal year 2026', () => {
    given([])
      .when(talent('S-1', wan(200), { fiscalYear: 2026 }))
      .thenRejects({ code: 'rule-violated', rule: 'ledger.fiscal-year' });
  });
});

describe('lifecycle.in-force — the in-force date of each policy', () => {
  it.each([
    [
      'liaoning-2021-alliance',
      grant('S-1', 'liaoning.talent', wan(200), { grantedOn: '2021-02-28', fiscalYear: 2021 }),
      liaoningAlliance,
    ],
    [
      'luzhou-2024-consortium',
      grant('S-1', 'luzhou.platform', wan(50), { platformId: 'PF', grantedOn: '2024-05-14', fiscalYear: 2024 }),
      luzhouConsortium,
    ],
    [
      'nmg-2024-consortium',
      grant('S-1', 'nmg.project', wan(50), { projectId: 'NP', grantedOn: '2024-12-18', fiscalYear: 2024 }),
      nmgConsortium,
    ],
  ])('%s refuses a grant dated the day before', (_policy, command, consortium) => {
    given([])
      .when(command, { consortium: consortium() })
      .thenRejects({ code: 'policy-not-in-force', rule: 'lifecycle.in-force' });
  });
});

describe('invalid input (400) — API.md conventions: amounts in whole positive fen, real dates', () => {
  it.each([
    ['zero', 0],
    ['negative', -100],
    ['a fraction of a fen', 10.5],
  ])('refuses an amount that is %s', (_why, amountFen) => {
    given([])
      .when(talent('S-1', amountFen))
      .thenRejects({ code: 'invalid-input', details: [{ field: 'amount' }] });
  });

  it('refuses an impossible date', () => {
    given([])
      .when(talent('S-1', wan(200), { grantedOn: '2025-02-30' }))
      .thenRejects({ code: 'invalid-input' });
  });
});

describe(named(LEDGER.subsidyUnique), () => {
  it('refuses a second grant under the same id', () => {
    given(recorded([talent('S-1', wan(200))]))
      .when(talent('S-1', wan(200)))
      .thenRejects({ code: 'invalid-state', rule: 'ledger.subsidy-unique' });
  });
});

describe(named(LEDGER.projectConsistent), () => {
  it('refuses a later grant that states another total investment', () => {
    given(recorded([jiebang('S-1', wan(100))]))
      .when(jiebang('S-2', wan(100), { projectTotalInvestmentFen: wan(9000) }))
      .thenRejects({ code: 'rule-violated', rule: 'ledger.project-consistent' });
  });

  it('refuses to fund the same project under another category', () => {
    given(recorded([grant('S-1', 'nmg.project', wan(100), { projectId: 'P-1' })]))
      .when(jiebang('S-2', wan(100)))
      .thenRejects({ code: 'rule-violated', rule: 'ledger.project-consistent' });
  });
});

describe(named(LEDGER.disburseWithinGrant), () => {
  const history = [
    talent('S-1', wan(500)),
    cancel('S-1', wan(100), '2025-06-01'),
    disburse('S-1', wan(300), '2025-06-15'),
  ];

  it('pays in tranches against vouchers up to granted − cancelled', () => {
    given(recorded(history))
      .when(disburse('S-1', wan(100), '2025-10-01', 'V-2'))
      .then([
        {
          type: 'SubsidyDisbursed',
          data: {
            rule: 'ledger.disburse-within-grant',
            citation: 'API.md Subsidies: not beyond what is granted and not cancelled',
            subsidyId: 'S-1',
            amountFen: wan(100),
            paidOn: '2025-10-01',
            voucher: 'V-2',
          },
        },
      ]);
  });

  it('refuses one fen more', () => {
    given(recorded(history))
      .when(disburse('S-1', wan(100) + 1, '2025-10-01'))
      .thenRejects({
        code: 'rule-violated',
        rule: 'ledger.disburse-within-grant',
        cap: { limit: wan(400), used: wan(300), requested: wan(100) + 1, headroom: wan(100) },
      });
  });

  it('needs a voucher', () => {
    given(recorded(history))
      .when(disburse('S-1', wan(1), '2025-10-01', ' '))
      .thenRejects({ code: 'invalid-input' });
  });
});

describe(named(LEDGER.cancelUndisbursed), () => {
  it('cancels undisbursed money and releases it on every funding boundary', () => {
    const rule = {
      rule: 'ledger.cancel-undisbursed',
      citation: 'API.md Subsidies: cancellation releases undisbursed money',
    };
    given(recorded([jiebang('S-1', wan(600)), disburse('S-1', wan(200))]))
      .when(cancel('S-1', wan(400), '2025-06-01', '项目调整'))
      .then([
        {
          type: 'SubsidyCancelled',
          data: { ...rule, subsidyId: 'S-1', amountFen: wan(400), on: '2025-06-01', reason: '项目调整' },
        },
        {
          type: 'FundingReleased',
          data: {
            ...rule,
            boundary: FUNDING,
            subsidyId: 'S-1',
            amountFen: wan(400),
            on: '2025-06-01',
            reason: 'cancellation',
          },
        },
        {
          type: 'FundingReleased',
          data: {
            ...rule,
            boundary: 'project-P-1',
            subsidyId: 'S-1',
            amountFen: wan(400),
            on: '2025-06-01',
            reason: 'cancellation',
          },
        },
      ]);
  });

  it('refuses to cancel disbursed money', () => {
    given(recorded([talent('S-1', wan(600)), disburse('S-1', wan(200))]))
      .when(cancel('S-1', wan(400) + 1))
      .thenRejects({
        code: 'rule-violated',
        rule: 'ledger.cancel-undisbursed',
        cap: { limit: wan(400), used: 0, requested: wan(400) + 1, headroom: wan(400) },
      });
  });
});

describe(named(LEDGER.clawbackWithinDisbursed), () => {
  it('claws back disbursed money and releases no headroom', () => {
    given(recorded([talent('S-1', wan(600)), disburse('S-1', wan(200))]))
      .when(clawBack('S-1', wan(200)))
      .thenMatches([
        { type: 'SubsidyClawedBack', data: { rule: 'ledger.clawback-within-disbursed', amountFen: wan(200) } },
      ]);
  });

  it('refuses more than was disbursed and not yet clawed back', () => {
    given(recorded([talent('S-1', wan(600)), disburse('S-1', wan(200)), clawBack('S-1', wan(150))]))
      .when(clawBack('S-1', wan(50) + 1))
      .thenRejects({
        code: 'rule-violated',
        rule: 'ledger.clawback-within-disbursed',
        cap: { limit: wan(200), used: wan(150), requested: wan(50) + 1, headroom: wan(50) },
      });
  });

  it('refuses an unknown reason', () => {
    given(recorded([talent('S-1', wan(600)), disburse('S-1', wan(200))]))
      .when({
        type: 'ClawBackSubsidy',
        data: { subsidyId: 'S-1', amountFen: 1, on: '2025-07-01', reason: malformed<ClawbackReason>('whim') },
      })
      .thenRejects({ code: 'invalid-input' });
  });
});

describe(named(LEDGER.refundWithinClawback), () => {
  const history = [
    talent('S-1', wan(600)),
    disburse('S-1', wan(200)),
    clawBack('S-1', wan(150)),
    refund('S-1', wan(100)),
  ];

  it('records a refund up to what was clawed back and not yet returned', () => {
    given(recorded(history))
      .when(refund('S-1', wan(50), '2025-09-01', 'R-2'))
      .thenMatches([
        {
          type: 'SubsidyRefunded',
          data: { rule: 'ledger.refund-within-clawback', amountFen: wan(50), receivedOn: '2025-09-01', voucher: 'R-2' },
        },
      ]);
  });

  it('refuses more', () => {
    given(recorded(history))
      .when(refund('S-1', wan(50) + 1))
      .thenRejects({ code: 'rule-violated', rule: 'ledger.refund-within-clawback' });
  });
});

describe(named(LEDGER.terminateAndRecover), () => {
  it('cancels the rest and claws back everything disbursed, citing the ledger rule', () => {
    const rule = { rule: 'ledger.terminate-and-recover' };
    given(recorded([talent('S-1', wan(600), { recipient: member }), disburse('S-1', wan(250))]))
      .when(terminate('S-1'))
      .thenMatches([
        { type: 'SubsidyTerminated', data: rule },
        { type: 'SubsidyCancelled', data: { ...rule, amountFen: wan(350), reason: 'termination' } },
        { type: 'SubsidyClawedBack', data: { ...rule, amountFen: wan(250), reason: 'termination' } },
        { type: 'FundingReleased', data: { ...rule, boundary: `funding-${member}-2025`, amountFen: wan(350) } },
      ]);
  });

  it('a subsidy fully disbursed and clawed back terminates with nothing more to move', () => {
    given(recorded([talent('S-1', wan(200)), disburse('S-1', wan(200)), clawBack('S-1', wan(200))]))
      .when(terminate('S-1'))
      .thenMatches([{ type: 'SubsidyTerminated' }]);
  });
});

describe(named(LEDGER.subsidyExists), () => {
  it('answers not-found for an unknown subsidy', () => {
    for (const command of [
      disburse('S-404', 1),
      cancel('S-404', 1),
      clawBack('S-404', 1),
      refund('S-404', 1),
      terminate('S-404'),
    ]) {
      given([]).when(command).thenRejects({ code: 'not-found', rule: 'ledger.subsidy-exists' });
    }
  });
});

describe(named(LEDGER.terminatedIsClosed), () => {
  const terminated = () => recorded([talent('S-1', wan(600)), disburse('S-1', wan(250)), terminate('S-1')]);

  it('a terminated subsidy takes no disbursement, cancellation, clawback or second termination', () => {
    for (const command of [disburse('S-1', 1), cancel('S-1', 1), clawBack('S-1', 1), terminate('S-1')]) {
      given(terminated()).when(command).thenRejects({ code: 'invalid-state', rule: 'ledger.terminated-subsidy' });
    }
  });

  it('but records refunds of the money its termination clawed back', () => {
    given(terminated())
      .when(refund('S-1', wan(250), '2025-09-15'))
      .thenMatches([{ type: 'SubsidyRefunded', data: { amountFen: wan(250) } }]);
  });
});

describe(named(NO_FUTURE_FACTS), () => {
  const today = '2025-06-30';
  const granted = () => recorded([talent('S-1', wan(600), { grantedOn: '2025-05-01' })]);
  it.each<[string, SubsidyCommand, string]>([
    ['a grant', talent('S-2', wan(600), { grantedOn: '2025-07-01' }), 'grantedOn'],
    ['a disbursement', disburse('S-1', wan(100), '2025-07-01'), 'paidOn'],
    ['a cancellation', cancel('S-1', wan(100), '2025-07-01'), 'on'],
    ['a refund', refund('S-1', wan(100), '2025-07-01'), 'receivedOn'],
    ['a termination', terminate('S-1', '2025-07-01'), 'on'],
  ])('%s dated after today is invalid input naming its field, nothing recorded', (_what, command, field) => {
    given(command.type === 'GrantSubsidy' ? [] : granted())
      .when(command, { today })
      .thenRejects({ code: 'invalid-input', rule: NO_FUTURE_FACTS.rule, details: [{ field }] });
  });

  it('a disbursement paid today is accepted', () => {
    given(granted())
      .when(disburse('S-1', wan(100), today), { today })
      .thenMatches([{ type: 'SubsidyDisbursed' }]);
  });
});

describe(named(LEDGER.movementDates), () => {
  const grantedOn20Oct = talent('S-1', wan(600), { grantedOn: '2025-10-20' });

  it('refuses a disbursement paid 2019-01-01 on a subsidy granted 2025-10-20, naming both dates', () => {
    const rejection = given(recorded([grantedOn20Oct]))
      .when(disburse('S-1', wan(100), '2019-01-01'))
      .thenRejects({
        code: 'rule-violated',
        rule: 'ledger.movement-dates',
        citation: LEDGER.movementDates.citation,
        details: [{ field: 'paidOn', date: '2019-01-01', notBefore: '2025-10-20', grantedOn: '2025-10-20' }],
      });
    expect(inEnglish(rejection.message)).toContain('paidOn 2019-01-01 is before 2025-10-20');
  });

  it('refuses a clawback on 2018-01-01 of money paid 2025-11-10', () => {
    given(recorded([grantedOn20Oct, disburse('S-1', wan(100), '2025-11-10')]))
      .when(clawBack('S-1', wan(100), 'misuse', '2018-01-01'))
      .thenRejects({
        code: 'rule-violated',
        rule: 'ledger.movement-dates',
        details: [{ field: 'on', notBefore: '2025-11-10' }],
      });
  });

  it.each([
    ['a disbursement', disburse('S-1', wan(1), '2025-10-19'), 'paidOn'],
    ['a cancellation', cancel('S-1', wan(1), '2025-10-19'), 'on'],
    ['a clawback', clawBack('S-1', wan(1), 'misuse', '2025-10-19'), 'on'],
    ['a refund', refund('S-1', wan(1), '2025-10-19'), 'receivedOn'],
    ['a termination', terminate('S-1', '2025-10-19'), 'on'],
  ])('refuses %s dated the day before the grant, before looking at its amount', (_what, command, field) => {
    given(recorded([grantedOn20Oct]))
      .when(command)
      .thenRejects({
        code: 'rule-violated',
        rule: 'ledger.movement-dates',
        details: [{ field, notBefore: '2025-10-20' }],
      });
  });

  it('accepts a disbursement on the day of the grant', () => {
    given(recorded([grantedOn20Oct]))
      .when(disburse('S-1', wan(100), '2025-10-20'))
      .thenMatches([{ type: 'SubsidyDisbursed', data: { paidOn: '2025-10-20' } }]);
  });

  it('a clawback is not dated before the disbursement it claws back from; the same day is fine', () => {
    const paid = recorded([talent('S-1', wan(600)), disburse('S-1', wan(200), '2025-05-01')]);
    given(paid)
      .when(clawBack('S-1', wan(200), 'misuse', '2025-04-30'))
      .thenRejects({ code: 'rule-violated', rule: 'ledger.movement-dates' });
    given(paid)
      .when(clawBack('S-1', wan(200), 'misuse', '2025-05-01'))
      .thenMatches([
        { type: 'SubsidyClawedBack', data: { rule: 'ledger.clawback-within-disbursed', on: '2025-05-01' } },
      ]);
  });

  it('a refund is not dated before the clawback it refunds', () => {
    const clawedBack = recorded([
      talent('S-1', wan(600)),
      disburse('S-1', wan(200)),
      clawBack('S-1', wan(200), 'misuse', '2025-07-01'),
    ]);
    given(clawedBack)
      .when(refund('S-1', wan(50), '2025-06-30'))
      .thenRejects({
        code: 'rule-violated',
        rule: 'ledger.movement-dates',
        details: [{ field: 'receivedOn', notBefore: '2025-07-01' }],
      });
    given(clawedBack)
      .when(refund('S-1', wan(50), '2025-07-01'))
      .thenMatches([{ type: 'SubsidyRefunded', data: { receivedOn: '2025-07-01' } }]);
  });

  it('dates never go backwards within a subsidy: a tranche dated before a recorded cancellation is refused', () => {
    given(recorded([talent('S-1', wan(600)), cancel('S-1', wan(100), '2025-06-01')]))
      .when(disburse('S-1', wan(100), '2025-05-31'))
      .thenRejects({
        code: 'rule-violated',
        rule: 'ledger.movement-dates',
        details: [{ field: 'paidOn', notBefore: '2025-06-01', grantedOn: '2025-04-01' }],
      });
  });

  it('a termination is not dated before the latest movement, and a refund after it not before the termination', () => {
    given(recorded([talent('S-1', wan(600)), disburse('S-1', wan(250), '2025-08-01')]))
      .when(terminate('S-1', '2025-07-31'))
      .thenRejects({ code: 'rule-violated', rule: 'ledger.movement-dates' });
    const terminated = recorded([
      talent('S-1', wan(600)),
      disburse('S-1', wan(250), '2025-08-01'),
      terminate('S-1', '2025-09-01'),
    ]);
    given(terminated)
      .when(refund('S-1', wan(250), '2025-08-31'))
      .thenRejects({
        code: 'rule-violated',
        rule: 'ledger.movement-dates',
        details: [{ field: 'receivedOn', notBefore: '2025-09-01' }],
      });
  });

  it('the subsidy state keeps the latest date recorded: the grant, then each movement', () => {
    const events = recorded([
      grantedOn20Oct,
      disburse('S-1', wan(300), '2025-11-10'),
      cancel('S-1', wan(100), '2025-11-10'),
      clawBack('S-1', wan(50), 'misuse', '2025-12-01'),
    ]);
    const states = events
      .filter((e) => e.type.startsWith('Subsidy'))
      .map((_, i, all) => all.slice(0, i + 1).reduce(subsidyDecider.evolve, subsidyDecider.initialState()));
    expect(states.map((s) => s.subsidies['S-1'].lastOn)).toEqual([
      '2025-10-20',
      '2025-11-10',
      '2025-11-10',
      '2025-12-01',
    ]);
  });
});

describe('nmg.project-change (六(三)) and ledger.project-change — a project after its consortium ended', () => {
  const ended = (status: 'dissolved' | 'delisted' | 'withdrawn', on = '2025-08-01') =>
    ({ ...liaoningAlliance(), status, ended: { on, reason: '牵头单位变更' } }) as ReturnType<typeof liaoningAlliance>;
  const granted = () => recorded([talent('S-1', wan(600)), disburse('S-1', wan(100))]);
  /** Granted, then the consortium ended and the authority let the project go on. */
  const continued = (consortium: ReturnType<typeof liaoningAlliance>) => {
    const history = granted();
    const state = history.reduce(subsidyDecider.evolve, subsidyDecider.initialState());
    const decision = subsidyDecider.decide(continueProject('S-1'), state, { today: FIXTURE_TODAY, consortium });
    if (!Array.isArray(decision)) throw new Error(JSON.stringify(decision.message));
    return [...history, ...decision];
  };

  it.each(['dissolved', 'delisted', 'withdrawn'] as const)(
    'nothing paid on or after the day the consortium was %s is recorded until the authority decided',
    (status) => {
      const rejection = given(granted())
        .when(disburse('S-1', wan(100), '2025-08-01'), { consortium: ended(status) })
        .thenRejects({ code: 'rule-violated', rule: 'ledger.project-change' });
      expect(inEnglish(rejection.message)).toContain('/continuation');
    },
  );

  it('a payment made before the consortium ended and recorded afterwards is recorded', () => {
    given(granted())
      .when(disburse('S-1', wan(100), '2025-07-31'), { consortium: ended('dissolved') })
      .thenMatches([{ type: 'SubsidyDisbursed' }]);
  });

  it("records the authority's decision with how the consortium ended; payments resume", () => {
    const consortium = ended('dissolved');
    given(granted())
      .when(continueProject('S-1', '2025-09-01', '辽宁省科技厅', '辽科发〔2025〕9号'), { consortium })
      .thenMatches([
        {
          type: 'SubsidyContinued',
          data: {
            rule: 'ledger.project-change',
            authority: '辽宁省科技厅',
            reference: '辽科发〔2025〕9号',
            consortiumEnded: { status: 'dissolved', on: '2025-08-01' },
          },
        },
      ]);
    given(continued(consortium))
      .when(disburse('S-1', wan(100), '2025-10-02'), { consortium })
      .thenMatches([{ type: 'SubsidyDisbursed' }]);
  });

  it('under the Inner Mongolia plan it is nmg.project-change, 六(三)', () => {
    const consortium = { ...nmgConsortium(), status: 'dissolved', ended: { on: '2025-08-01', reason: 'x' } };
    given(recorded([grant('S-1', 'nmg.project', wan(100), { projectId: 'P-1' })]))
      .when(disburse('S-1', wan(10), '2025-08-02'), { consortium: consortium as ReturnType<typeof nmgConsortium> })
      .thenRejects({ code: 'rule-violated', rule: 'nmg.project-change', citation: '六(三)' });
  });

  it('a consortium still active needs no decision; a second decision is refused', () => {
    given(granted()).when(continueProject('S-1')).thenRejects({ code: 'invalid-state', rule: 'ledger.project-change' });
    const consortium = ended('dissolved');
    given(continued(consortium))
      .when(continueProject('S-1', '2025-10-02'), { consortium })
      .thenRejects({ code: 'invalid-state', rule: 'ledger.project-change' });
  });

  it('a decision dated before the consortium ended is invalid input naming `on`', () => {
    given(granted())
      .when(continueProject('S-1', '2025-07-01'), { consortium: ended('dissolved') })
      .thenRejects({ code: 'invalid-input', details: [{ field: 'on' }] });
  });

  it('authority and reference are required', () => {
    given(granted())
      .when(continueProject('S-1', '2025-09-01', ' ', ''), { consortium: ended('dissolved') })
      .thenRejects({ code: 'invalid-input', details: [{ field: 'authority' }, { field: 'reference' }] });
  });
});
