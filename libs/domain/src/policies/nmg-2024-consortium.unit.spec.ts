import { consortiumDecider } from '../consortium/consortium.decider';
import {
  commandsFor,
  CONSORTIUM_IDS,
  contextFor,
  enterprise,
  fileConsortium,
  historyUpTo,
  TIMELINES,
  LEADS,
  MEMBERS,
  researchInstitute,
  stateOf,
  university,
  unit,
  verdictOf,
} from '../consortium/consortium.fixtures';
import { wan } from '../shared/money';
import { deciderSpec } from '../testing/decider-spec';
import { Unit } from '../shared/unit';
import { registryEvents, registryOf, registryWith } from '../consortium/consortium.fixtures';
import { inEnglish } from './rules/in-english';

const NMG = 'nmg-2024-consortium' as const;
const spec = deciderSpec(consortiumDecider, () => contextFor(NMG));
const c = commandsFor(NMG);
const lead = LEADS[NMG];

const fileWith = (overrides: Parameters<typeof fileConsortium>[1]) =>
  spec
    .given([])
    .when(fileConsortium(NMG, overrides))
    .thenMatches([{ type: 'ConsortiumFiled' }]);

const range = (n: number, from: number, make: (serial: number) => Unit) =>
  Array.from({ length: n }, (_, i) => make(from + i));

describe('nmg-2024-consortium: a valid filing', () => {
  it('passes every eligibility rule and names each', () => {
    const [filed] = fileWith({});
    expect(filed.data).toMatchObject({ eligible: true });
    const rules = (filed.data as { eligibility: Array<{ rule: string; ok: boolean }> }).eligibility.map((c) => [
      c.rule,
      c.ok,
    ]);
    expect(rules).toEqual([
      ['nmg.lead-enterprise', true],
      ['nmg.lead-rd', true],
      ['nmg.naming', true],
      ['nmg.members-min', true],
      ['nmg.members-in-region', true],
      ['nmg.members-enterprises', true],
      ['nmg.agreement', true],
      ['nmg.one-per-lead', true],
    ]);
  });

  it('is refused before the policy is in force (2024-12-19)', () =>
    void spec
      .given([])
      .when(fileConsortium(NMG, { filedOn: '2024-12-18' }))
      .thenRejects({ code: 'policy-not-in-force', rule: 'lifecycle.in-force' }));

  it('is accepted on the day the policy is issued', () => void fileWith({ filedOn: '2024-12-19' }));
});

describe('nmg.lead-enterprise — 三(二)', () => {
  it('an enterprise registered in Inner Mongolia may lead', () =>
    expect(verdictOf(fileWith({}), 'nmg.lead-enterprise')).toMatchObject({ ok: true, citation: '三(二)' }));

  it("a central SOE's branch registered in Inner Mongolia may lead", () => {
    const branch = enterprise('hohhot', 90, {
      name: '中国某集团有限公司内蒙古分公司',
      rdExpenseLastYearFen: wan(20_000),
    });
    expect(verdictOf(fileWith({ lead: branch }), 'nmg.lead-enterprise').ok).toBe(true);
  });

  it('an enterprise registered outside Inner Mongolia may not', () =>
    expect(
      inEnglish(
        verdictOf(
          fileWith({ lead: enterprise('beijing', 91, { rdExpenseLastYearFen: wan(20_000) }) }),
          'nmg.lead-enterprise',
        ),
      ),
    ).toMatchObject({ ok: false, detail: expect.stringMatching(/not registered in Inner Mongolia/) }));

  it('a university may not, even in Inner Mongolia', () =>
    expect(inEnglish(verdictOf(fileWith({ lead: university('hohhot', 92) }), 'nmg.lead-enterprise'))).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/not an enterprise: declared kind is university/),
    }));

  it('a unit declared an enterprise without a market-regulation code (9) may not', () =>
    expect(
      inEnglish(
        verdictOf(fileWith({ lead: { ...university('hohhot', 93), kind: 'enterprise' } }), 'nmg.lead-enterprise'),
      ),
    ).toMatchObject({ ok: false, detail: expect.stringMatching(/not issued by market regulation/) }));
});

describe('nmg.lead-rd — 三(二)', () => {
  const withRd = (rd: Partial<Unit>) => fileWith({ lead: { ...enterprise('baotou', 1), ...rd } });

  it('R&D of exactly 3% of revenue over three years passes', () =>
    expect(
      inEnglish(verdictOf(withRd({ rdExpense3yFen: wan(300), revenue3yFen: wan(10_000) }), 'nmg.lead-rd')),
    ).toMatchObject({
      ok: true,
      detail: expect.stringContaining('3.00%'),
    }));

  it('R&D of 2.99% over three years and less than 1亿 last year fails', () =>
    expect(
      inEnglish(
        verdictOf(
          withRd({ rdExpense3yFen: wan(299), revenue3yFen: wan(10_000), rdExpenseLastYearFen: wan(500) }),
          'nmg.lead-rd',
        ),
      ),
    ).toMatchObject({ ok: false, citation: '三(二)', detail: expect.stringMatching(/neither threshold is met/) }));

  it('R&D of 1亿元 last year passes whatever the share', () =>
    expect(
      verdictOf(
        withRd({ rdExpense3yFen: wan(1_000), revenue3yFen: wan(1_000_000), rdExpenseLastYearFen: wan(10_000) }),
        'nmg.lead-rd',
      ).ok,
    ).toBe(true));

  it('R&D one fen short of 1亿元 last year, at 1% of revenue, fails', () =>
    expect(
      verdictOf(
        withRd({ rdExpense3yFen: wan(1_000), revenue3yFen: wan(100_000), rdExpenseLastYearFen: wan(10_000) - 1 }),
        'nmg.lead-rd',
      ).ok,
    ).toBe(false));

  it('compares huge figures exactly, in integers', () =>
    expect(
      verdictOf(withRd({ rdExpense3yFen: 3_000_000_000_000_00, revenue3yFen: 9_999_999_999_999_99 }), 'nmg.lead-rd').ok,
    ).toBe(true));

  it('a lead without R&D figures fails', () =>
    expect(inEnglish(verdictOf(withRd({}), 'nmg.lead-rd'))).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/not stated/),
    }));
});

describe('nmg.one-per-lead — 三(二)', () => {
  const other = { consortiumId: 'c-nmg-other', creditCode: lead.creditCode, policy: NMG, filedOn: '2025-03-01' };

  it('a lead that leads no live consortium under the policy may file', () =>
    expect(verdictOf(fileWith({}), 'nmg.one-per-lead')).toMatchObject({ ok: true, citation: '三(二)' }));

  it('a lead already leading a live consortium is refused (422), nothing recorded', () =>
    void spec
      .given([])
      .when(fileConsortium(NMG), { leadRegistry: registryWith(other) })
      .thenRejects({ code: 'rule-violated', rule: 'nmg.one-per-lead', citation: '三(二)' }));

  it("a dissolved consortium's lead may lead a new one (the registry releases the claim)", () => {
    const first = historyUpTo(NMG, 'active');
    const claimEvents = registryEvents(stateOf([]), stateOf(first.slice(0, 1)));
    expect(registryOf(claimEvents).claims).toMatchObject([{ consortiumId: CONSORTIUM_IDS[NMG] }]);
    spec
      .given([])
      .when(fileConsortium(NMG, { consortiumId: 'c-nmg-2', filedOn: '2025-11-01' }), {
        leadRegistry: registryOf(claimEvents),
      })
      .thenRejects({ rule: 'nmg.one-per-lead' });

    const dissolved = spec
      .given(first)
      .when(c.dissolve('2025-10-20'))
      .then([
        {
          type: 'ConsortiumDissolved',
          data: {
            consortiumId: CONSORTIUM_IDS[NMG],
            on: '2025-10-20',
            reason: '任务完成',
            rule: 'lifecycle.dissolution',
            citation: expect.any(String),
          },
        },
      ]);
    const released = [
      ...claimEvents,
      ...registryEvents(stateOf(first), stateOf([...first, ...dissolved]), registryOf(claimEvents)),
    ];
    expect(registryOf(released).claims).toEqual([]);
    fileWith({ consortiumId: 'c-nmg-2', filedOn: '2025-11-01' });
  });

  it('the rule holds only under this policy: another lead is free', () =>
    expect(
      verdictOf(
        spec
          .given([])
          .when(fileConsortium(NMG, { lead: enterprise('baotou', 95, { rdExpenseLastYearFen: wan(10_000) }) }), {
            leadRegistry: registryWith(),
          })
          .thenMatches([{ type: 'ConsortiumFiled' }]),
        'nmg.one-per-lead',
      ).ok,
    ).toBe(true));
});

describe('nmg.naming — 四(五)', () => {
  it.each([
    ['simplified', '内蒙古自治区稀土新材料产业链创新联合体'],
    ['traditional, as the text writes it', '內蒙古自治區稀土新材料產業鏈創新聯合體'],
    ['mixed scripts', '内蒙古自治区稀土新材料產業鏈創新聯合體'],
  ])('a name of the form 内蒙古自治区×××产业链创新联合体 passes (%s)', (_script, name) =>
    expect(verdictOf(fileWith({ name }), 'nmg.naming')).toMatchObject({ ok: true, citation: '四(五)' }),
  );

  it.each([
    ['another form', '稀土新材料创新联合体'],
    ['no chain named', '内蒙古自治区产业链创新联合体'],
    ['another suffix', '内蒙古自治区稀土新材料产学研联盟'],
  ])('%s fails, and the filing is recorded ineligible', (_why, name) => {
    const filed = fileWith({ name });
    expect(verdictOf(filed, 'nmg.naming')).toMatchObject({ ok: false, citation: '四(五)' });
    expect(filed[0].data).toMatchObject({ eligible: false });
  });

  it('approval refuses a consortium whose name breaks it, naming nmg.naming', () => {
    const history = historyUpTo(NMG, 'public-notice', { name: '稀土新材料创新联合体' });
    spec
      .given(history)
      .when(c.approve(TIMELINES[NMG].approvedOn))
      .thenRejects({ code: 'rule-violated', rule: 'nmg.naming', citation: '四(五)' });
  });
});

describe('nmg.members-min — 三(三)', () => {
  it('10 member units, lead included, pass', () =>
    expect(inEnglish(verdictOf(fileWith({}), 'nmg.members-min'))).toMatchObject({
      ok: true,
      detail: '10 member units, lead included; at least 10 required',
    }));

  it('9 member units, lead included, fail', () =>
    expect(inEnglish(verdictOf(fileWith({ members: MEMBERS[NMG].slice(0, 8) }), 'nmg.members-min'))).toMatchObject({
      ok: false,
      citation: '三(三)',
      detail: '9 member units, lead included; at least 10 required',
    }));
});

describe('nmg.members-in-region — 三(三)', () => {
  it('5 of 10 units registered in Inner Mongolia (lead included) pass: 50%', () => {
    const members = [...range(4, 20, (s) => enterprise('hohhot', s)), ...range(5, 30, (s) => enterprise('beijing', s))];
    expect(inEnglish(verdictOf(fileWith({ members }), 'nmg.members-in-region'))).toMatchObject({
      ok: true,
      detail: expect.stringContaining('5 of 10'),
    });
  });

  it('4 of 10 fail', () => {
    const members = [...range(3, 20, (s) => enterprise('hohhot', s)), ...range(6, 30, (s) => enterprise('beijing', s))];
    expect(verdictOf(fileWith({ members }), 'nmg.members-in-region')).toMatchObject({ ok: false, citation: '三(三)' });
  });
});

describe('nmg.members-enterprises — 三(三)', () => {
  it('5 enterprises of 10 units (lead included) pass: 50%', () => {
    const members = [...range(4, 20, (s) => enterprise('hohhot', s)), ...range(5, 30, (s) => university('hohhot', s))];
    expect(inEnglish(verdictOf(fileWith({ members }), 'nmg.members-enterprises'))).toMatchObject({
      ok: true,
      detail: expect.stringContaining('5 of 10'),
    });
  });

  it('4 enterprises of 10 fail', () => {
    const members = [
      ...range(3, 20, (s) => enterprise('hohhot', s)),
      ...range(6, 30, (s) => researchInstitute('hohhot', s)),
    ];
    expect(verdictOf(fileWith({ members }), 'nmg.members-enterprises')).toMatchObject({
      ok: false,
      citation: '三(三)',
    });
  });

  it('a unit of kind "other" is not an enterprise', () => {
    const members = [
      ...range(4, 20, (s) => enterprise('hohhot', s)),
      ...range(5, 30, (s) => unit('other', 'hohhot', s)),
    ];
    expect(verdictOf(fileWith({ members }), 'nmg.members-enterprises').ok).toBe(true);
    const fewer = [...range(3, 20, (s) => enterprise('hohhot', s)), ...range(6, 30, (s) => unit('other', 'hohhot', s))];
    expect(verdictOf(fileWith({ members: fewer }), 'nmg.members-enterprises').ok).toBe(false);
  });
});

describe('nmg.agreement — 三(四)', () => {
  it('a signed agreement, a management body and an expert committee pass', () =>
    expect(verdictOf(fileWith({}), 'nmg.agreement').ok).toBe(true));

  it('an unsigned agreement fails', () =>
    expect(inEnglish(verdictOf(fileWith({ agreementSigned: false }), 'nmg.agreement'))).toMatchObject({
      ok: false,
      citation: '三(四)',
      detail: expect.stringMatching(/not signed/),
    }));

  it('no expert committee fails', () =>
    expect(inEnglish(verdictOf(fileWith({ governance: { managementBody: true } }), 'nmg.agreement'))).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/no expert committee/),
    }));

  it('no management body fails', () =>
    expect(inEnglish(verdictOf(fileWith({ governance: { expertCommittee: true } }), 'nmg.agreement'))).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/no management body/),
    }));
});

describe('nmg.dissolve-on-lead-change — 六(三)', () => {
  const newLead = enterprise('baotou', 2, { rdExpenseLastYearFen: wan(20_000) });

  it('an active consortium whose lead changes dissolves', () =>
    void spec
      .given(historyUpTo(NMG, 'active'))
      .when(c.changeLead('2025-11-03', newLead))
      .thenMatches([
        {
          type: 'LeadChanged',
          data: { previousLead: lead, newLead, rule: 'nmg.dissolve-on-lead-change', citation: '六(三)' },
        },
        {
          type: 'ConsortiumDissolved',
          data: { on: '2025-11-03', reason: 'lead-change', rule: 'nmg.dissolve-on-lead-change', citation: '六(三)' },
        },
      ]));

  it('a filed consortium whose lead changes dissolves too', () =>
    void spec
      .given(historyUpTo(NMG, 'filed'))
      .when(c.changeLead('2025-09-05', newLead))
      .thenMatches([
        { type: 'LeadChanged' },
        { type: 'ConsortiumDissolved', data: { reason: 'lead-change', rule: 'nmg.dissolve-on-lead-change' } },
      ]));

  it('the dissolved consortium accepts no command, citing 六(三)', () => {
    const history = historyUpTo(NMG, 'active');
    const dissolution = spec.given(history).when(c.changeLead('2025-11-03', newLead)).thenMatches([{}, {}]);
    spec
      .given([...history, ...dissolution])
      .when(c.addMember('2025-11-04', enterprise('baotou', 40)))
      .thenRejects({ code: 'invalid-state', rule: 'nmg.dissolve-on-lead-change', citation: '六(三)' });
  });

  it("releases the old lead's claim in the lead registry", () => {
    const history = historyUpTo(NMG, 'active');
    const after = spec.given(history).when(c.changeLead('2025-11-03', newLead)).thenMatches([{}, {}]);
    const claimed = registryOf(registryEvents(stateOf([]), stateOf(history.slice(0, 1))));
    expect(registryEvents(stateOf(history), stateOf([...history, ...after]), claimed)).toEqual([
      {
        type: 'LeadReleased',
        data: {
          consortiumId: CONSORTIUM_IDS[NMG],
          creditCode: lead.creditCode,
          policy: NMG,
          reason: 'dissolved',
          on: '2025-11-03',
          rule: 'nmg.one-per-lead',
          citation: '三(二)',
        },
      },
    ]);
  });

  it('a "change" to the current lead changes nothing and dissolves nothing', () =>
    void spec
      .given(historyUpTo(NMG, 'active'))
      .when(c.changeLead('2025-11-03', lead))
      .thenRejects({ code: 'invalid-input' }));
});

describe('nmg.dissolve-on-rename — 六(三)', () => {
  it('an active consortium whose name changes dissolves', () =>
    void spec
      .given(historyUpTo(NMG, 'active'))
      .when(c.rename('2025-11-03', '内蒙古自治区稀土功能材料产业链创新联合体'))
      .then([
        {
          type: 'ConsortiumRenamed',
          data: {
            consortiumId: CONSORTIUM_IDS[NMG],
            on: '2025-11-03',
            previousName: '内蒙古自治区稀土新材料产业链创新联合体',
            name: '内蒙古自治区稀土功能材料产业链创新联合体',
            rule: 'nmg.dissolve-on-rename',
            citation: '六(三)',
          },
        },
        {
          type: 'ConsortiumDissolved',
          data: {
            consortiumId: CONSORTIUM_IDS[NMG],
            on: '2025-11-03',
            reason: 'rename',
            rule: 'nmg.dissolve-on-rename',
            citation: '六(三)',
          },
        },
      ]));

  it('then refuses every command, citing the rename', () => {
    const history = historyUpTo(NMG, 'active');
    const after = spec.given(history).when(c.rename('2025-11-03', '新名称')).thenMatches([{}, {}]);
    spec
      .given([...history, ...after])
      .when(c.evaluate('2025', '2025-12-01', 'qualified'))
      .thenRejects({ code: 'invalid-state', rule: 'nmg.dissolve-on-rename', citation: '六(三)' });
  });

  it('the same name is no rename: refused, nothing dissolves', () =>
    void spec
      .given(historyUpTo(NMG, 'active'))
      .when(c.rename('2025-11-03', '内蒙古自治区稀土新材料产业链创新联合体'))
      .thenRejects({ code: 'invalid-input' }));
});
