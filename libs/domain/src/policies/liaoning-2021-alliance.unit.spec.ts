import { consortiumDecider } from '../consortium/consortium.decider';
import {
  commandsFor,
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
import { liaoningParams } from './liaoning-2021-alliance';
import { inEnglish } from './rules/in-english';

const LIAONING = 'liaoning-2021-alliance' as const;
const spec = deciderSpec(consortiumDecider, () => contextFor(LIAONING));
const c = commandsFor(LIAONING);

const fileWith = (overrides: Parameters<typeof fileConsortium>[1]) =>
  spec
    .given([])
    .when(fileConsortium(LIAONING, overrides))
    .thenMatches([{ type: 'ConsortiumFiled' }]);

const ALL_ASPECTS = Object.fromEntries(liaoningParams.evaluationAspects.versions[0].value.map((a) => [a.key, 80]));

describe('liaoning-2021-alliance: a valid filing', () => {
  it('passes every eligibility rule', () => expect(fileWith({})[0].data).toMatchObject({ eligible: true }));

  it('is refused before 2021-03-01', () =>
    void spec
      .given([])
      .when(fileConsortium(LIAONING, { filedOn: '2021-02-28' }))
      .thenRejects({ code: 'policy-not-in-force' }));
});

describe('liaoning.mengzhu — 组建基本条件 一', () => {
  it('an enterprise registered in Liaoning may be the mengzhu', () =>
    expect(verdictOf(fileWith({}), 'liaoning.mengzhu')).toMatchObject({ ok: true, citation: '组建基本条件 一' }));

  it('an enterprise registered in Beijing may not', () =>
    expect(inEnglish(verdictOf(fileWith({ lead: enterprise('beijing', 50) }), 'liaoning.mengzhu'))).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/not registered in Liaoning/),
    }));

  it('a university in Liaoning may not', () =>
    expect(verdictOf(fileWith({ lead: university('dalian', 51) }), 'liaoning.mengzhu').ok).toBe(false));

  it('a new mengzhu that passes replaces the old one, who stays a member', () => {
    const newLead = MEMBERS[LIAONING][1];
    const events = spec
      .given(historyUpTo(LIAONING, 'active'))
      .when(c.changeLead('2025-11-03', newLead))
      .thenMatches([
        {
          type: 'LeadChanged',
          data: { newLead, leadChecks: [expect.objectContaining({ rule: 'liaoning.mengzhu', ok: true })] },
        },
      ]);
    const after = stateOf([...historyUpTo(LIAONING, 'active'), ...events]);
    expect(after).toMatchObject({ status: 'active', lead: newLead });
    expect(after.members.map((m) => m.creditCode)).toContain(LEADS[LIAONING].creditCode);
    expect(after.members.map((m) => m.creditCode)).not.toContain(newLead.creditCode);
  });

  it('a new mengzhu outside Liaoning is refused, naming the rule', () =>
    void spec
      .given(historyUpTo(LIAONING, 'active'))
      .when(c.changeLead('2025-11-03', enterprise('beijing', 52)))
      .thenRejects({ code: 'rule-violated', rule: 'liaoning.mengzhu', citation: '组建基本条件 一' }));
});

describe('liaoning.academic-member — 组建基本条件 一', () => {
  it('a university among the members passes', () =>
    expect(verdictOf(fileWith({}), 'liaoning.academic-member')).toMatchObject({
      ok: true,
      citation: '组建基本条件 一',
    }));

  it('a research institute alone passes too', () =>
    expect(
      verdictOf(
        fileWith({ members: [enterprise('shenyang', 2), researchInstitute('beijing', 53)] }),
        'liaoning.academic-member',
      ).ok,
    ).toBe(true));

  it('enterprises only fail', () =>
    expect(
      inEnglish(
        verdictOf(
          fileWith({ members: [enterprise('shenyang', 2), enterprise('dalian', 3)] }),
          'liaoning.academic-member',
        ),
      ),
    ).toMatchObject({
      ok: false,
      detail: '0 universities or research institutes among the members; at least 1 required',
    }));

  it('removing the only university is recorded with the rule failing', () => {
    const university = MEMBERS[LIAONING][2];
    const [removed] = spec
      .given(historyUpTo(LIAONING, 'active'))
      .when(c.removeMember('2025-11-03', university.creditCode))
      .thenMatches([{ type: 'MemberRemoved', data: { creditCode: university.creditCode } }]);
    expect(verdictOf([removed], 'liaoning.academic-member').ok).toBe(false);
  });
});

describe('liaoning.agreement — 组建基本条件 二、三', () => {
  it('a signed, binding agreement with innovation goals passes', () =>
    expect(verdictOf(fileWith({}), 'liaoning.agreement').ok).toBe(true));
  it('none fails', () =>
    expect(verdictOf(fileWith({ agreementSigned: false }), 'liaoning.agreement')).toMatchObject({
      ok: false,
      citation: '组建基本条件 二、三',
    }));
});

describe('liaoning.evaluation — 评估评价办法', () => {
  const active = () => historyUpTo(LIAONING, 'active');

  it('an evaluation scoring the 10 aspects is recorded', () =>
    void spec
      .given(active())
      .when(c.evaluate('2026', '2026-12-01', 'excellent', ALL_ASPECTS))
      .thenMatches([
        {
          type: 'EvaluationRecorded',
          data: {
            grade: 'excellent',
            rule: 'liaoning.evaluation',
            citation: '评估评价办法',
            checks: [
              { rule: 'liaoning.evaluation', ok: true, citation: '评估评价办法', detail: 'every aspect is scored' },
            ],
          },
        },
      ]));

  it('aspects may be keyed by their Chinese names', () => {
    const byName = Object.fromEntries(liaoningParams.evaluationAspects.versions[0].value.map((a) => [a.name, 70]));
    spec
      .given(active())
      .when(c.evaluate('2026', '2026-12-01', 'qualified', byName))
      .thenMatches([{ type: 'EvaluationRecorded' }]);
  });

  it('an evaluation missing aspects is refused, naming them', () => {
    const { 'rd-investment': _rd, 'platform-support': _platform, ...partial } = ALL_ASPECTS;
    spec
      .given(active())
      .when(c.evaluate('2026', '2026-12-01', 'qualified', partial))
      .thenRejects({
        code: 'rule-violated',
        rule: 'liaoning.evaluation',
        citation: '评估评价办法',
        details: [
          expect.objectContaining({ detail: 'not scored: 研发投入 (rd-investment), 平台支撑 (platform-support)' }),
        ],
      });
  });

  it('an evaluation without scores is refused', () =>
    void spec
      .given(active())
      .when(c.evaluate('2026', '2026-12-01', 'qualified'))
      .thenRejects({ rule: 'liaoning.evaluation' }));

  it('grades have no consequence: two unqualified evaluations leave the alliance active', () => {
    const events = eventsOf(
      LIAONING,
      [
        c.evaluate('2026', '2026-12-01', 'unqualified', ALL_ASPECTS),
        c.evaluate('2027', '2027-12-01', 'unqualified', ALL_ASPECTS),
      ],
      active(),
    );
    expect(stateOf(events).status).toBe('active');
  });
});
