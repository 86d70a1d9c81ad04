import { consortiumDecider } from '../consortium/consortium.decider';
import {
  commandsFor,
  CONSORTIUM_IDS,
  contextFor,
  enterprise,
  eventsOf,
  fileConsortium,
  historyUpTo,
  LEADS,
  MEMBERS,
  researchInstitute,
  stateOf,
  university,
  verdictOf,
} from '../consortium/consortium.fixtures';
import { deciderSpec } from '../testing/decider-spec';
import { registryEvents, registryOf, registryWith } from '../consortium/consortium.fixtures';
import { inEnglish } from './rules/in-english';

const LUZHOU = 'luzhou-2024-consortium' as const;
const spec = deciderSpec(consortiumDecider, () => contextFor(LUZHOU));
const c = commandsFor(LUZHOU);
const id = CONSORTIUM_IDS[LUZHOU];

const fileWith = (overrides: Parameters<typeof fileConsortium>[1]) =>
  spec
    .given([])
    .when(fileConsortium(LUZHOU, overrides))
    .thenMatches([{ type: 'ConsortiumFiled' }]);

describe('luzhou-2024-consortium: a valid filing', () => {
  it('passes every eligibility rule', () => {
    const [filed] = fileWith({});
    expect(filed.data).toMatchObject({ eligible: true });
  });

  it('is refused before the consultation draft of 2024-05-15', () =>
    void spec
      .given([])
      .when(fileConsortium(LUZHOU, { filedOn: '2024-05-14' }))
      .thenRejects({ code: 'policy-not-in-force', rule: 'lifecycle.in-force', citation: '第六条(一)' }));
});

describe('luzhou.lead — 第二条(一)', () => {
  it('an enterprise registered in Luzhou may lead', () =>
    expect(verdictOf(fileWith({}), 'luzhou.lead')).toMatchObject({ ok: true, citation: '第二条(一)' }));

  it('a new R&D institution registered in Luzhou may lead', () =>
    expect(
      verdictOf(fileWith({ lead: researchInstitute('luzhou', 60, { newRdInstitution: true }) }), 'luzhou.lead').ok,
    ).toBe(true));

  it('an enterprise registered in Chengdu may not', () =>
    expect(inEnglish(verdictOf(fileWith({ lead: enterprise('chengdu', 61) }), 'luzhou.lead'))).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/not registered in Luzhou/),
    }));

  it('a university in Luzhou that is no new R&D institution may not', () =>
    expect(verdictOf(fileWith({ lead: university('luzhou', 62) }), 'luzhou.lead').ok).toBe(false));
});

describe('luzhou.members-min — 第二条(三)', () => {
  it('5 members besides the lead pass', () =>
    expect(inEnglish(verdictOf(fileWith({}), 'luzhou.members-min'))).toMatchObject({
      ok: true,
      detail: '5 member units besides the lead; at least 5 required',
    }));

  it('4 members besides the lead fail', () =>
    expect(verdictOf(fileWith({ members: MEMBERS[LUZHOU].slice(1) }), 'luzhou.members-min')).toMatchObject({
      ok: false,
      citation: '第二条(三)',
    }));
});

describe('luzhou.out-of-city — 第二条(三)', () => {
  it('one member registered outside Luzhou passes', () =>
    expect(verdictOf(fileWith({}), 'luzhou.out-of-city').ok).toBe(true));

  it('members all registered in Luzhou fail', () => {
    const members = [...MEMBERS[LUZHOU].slice(0, 4), enterprise('luzhou', 63)];
    expect(inEnglish(verdictOf(fileWith({ members }), 'luzhou.out-of-city'))).toMatchObject({
      ok: false,
      citation: '第二条(三)',
      detail: '0 members registered outside Luzhou; at least 1 required',
    });
  });

  it('a lead outside Luzhou is not counted (it is a lead, not a member)', () => {
    const members = [...MEMBERS[LUZHOU].slice(0, 4), enterprise('luzhou', 63)];
    expect(verdictOf(fileWith({ members, lead: enterprise('chengdu', 64) }), 'luzhou.out-of-city').ok).toBe(false);
  });
});

describe('luzhou.agreement — 第二条(四)', () => {
  it('a signed formation agreement passes', () => expect(verdictOf(fileWith({}), 'luzhou.agreement').ok).toBe(true));
  it('no signed agreement fails', () =>
    expect(verdictOf(fileWith({ agreementSigned: false }), 'luzhou.agreement')).toMatchObject({
      ok: false,
      citation: '第二条(四)',
    }));
});

describe('luzhou.integrity — 第五条(三)', () => {
  it('an integrity commitment passes', () => expect(verdictOf(fileWith({}), 'luzhou.integrity').ok).toBe(true));
  it('none fails (absent counts as none)', () =>
    expect(verdictOf(fileWith({ integrityCommitment: undefined }), 'luzhou.integrity')).toMatchObject({
      ok: false,
      citation: '第五条(三)',
    }));
});

describe('luzhou.annual-call — 第三条(一)', () => {
  const claimIn = (filedOn: string) => ({
    consortiumId: 'c-luzhou-earlier',
    creditCode: LEADS[LUZHOU].creditCode,
    policy: LUZHOU,
    filedOn,
  });

  it("a lead's first filing of the year passes, and claims the year's call in the lead registry", () => {
    const filed = fileWith({});
    expect(verdictOf(filed, 'luzhou.annual-call')).toMatchObject({ ok: true, citation: '第三条(一)' });
    expect(registryEvents(stateOf([]), stateOf(filed))).toEqual([
      {
        type: 'LeadClaimed',
        data: {
          consortiumId: id,
          creditCode: LEADS[LUZHOU].creditCode,
          policy: LUZHOU,
          filedOn: '2025-09-01',
          rule: 'luzhou.annual-call',
          citation: '第三条(一)',
        },
      },
    ]);
  });

  it('a second filing by the same lead in the same year is refused', () =>
    void spec
      .given([])
      .when(fileConsortium(LUZHOU), { leadRegistry: registryWith(claimIn('2025-03-01')) })
      .thenRejects({ code: 'rule-violated', rule: 'luzhou.annual-call', citation: '第三条(一)' }));

  it("a withdrawn filing still used the year's call: the registry releases nothing", () => {
    const filed = historyUpTo(LUZHOU, 'filed');
    const withdrawn = eventsOf(LUZHOU, [c.withdraw('2025-09-05')], filed);
    expect(registryEvents(stateOf(filed), stateOf(withdrawn))).toEqual([]);
    const registry = registryOf(registryEvents(stateOf([]), stateOf(filed)));
    void spec
      .given([])
      .when(fileConsortium(LUZHOU, { consortiumId: 'c-luzhou-2', filedOn: '2025-10-01' }), { leadRegistry: registry })
      .thenRejects({ rule: 'luzhou.annual-call' });
  });

  it("the next year's call is open to the same lead", () =>
    expect(
      verdictOf(
        spec
          .given([])
          .when(fileConsortium(LUZHOU), { leadRegistry: registryWith(claimIn('2024-06-01')) })
          .thenMatches([{ type: 'ConsortiumFiled' }]),
        'luzhou.annual-call',
      ).ok,
    ).toBe(true));
});

describe('luzhou.review-chain — 第三条(三)(四)', () => {
  const filed = () => historyUpTo(LUZHOU, 'filed');
  const reviewed = () => historyUpTo(LUZHOU, 'reviewed');
  const inNotice = () => historyUpTo(LUZHOU, 'public-notice');

  it('the district/park preliminary review comes first', () =>
    void spec
      .given(filed())
      .when(c.review('preliminary', '2025-09-10'))
      .then([
        {
          type: 'ReviewRecorded',
          data: {
            consortiumId: id,
            stage: 'preliminary',
            outcome: 'pass',
            on: '2025-09-10',
            rule: 'luzhou.review-chain',
            citation: '第三条(三)(四)',
          },
        },
      ]));

  it('the municipal expert review before a passed preliminary review is refused', () =>
    void spec
      .given(filed())
      .when(c.review('expert', '2025-09-10'))
      .thenRejects({ code: 'rule-violated', rule: 'luzhou.review-chain', citation: '第三条(三)(四)' }));

  it('a stage the chain does not have is refused', () =>
    void spec
      .given(filed())
      .when(c.review('technical', '2025-09-10'))
      .thenRejects({ code: 'rule-violated', rule: 'luzhou.review-chain' }));

  it('a failed expert review can be reviewed again; the latest outcome counts', () => {
    const failed = eventsOf(
      LUZHOU,
      [c.review('preliminary', '2025-09-10'), c.review('expert', '2025-09-20', 'fail')],
      filed(),
    );
    spec.given(failed).when(c.startNotice('2025-09-29')).thenRejects({ rule: 'luzhou.review-chain' });
    const passed = eventsOf(LUZHOU, [c.review('expert', '2025-09-25')], failed);
    spec
      .given(passed)
      .when(c.startNotice('2025-09-29'))
      .thenMatches([{ type: 'PublicNoticeStarted' }]);
  });

  it('the public notice waits for the expert review', () =>
    void spec
      .given(eventsOf(LUZHOU, [c.review('preliminary', '2025-09-10')], filed()))
      .when(c.startNotice('2025-09-29'))
      .thenRejects({
        code: 'rule-violated',
        rule: 'luzhou.review-chain',
        details: [expect.objectContaining({ detail: 'no expert review recorded' })],
      }));

  it('the public notice lasts 5 working days: from 2025-09-29 it ends on 2025-10-11 (National Day)', () =>
    void spec
      .given(reviewed())
      .when(c.startNotice('2025-09-29'))
      .then([
        {
          type: 'PublicNoticeStarted',
          data: {
            consortiumId: id,
            startsOn: '2025-09-29',
            endsOn: '2025-10-11',
            unit: 'working-days',
            days: 5,
            rule: 'luzhou.review-chain',
            citation: '第三条(四)',
            interpretation: expect.stringContaining('working days'),
          },
        },
      ]));

  it('listing is refused on 2025-10-11, the last day of the notice', () =>
    void spec
      .given(inNotice())
      .when(c.approve('2025-10-11'))
      .thenRejects({
        code: 'rule-violated',
        rule: 'luzhou.review-chain',
        citation: '第三条(四)',
        details: [expect.objectContaining({ ok: false, detail: expect.stringMatching(/ends on 2025-10-11/) })],
      }));

  it('listing is accepted on 2025-10-12', () =>
    void spec
      .given(inNotice())
      .when(c.approve('2025-10-12'))
      .thenMatches([
        { type: 'ConsortiumApproved', data: { on: '2025-10-12', rule: 'luzhou.review-chain', citation: '第三条(四)' } },
      ]));

  it('an unresolved objection blocks listing; a dismissed one does not', () => {
    const objected = eventsOf(LUZHOU, [c.object('2025-10-09')], inNotice());
    spec
      .given(objected)
      .when(c.approve('2025-10-12'))
      .thenRejects({
        rule: 'luzhou.review-chain',
        details: [expect.objectContaining({ detail: 'objection 1 (2025-10-09) is unresolved' })],
      });
    const dismissed = eventsOf(LUZHOU, [c.resolve(1, '2025-10-12', 'dismissed')], objected);
    spec
      .given(dismissed)
      .when(c.approve('2025-10-13'))
      .thenMatches([{ type: 'ConsortiumApproved' }]);
  });

  it('an upheld objection blocks listing', () => {
    const upheld = eventsOf(LUZHOU, [c.object('2025-10-09'), c.resolve(1, '2025-10-10', 'upheld')], inNotice());
    spec
      .given(upheld)
      .when(c.approve('2025-10-13'))
      .thenRejects({
        details: [
          expect.objectContaining({ rule: 'luzhou.review-chain', detail: 'objection 1 was upheld on 2025-10-10' }),
        ],
      });
  });
});

describe('luzhou.evaluation-cycle — 第五条(二)', () => {
  it('approval sets the first evaluation 2 years out', () => {
    const [approved] = spec
      .given(historyUpTo(LUZHOU, 'public-notice'))
      .when(c.approve('2025-10-12'))
      .thenMatches([{ type: 'ConsortiumApproved' }]);
    expect(approved.data).toMatchObject({ nextEvaluationDueOn: '2027-10-12' });
  });

  it("an evaluation in the cycle's window is placed in it and sets the next due date on the next anniversary", () =>
    void spec
      .given(historyUpTo(LUZHOU, 'active'))
      .when(c.evaluate('2027', '2027-10-20', 'qualified'))
      .then([
        {
          type: 'EvaluationRecorded',
          data: {
            consortiumId: id,
            period: '2027',
            on: '2027-10-20',
            grade: 'qualified',
            checks: [
              {
                rule: 'luzhou.evaluation-cycle',
                citation: '第五条(二)',
                ok: true,
                detail: 'cycle 1: due on 2027-10-12, late, evaluated on 2027-10-20 (accepted from 2027-07-12)',
              },
            ],
            rule: 'luzhou.evaluation-cycle',
            citation: '第五条(二)',
            cycle: { number: 1, due: '2027-10-12', opens: '2027-07-12' },
            nextEvaluationDueOn: '2029-10-12',
          },
        },
      ]));

  describe('ledger.evaluation-window: accepted from 3 months before the due date', () => {
    it.each([
      ['2027-07-12', 1, '2027-10-12'],
      ['2027-10-12', 1, '2027-10-12'],
      ['2029-07-11', 1, '2027-10-12'],
      ['2029-07-12', 2, '2029-10-12'],
    ])('an evaluation on %s belongs to cycle %d, due %s', (on, number, due) => {
      const [recorded] = spec
        .given(historyUpTo(LUZHOU, 'active'))
        .when(c.evaluate('P', on, 'qualified'))
        .thenMatches([{ type: 'EvaluationRecorded' }]);
      expect(recorded.data).toMatchObject({ cycle: { number, due } });
    });

    it('one before the first window is refused, naming the due date and the window, and records nothing', () => {
      const rejection = spec
        .given(historyUpTo(LUZHOU, 'active'))
        .when(c.evaluate('2026', '2027-07-11', 'unqualified'))
        .thenRejects({ code: 'rule-violated', rule: 'luzhou.evaluation-cycle', citation: '第五条(二)' });
      expect(inEnglish(rejection.message)).toContain(
        'the first evaluation is due on 2027-10-12 and accepted from 2027-07-12',
      );
    });
  });

  it('one evaluation per cycle: a second in the same cycle is refused, whatever its period', () =>
    void spec
      .given(eventsOf(LUZHOU, [c.evaluate('2027', '2027-08-01', 'qualified')], historyUpTo(LUZHOU, 'active')))
      .when(c.evaluate('2027b', '2028-03-01', 'excellent'))
      .thenRejects({ code: 'rule-violated', rule: 'luzhou.evaluation-cycle', citation: '第五条(二)' }));

  it('a period is evaluated once', () =>
    void spec
      .given(eventsOf(LUZHOU, [c.evaluate('2027', '2027-10-20', 'qualified')], historyUpTo(LUZHOU, 'active')))
      .when(c.evaluate('2027', '2029-10-01', 'excellent'))
      .thenRejects({ code: 'rule-violated', rule: 'luzhou.evaluation-cycle', citation: '第五条(二)' }));

  it('a consortium not yet listed is not evaluated', () =>
    void spec
      .given(historyUpTo(LUZHOU, 'filed'))
      .when(c.evaluate('2025', '2025-09-10', 'qualified'))
      .thenRejects({ code: 'invalid-state' }));
});

describe('luzhou.delist — 第五条(二)', () => {
  const active = () => historyUpTo(LUZHOU, 'active');

  it('a first unqualified evaluation does not delist', () =>
    void spec
      .given(active())
      .when(c.evaluate('2027', '2027-10-20', 'unqualified'))
      .thenMatches([{ type: 'EvaluationRecorded' }]));

  it('the second consecutive unqualified evaluation cancels the filing and delists', () =>
    void spec
      .given(eventsOf(LUZHOU, [c.evaluate('2027', '2027-10-20', 'unqualified')], active()))
      .when(c.evaluate('2029', '2029-10-22', 'unqualified'))
      .thenMatches([
        { type: 'EvaluationRecorded', data: { period: '2029', grade: 'unqualified' } },
        {
          type: 'ConsortiumDelisted',
          data: {
            consortiumId: id,
            on: '2029-10-22',
            reason: '2 consecutive unqualified evaluations',
            periods: ['2027', '2029'],
            rule: 'luzhou.delist',
            citation: '第五条(二)',
          },
        },
      ]));

  it('a qualified evaluation in between starts the count again', () =>
    void spec
      .given(
        eventsOf(
          LUZHOU,
          [c.evaluate('2027', '2027-10-20', 'unqualified'), c.evaluate('2029', '2029-10-22', 'qualified')],
          active(),
        ),
      )
      .when(c.evaluate('2031', '2031-10-22', 'unqualified'))
      .then([expect.objectContaining({ type: 'EvaluationRecorded' })]));

  it('an excellent evaluation in between starts the count again too', () =>
    void spec
      .given(
        eventsOf(
          LUZHOU,
          [c.evaluate('2027', '2027-10-20', 'unqualified'), c.evaluate('2029', '2029-10-22', 'excellent')],
          active(),
        ),
      )
      .when(c.evaluate('2031', '2031-10-22', 'unqualified'))
      .then([expect.objectContaining({ type: 'EvaluationRecorded' })]));

  it('a delisted consortium accepts no command, citing 第五条(二)', () => {
    const delisted = eventsOf(
      LUZHOU,
      [c.evaluate('2027', '2027-10-20', 'unqualified'), c.evaluate('2029', '2029-10-22', 'unqualified')],
      active(),
    );
    expect(stateOf(delisted)).toMatchObject({
      status: 'delisted',
      ended: { rule: 'luzhou.delist', citation: '第五条(二)' },
    });
    spec
      .given(delisted)
      .when(c.addMember('2029-11-01', enterprise('luzhou', 70)))
      .thenRejects({ code: 'invalid-state', rule: 'luzhou.delist', citation: '第五条(二)' });
  });
});
