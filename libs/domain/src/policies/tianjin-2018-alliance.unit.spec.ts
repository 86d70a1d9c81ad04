import { consortiumDecider } from '../consortium/consortium.decider';
import { ConsortiumEvent } from '../consortium/consortium.events';
import {
  commandsFor,
  CONSORTIUM_IDS,
  contextFor,
  enterprise,
  eventsOf,
  fileConsortium,
  historyUpTo,
  MEMBERS,
  researchInstitute,
  stateOf,
  university,
  verdictOf,
} from '../consortium/consortium.fixtures';
import { deciderSpec } from '../testing/decider-spec';
import { Unit } from '../shared/unit';
import { inEnglish } from './rules/in-english';

const TIANJIN = 'tianjin-2018-alliance' as const;
const spec = deciderSpec(consortiumDecider, () => contextFor(TIANJIN));
const c = commandsFor(TIANJIN);
const id = CONSORTIUM_IDS[TIANJIN];

const fileWith = (overrides: Parameters<typeof fileConsortium>[1]) =>
  spec
    .given([])
    .when(fileConsortium(TIANJIN, overrides))
    .thenMatches([{ type: 'ConsortiumFiled' }]);

const withoutKind = (kind: Unit['kind']) => [
  ...MEMBERS[TIANJIN].filter((m) => m.kind !== kind),
  ...[80, 81, 82].map((s) => enterprise('tianjin', s)),
];

/** The review's filing: 10 units, the responsible unit included, enterprises and universities but no research institute. */
const TEN_WITHOUT_INSTITUTE = [
  ...MEMBERS[TIANJIN].filter((m) => m.kind !== 'research-institute'),
  enterprise('tianjin', 89),
];

/** From a filing to the end of its public notice (2020-06-05): reviews and notice of the fixture timeline. */
const untilNotice = [
  c.review('formal', '2020-04-01'),
  c.review('technical', '2020-04-02'),
  c.review('expert', '2020-05-06'),
  c.startNotice('2020-06-01'),
];

describe('tianjin-2018-alliance: in force until 2020-12-31 (第二十一条)', () => {
  it('a filing dated 2020-12-31 is accepted', () => void fileWith({ filedOn: '2020-12-31' }));

  it('a filing dated 2021-01-01 is refused: policy-not-in-force, 第二十一条', () =>
    void spec
      .given([])
      .when(fileConsortium(TIANJIN, { filedOn: '2021-01-01' }))
      .thenRejects({ code: 'policy-not-in-force', rule: 'lifecycle.in-force', citation: '第二十一条' }));

  it('a filing before the measures were issued (2018-12-25) is refused', () =>
    void spec
      .given([])
      .when(fileConsortium(TIANJIN, { filedOn: '2018-12-24' }))
      .thenRejects({ code: 'policy-not-in-force' }));

  it('no evaluation can be recorded: up to 2020-12-31 it is before the first window (3 years from 备案), after it the measures have ended', () => {
    const early = spec
      .given(historyUpTo(TIANJIN, 'active'))
      .when(c.evaluate('2020', '2020-12-31', 'excellent'))
      .thenRejects({ code: 'rule-violated', rule: 'tianjin.evaluation-cycle', citation: '第十八条' });
    expect(inEnglish(early.message)).toContain('so no evaluation can be recorded under it');
    spec
      .given(historyUpTo(TIANJIN, 'active'))
      .when(c.evaluate('2020', '2021-01-04', 'excellent'))
      .thenRejects({ code: 'policy-not-in-force', citation: '第二十一条' });
  });

  it('the filing of the alliance (备案, the approval) dated after 2020-12-31 is refused', () =>
    void spec
      .given(historyUpTo(TIANJIN, 'public-notice'))
      .when(c.approve('2021-01-04'))
      .thenRejects({ code: 'policy-not-in-force', citation: '第二十一条' }));
});

describe('tianjin.lead — 第十一条(二)', () => {
  it('an enterprise registered in Tianjin may be the responsible unit', () =>
    expect(verdictOf(fileWith({}), 'tianjin.lead')).toMatchObject({ ok: true, citation: '第十一条(二)' }));

  it('so may a university registered in Tianjin (各类机构)', () => {
    const members = [...MEMBERS[TIANJIN], enterprise('tianjin', 83)];
    expect(verdictOf(fileWith({ lead: university('tianjin', 84), members }), 'tianjin.lead').ok).toBe(true);
  });

  it('a unit registered in Beijing may not', () =>
    expect(inEnglish(verdictOf(fileWith({ lead: enterprise('beijing', 85) }), 'tianjin.lead'))).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/not registered in Tianjin/),
    }));
});

describe('tianjin.members-min — 第十一条(三): 联盟成员单位原则上不少于10家 (the count, waivable)', () => {
  it('10 member units, the responsible unit included, pass', () =>
    expect(inEnglish(verdictOf(fileWith({}), 'tianjin.members-min'))).toMatchObject({
      ok: true,
      citation: '第十一条(三)',
      detail: '10 member units, the responsible unit included; at least 10 required',
    }));

  it('9 member units fail', () =>
    expect(inEnglish(verdictOf(fileWith({ members: MEMBERS[TIANJIN].slice(1) }), 'tianjin.members-min'))).toMatchObject(
      {
        ok: false,
        detail: '9 member units, the responsible unit included: at least 10 required',
      },
    ));

  it('it counts units only: 10 without a research institute pass it (the kinds are tianjin.member-kinds)', () =>
    expect(verdictOf(fileWith({ members: TEN_WITHOUT_INSTITUTE }), 'tianjin.members-min')).toMatchObject({
      ok: true,
    }));

  it('原则上: given 9 units of every kind and its waiver, when approved, then the approval cites the waiver', () => {
    const history = eventsOf(TIANJIN, [
      fileConsortium(TIANJIN, { members: MEMBERS[TIANJIN].slice(1) }),
      c.waive('tianjin.members-min', '2020-03-10', '津科发〔2020〕5号'),
      ...untilNotice,
    ]);
    const [approved] = spec
      .given(history)
      .when(c.approve('2020-06-08'))
      .thenMatches([{ type: 'ConsortiumApproved' }]);
    expect(verdictOf([approved], 'tianjin.members-min')).toMatchObject({
      ok: true,
      waived: { reference: '津科发〔2020〕5号' },
    });
    expect(verdictOf([approved], 'tianjin.member-kinds').ok).toBe(true);
  });
});

describe('tianjin.member-kinds — 第十一条(三); 第九条(一): 要由企业、高校和科研机构等多个独立法人组成 (not waivable)', () => {
  it('enterprises, universities and research institutes among the member units pass', () =>
    expect(inEnglish(verdictOf(fileWith({}), 'tianjin.member-kinds'))).toMatchObject({
      ok: true,
      citation: '第十一条(三); 第九条(一)',
      detail: '10 member units, the responsible unit included, with enterprises, universities and research institutes',
    }));

  it('10 member units with no research institute fail it, whatever the count', () =>
    expect(inEnglish(verdictOf(fileWith({ members: TEN_WITHOUT_INSTITUTE }), 'tianjin.member-kinds'))).toEqual({
      rule: 'tianjin.member-kinds',
      citation: '第十一条(三); 第九条(一)',
      ok: false,
      detail: '10 member units, the responsible unit included: no research institute',
    }));

  it('no university fails', () =>
    expect(
      inEnglish(verdictOf(fileWith({ members: withoutKind('university') }), 'tianjin.member-kinds')),
    ).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/no university/),
    }));

  it('the responsible unit counts for its own kind', () =>
    expect(
      verdictOf(
        fileWith({ lead: researchInstitute('tianjin', 86), members: withoutKind('research-institute') }),
        'tianjin.member-kinds',
      ).ok,
    ).toBe(true));

  it('it does not say 原则上: given a filing without a research institute, when an officer waives it, then 422 ledger.waivers', () =>
    void spec
      .given(eventsOf(TIANJIN, [fileConsortium(TIANJIN, { members: TEN_WITHOUT_INSTITUTE })]))
      .when(c.waive('tianjin.member-kinds', '2020-03-10'))
      .thenRejects({ code: 'rule-violated', rule: 'ledger.waivers' }));

  it('given 10 units without a research institute and tianjin.members-min waived, when approved, then refused naming tianjin.member-kinds', () => {
    const history = eventsOf(TIANJIN, [
      fileConsortium(TIANJIN, { members: TEN_WITHOUT_INSTITUTE }),
      c.waive('tianjin.members-min', '2020-03-10'),
      ...untilNotice,
    ]);
    const refused = spec
      .given(history)
      .when(c.approve('2020-06-08'))
      .thenRejects({
        code: 'rule-violated',
        rule: 'tianjin.member-kinds',
        citation: '第十一条(三); 第九条(一)',
        details: [expect.objectContaining({ rule: 'tianjin.member-kinds', ok: false })],
      });
    expect(inEnglish(refused.message)).toContain('tianjin.member-kinds');
  });

  it('given the same consortium, when a research institute joins before approval, then it is approved', () => {
    const history = eventsOf(TIANJIN, [
      fileConsortium(TIANJIN, { members: TEN_WITHOUT_INSTITUTE }),
      ...untilNotice,
      c.addMember('2020-06-05', researchInstitute('tianjin', 87)),
    ]);
    const [approved] = spec
      .given(history)
      .when(c.approve('2020-06-08'))
      .thenMatches([{ type: 'ConsortiumApproved' }]);
    expect(verdictOf([approved], 'tianjin.member-kinds').ok).toBe(true);
  });
});

describe('tianjin.member-kinds-apart (Ledger interpretation 2026-12-03): consortia filed before it', () => {
  /** A filing as recorded before 2026-12-03: one verdict on the count and the kinds together, waived as a whole. */
  const filedBefore = (): ConsortiumEvent[] => {
    const [filed] = eventsOf(TIANJIN, [fileConsortium(TIANJIN, { members: TEN_WITHOUT_INSTITUTE })]);
    if (filed.type !== 'ConsortiumFiled') throw new Error('expected the filing');
    const eligibility = filed.data.eligibility
      .filter((verdict) => verdict.rule !== 'tianjin.member-kinds')
      .map((verdict) =>
        verdict.rule === 'tianjin.members-min'
          ? { ...verdict, ok: false, detail: '10 member units, the responsible unit included: no research institute' }
          : verdict,
      );
    const waived: ConsortiumEvent = {
      type: 'RuleWaived',
      data: {
        consortiumId: id,
        rule: 'tianjin.members-min',
        citation: '第十一条(三)',
        on: '2020-03-10',
        reason: '经研究同意',
        reference: '津科发〔2020〕3号',
        actor: 'officer-zhang',
      },
    };
    return [{ ...filed, data: { ...filed.data, eligibility, eligible: false } }, waived];
  };

  it('its recorded verdicts stay as recorded: the count-and-kinds verdict, waived', () => {
    const state = stateOf(filedBefore());
    expect(state.eligibility.map((verdict) => verdict.rule)).not.toContain('tianjin.member-kinds');
    expect(state.eligibility.find((verdict) => verdict.rule === 'tianjin.members-min')).toMatchObject({
      ok: true,
      detail: '10 member units, the responsible unit included: no research institute',
      waived: { reference: '津科发〔2020〕3号' },
    });
  });

  it('an approval decided now checks tianjin.member-kinds: the earlier waiver of tianjin.members-min waives the count only', () =>
    void spec
      .given(eventsOf(TIANJIN, untilNotice, filedBefore()))
      .when(c.approve('2020-06-08'))
      .thenRejects({ code: 'rule-violated', rule: 'tianjin.member-kinds' }));

  it('an alliance approved before stays approved; a later member change records tianjin.member-kinds, refusing nothing', () => {
    const approvedBefore: ConsortiumEvent = {
      type: 'ConsortiumApproved',
      data: { consortiumId: id, on: '2020-06-08', checks: [], rule: 'tianjin.filing-steps', citation: '第十二条(四)' },
    };
    const history = [...eventsOf(TIANJIN, untilNotice, filedBefore()), approvedBefore];
    expect(stateOf(history).status).toBe('active');
    const [added] = spec
      .given(history)
      .when(c.addMember('2020-07-01', enterprise('tianjin', 88)))
      .thenMatches([{ type: 'MemberAdded' }]);
    expect(verdictOf([added], 'tianjin.member-kinds')).toMatchObject({ ok: false });
    expect(verdictOf([added], 'tianjin.members-min')).toMatchObject({ ok: true });
  });
});

describe('tianjin.core-local — 第十一条(三)', () => {
  it('6 of 7 enterprises registered in Tianjin (the responsible unit included) pass', () =>
    expect(inEnglish(verdictOf(fileWith({}), 'tianjin.core-local'))).toMatchObject({
      ok: true,
      detail: '6 of 7 enterprise members registered in Tianjin (85.71%); more than 50% required',
    }));

  it('exactly half fail', () => {
    const members = [
      enterprise('tianjin', 2),
      enterprise('tianjin', 3),
      enterprise('beijing', 4),
      enterprise('beijing', 5),
      enterprise('beijing', 6),
      university('tianjin', 8),
      university('tianjin', 9),
      researchInstitute('tianjin', 10),
      researchInstitute('tianjin', 11),
    ];
    expect(inEnglish(verdictOf(fileWith({ members }), 'tianjin.core-local'))).toMatchObject({
      ok: false,
      detail: '3 of 6 enterprise members registered in Tianjin (50.00%); more than 50% required',
    });
  });
});

describe('tianjin.agreement — 第九条(二)', () => {
  it('an agreement signed by all legal representatives passes', () =>
    expect(verdictOf(fileWith({}), 'tianjin.agreement').ok).toBe(true));
  it('none fails', () =>
    expect(verdictOf(fileWith({ agreementSigned: false }), 'tianjin.agreement')).toMatchObject({
      ok: false,
      citation: '第九条(二)',
    }));
});

describe('tianjin.governance — 第九条(三)', () => {
  it('a council, an expert committee and a secretariat pass', () =>
    expect(verdictOf(fileWith({}), 'tianjin.governance').ok).toBe(true));
  it('no secretariat fails', () =>
    expect(
      inEnglish(verdictOf(fileWith({ governance: { council: true, expertCommittee: true } }), 'tianjin.governance')),
    ).toMatchObject({ ok: false, citation: '第九条(三)', detail: 'no secretariat (秘书处)' }));
});

describe('tianjin.filing-steps — 第十二条', () => {
  const filed = () => historyUpTo(TIANJIN, 'filed');

  it('formal and technical review form one step, in either order', () => {
    const technicalFirst = eventsOf(
      TIANJIN,
      [c.review('technical', '2020-04-01'), c.review('formal', '2020-04-02')],
      filed(),
    );
    spec
      .given(technicalFirst)
      .when(c.review('expert', '2020-05-06'))
      .thenMatches([
        { type: 'ReviewRecorded', data: { stage: 'expert', rule: 'tianjin.filing-steps', citation: '第十二条' } },
      ]);
  });

  it('the expert review before the technical review is refused', () =>
    void spec
      .given(eventsOf(TIANJIN, [c.review('formal', '2020-04-01')], filed()))
      .when(c.review('expert', '2020-05-06'))
      .thenRejects({
        code: 'rule-violated',
        rule: 'tianjin.filing-steps',
        details: [expect.objectContaining({ detail: 'no technical review recorded' })],
      }));

  it('the public notice lasts 5 working days (Ledger interpretation): 2020-06-01 → 2020-06-05', () =>
    void spec
      .given(historyUpTo(TIANJIN, 'reviewed'))
      .when(c.startNotice('2020-06-01'))
      .thenMatches([
        {
          type: 'PublicNoticeStarted',
          data: {
            consortiumId: id,
            startsOn: '2020-06-01',
            endsOn: '2020-06-05',
            rule: 'tianjin.filing-steps',
            citation: '第十二条(四)',
          },
        },
      ]));

  it('filing (备案) is refused on the last day of the notice and accepted the next working day', () => {
    spec
      .given(historyUpTo(TIANJIN, 'public-notice'))
      .when(c.approve('2020-06-05'))
      .thenRejects({ rule: 'tianjin.filing-steps', citation: '第十二条(四)' });
    spec
      .given(historyUpTo(TIANJIN, 'public-notice'))
      .when(c.approve('2020-06-08'))
      .thenMatches([{ type: 'ConsortiumApproved', data: { rule: 'tianjin.filing-steps', citation: '第十二条(四)' } }]);
  });
});

describe("tianjin.evaluation-cycle — 第十八条, within the measures' period (第二十一条)", () => {
  it('filing (备案) sets no evaluation due date: 3 years out (2023-06-08) is after the measures end on 2020-12-31', () => {
    const [approved] = spec
      .given(historyUpTo(TIANJIN, 'public-notice'))
      .when(c.approve('2020-06-08'))
      .thenMatches([{ type: 'ConsortiumApproved' }]);
    expect(approved.data).not.toHaveProperty('nextEvaluationDueOn');
    expect(stateOf(historyUpTo(TIANJIN, 'active')).nextEvaluationDueOn).toBeUndefined();
  });

  it('the filing latest in the period (2020-12-31) has none either: no Tianjin alliance is ever due after the measures end', () => {
    const late = eventsOf(TIANJIN, [
      fileConsortium(TIANJIN, { filedOn: '2020-11-02' }),
      c.review('formal', '2020-11-03'),
      c.review('technical', '2020-11-03'),
      c.review('expert', '2020-11-04'),
      c.startNotice('2020-12-01'),
      c.approve('2020-12-31'),
    ]);
    expect(late.find((e) => e.type === 'ConsortiumApproved')?.data).not.toHaveProperty('nextEvaluationDueOn');
  });

  it('an approval recorded with a due date after the end (before the ledger checked) replays without it', () => {
    const history = historyUpTo(TIANJIN, 'active').map((event): ConsortiumEvent =>
      event.type === 'ConsortiumApproved'
        ? { ...event, data: { ...event.data, nextEvaluationDueOn: '2023-06-08' } }
        : event,
    );
    expect(stateOf(history)).toMatchObject({ status: 'active', approvedOn: '2020-06-08' });
    expect(stateOf(history).nextEvaluationDueOn).toBeUndefined();
  });

  it('an evaluation before the first window is refused, naming the due date after the measures end', () => {
    const rejection = spec
      .given(historyUpTo(TIANJIN, 'active'))
      .when(c.evaluate('2020', '2020-12-01', 'excellent'))
      .thenRejects({ code: 'rule-violated', rule: 'tianjin.evaluation-cycle', citation: '第十八条' });
    expect(inEnglish(rejection.message)).toBe(
      'approved on 2020-06-08: the first evaluation is due on 2023-06-08 and accepted from 2023-03-08; one on ' +
        '2020-12-01 is too early; tianjin-2018-alliance ends on 2020-12-31 (第二十一条), before it, so no evaluation ' +
        'can be recorded under it',
    );
  });

  it('evaluations recorded before the cycle rule (catalogue 2026-12-01) stay recorded and replay as they were', () => {
    const recordedEarlier: ConsortiumEvent = {
      type: 'EvaluationRecorded',
      data: {
        consortiumId: id,
        period: '2020',
        on: '2020-12-01',
        grade: 'excellent',
        checks: [
          {
            rule: 'tianjin.evaluation-cycle',
            citation: '第十八条',
            ok: false,
            detail:
              'evaluated early: due on 2023-06-08 (after tianjin-2018-alliance ends on 2020-12-31), evaluated on 2020-12-01',
          },
        ],
        rule: 'tianjin.evaluation-cycle',
        citation: '第十八条',
      },
    };
    const state = stateOf([...historyUpTo(TIANJIN, 'active'), recordedEarlier]);
    expect(state.evaluations).toEqual([{ period: '2020', on: '2020-12-01', grade: 'excellent' }]);
    expect(state.nextEvaluationDueOn).toBeUndefined();
  });
});

describe('tianjin.annual-report — 第十七条', () => {
  const active = () => historyUpTo(TIANJIN, 'active');

  it("the year's summary and next year's plan by 31 December are recorded on time", () =>
    void spec
      .given(active())
      .when(c.annualReport(2020, '2020-12-20'))
      .then([
        {
          type: 'AnnualReportRecorded',
          data: {
            consortiumId: id,
            year: 2020,
            submittedOn: '2020-12-20',
            summary: true,
            plan: true,
            dueOn: '2020-12-31',
            check: {
              rule: 'tianjin.annual-report',
              citation: '第十七条',
              ok: true,
              detail: 'submitted on 2020-12-20, due by 2020-12-31',
            },
            rule: 'tianjin.annual-report',
            citation: '第十七条',
          },
        },
      ]));

  it('a late report is recorded with the check failed', () =>
    void spec
      .given(active())
      .when(c.annualReport(2020, '2021-01-15'))
      .thenMatches([
        {
          type: 'AnnualReportRecorded',
          data: { check: { ok: false, detail: 'late: submitted on 2021-01-15, due by 2020-12-31' } },
        },
      ]));

  it("a report without next year's plan is refused", () =>
    void spec
      .given(active())
      .when(c.annualReport(2020, '2020-12-20', true, false))
      .thenRejects({ code: 'rule-violated', rule: 'tianjin.annual-report', citation: '第十七条' }));

  it('a year is reported once', () =>
    void spec
      .given(eventsOf(TIANJIN, [c.annualReport(2020, '2020-12-20')], active()))
      .when(c.annualReport(2020, '2020-12-28'))
      .thenRejects({ rule: 'tianjin.annual-report' }));

  it('other policies ask for no annual report', () =>
    void deciderSpec(consortiumDecider, () => contextFor('luzhou-2024-consortium'))
      .given(historyUpTo('luzhou-2024-consortium', 'active'))
      .when(commandsFor('luzhou-2024-consortium').annualReport(2025, '2025-12-20'))
      .thenRejects({ code: 'invalid-input' }));
});
