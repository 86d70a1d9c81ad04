import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LeadRegistryState } from '../../lead-registry/lead-registry.state';
import { CapFigures, isRejection } from '../../shared/decision';
import { wan } from '../../shared/money';
import { deciderSpec } from '../../testing/decider-spec';
import { subsidyDecider } from '../../subsidy/subsidy.decider';
import {
  activeConsortium,
  cancel,
  clawBack,
  disburse,
  grant,
  liaoningAlliance,
  recorded,
  UNITS,
} from '../../subsidy/subsidy.fixtures';
import { liaoningFundingParams, MENGZHU_ANNUAL_CAP_READING } from './liaoning-funding';
import { FIXTURE_TODAY } from '../../subsidy/subsidy.fixtures';
import { SubsidyContext } from '../../subsidy/subsidy.context';

const spec = deciderSpec(subsidyDecider, (): SubsidyContext => ({
  today: FIXTURE_TODAY,
  consortium: liaoningAlliance(),
}));
const { given } = spec;
const mengzhu = UNITS.liaoningMengzhu.creditCode;
const member = UNITS.liaoningMember.creditCode;
const FUNDING_2025 = `funding-${mengzhu}-2025`;

const jiebang = (id: string, amountFen: number, projectId: string, totalWan: number, extra = {}) =>
  grant(id, 'liaoning.jiebang', amountFen, { projectId, projectTotalInvestmentFen: wan(totalWan), ...extra });
const FUNDING_MEMBER_2025 = `funding-${member}-2025`;
const cap = (fields: Record<string, unknown>) => expect.objectContaining(fields);
/** What a grant's decision records after its SubsidyGranted: one FundingCommitted per boundary. */
const committedTo = (...boundaries: string[]) =>
  boundaries.map((boundary) => ({ type: 'FundingCommitted', data: { boundary } }));

describe('liaoning.operating-funds — 若干政策 1', () => {
  it('grants 300万 of operating funds to the 盟主, the top of the range', () => {
    given([])
      .when(grant('S-1', 'liaoning.operating', wan(300)))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: {
            rule: 'liaoning.operating-funds',
            citation: '若干政策 1',
            recipientRole: 'lead',
            caps: expect.arrayContaining([
              cap({
                rule: 'liaoning.operating-funds',
                scope: 'grant',
                limitFen: wan(300),
                usedBeforeFen: 0,
                headroomAfterFen: 0,
              }),
            ]),
          },
        },
        ...committedTo(FUNDING_2025),
      ]);
  });

  it('grants 100万, the bottom of the range', () => {
    given([])
      .when(grant('S-1', 'liaoning.operating', wan(100)))
      .thenMatches([{ type: 'SubsidyGranted' }, ...committedTo(FUNDING_2025)]);
  });

  it('refuses 50万: below the lowest tier of 100万', () => {
    given([])
      .when(grant('S-1', 'liaoning.operating', wan(50)))
      .thenRejects({ code: 'rule-violated', rule: 'liaoning.operating-funds', citation: '若干政策 1' });
  });

  it('refuses 350万: above the highest tier of 300万', () => {
    given([])
      .when(grant('S-1', 'liaoning.operating', wan(350)))
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'liaoning.operating-funds',
        citation: '若干政策 1',
        cap: { limit: wan(300), used: 0, requested: wan(350), headroom: wan(300) },
      });
  });

  it('gives operating funds to the 盟主 only, not to a member', () => {
    given([])
      .when(grant('S-1', 'liaoning.operating', wan(200), { recipient: member }))
      .thenRejects({ code: 'rule-violated', rule: 'liaoning.operating-funds', citation: '若干政策 1' });
  });
});

describe('liaoning.jiebang — 若干政策 2', () => {
  it('a project with total investment 2000万 accepts 400万 and refuses 300万 more (limit 600万, 30%)', () => {
    given([])
      .when(jiebang('S-1', wan(400), 'P-1', 2000))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: {
            caps: expect.arrayContaining([
              cap({
                rule: 'liaoning.jiebang',
                scope: 'project-P-1',
                limitFen: wan(600),
                usedBeforeFen: 0,
                headroomAfterFen: wan(200),
              }),
            ]),
          },
        },
        ...committedTo(FUNDING_2025, 'project-P-1'),
      ]);
    given(recorded([jiebang('S-1', wan(400), 'P-1', 2000)]))
      .when(jiebang('S-2', wan(300), 'P-1', 2000))
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'liaoning.jiebang',
        citation: '若干政策 2',
        cap: { limit: wan(600), used: wan(400), requested: wan(300), headroom: wan(200) },
      });
  });

  it('the 1000万 ceiling binds when 30% of the total is more: 5000万 accepts 1000万, not one yuan more', () => {
    given(recorded([jiebang('S-1', wan(1000), 'P-1', 5000)]))
      .when(jiebang('S-2', 100, 'P-1', 5000, { recipient: member }))
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'liaoning.jiebang',
        cap: { limit: wan(1000), used: wan(1000), requested: 100, headroom: 0 },
      });
  });

  it('30% is computed in integer fen, rounding the limit down', () => {
    given([])
      .when(jiebang('S-1', 31, 'P-1', 0, { projectTotalInvestmentFen: 101 }))
      .thenRejects({ code: 'cap-exceeded', cap: { limit: 30, used: 0, requested: 31, headroom: 30 } });
  });

  it('the limits are cumulative over all grants to the project, whoever receives them', () => {
    given(
      recorded([jiebang('S-1', wan(300), 'P-1', 2000), jiebang('S-2', wan(200), 'P-1', 2000, { recipient: member })]),
    )
      .when(jiebang('S-3', wan(100) + 1, 'P-1', 2000))
      .thenRejects({
        code: 'cap-exceeded',
        cap: { limit: wan(600), used: wan(500), requested: wan(100) + 1, headroom: wan(100) },
      });
  });

  it('each project has its own limits', () => {
    given(recorded([jiebang('S-1', wan(600), 'P-1', 2000)]))
      .when(jiebang('S-2', wan(600), 'P-2', 2000))
      .thenMatches([{ type: 'SubsidyGranted' }, ...committedTo(FUNDING_2025, 'project-P-2')]);
  });

  it('a cancellation releases headroom: 400万 granted, 200万 cancelled, 400万 more accepted', () => {
    given(recorded([jiebang('S-1', wan(400), 'P-1', 2000), cancel('S-1', wan(200))]))
      .when(jiebang('S-2', wan(400), 'P-1', 2000))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: {
            caps: expect.arrayContaining([
              cap({ rule: 'liaoning.jiebang', usedBeforeFen: wan(200), headroomAfterFen: 0 }),
            ]),
          },
        },
        ...committedTo(FUNDING_2025, 'project-P-1'),
      ]);
  });

  it('a clawback does not restore headroom', () => {
    given(recorded([jiebang('S-1', wan(600), 'P-1', 2000), disburse('S-1', wan(600)), clawBack('S-1', wan(600))]))
      .when(jiebang('S-2', wan(1), 'P-1', 2000))
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'liaoning.jiebang',
        cap: { limit: wan(600), used: wan(600), requested: wan(1), headroom: 0 },
      });
  });

  it('needs the project and its total investment', () => {
    given([])
      .when(grant('S-1', 'liaoning.jiebang', wan(100)))
      .thenRejects({ code: 'invalid-input', rule: 'ledger.grant-fields' });
  });
});

describe('liaoning.talent — 若干政策 3', () => {
  it('grants 600万 for a 带土移植 team, to a member too', () => {
    given([])
      .when(grant('S-1', 'liaoning.talent', wan(600), { recipient: member }))
      .thenMatches([
        { type: 'SubsidyGranted', data: { rule: 'liaoning.talent', citation: '若干政策 3', recipientRole: 'member' } },
        ...committedTo(FUNDING_MEMBER_2025),
      ]);
  });

  it('refuses 99万: each grant is at least 100万', () => {
    given([])
      .when(grant('S-1', 'liaoning.talent', wan(99)))
      .thenRejects({ code: 'rule-violated', rule: 'liaoning.talent', citation: '若干政策 3' });
  });

  it('refuses 1001万: each grant is at most 1000万', () => {
    given([])
      .when(grant('S-1', 'liaoning.talent', wan(1001)))
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'liaoning.talent',
        cap: { limit: wan(1000), used: 0, requested: wan(1001), headroom: wan(1000) },
      });
  });
});

describe('liaoning.key-project — 若干政策 4', () => {
  const keyProject = (id: string, amountFen: number, extra = {}) =>
    grant(id, 'liaoning.key-project', amountFen, { projectId: 'KP-1', ...extra });

  it('supports the 盟主 on a project, with no per-grant limit (recorded so) and the 盟主 annual cap', () => {
    given([])
      .when(keyProject('S-1', wan(1500)))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: {
            rule: 'liaoning.key-project',
            citation: '若干政策 4',
            projectId: 'KP-1',
            caps: [
              cap({ rule: 'liaoning.key-project', scope: 'project-KP-1', limitFen: null }),
              cap({ rule: 'liaoning.alliance-no-cap' }),
              cap({ rule: 'liaoning.mengzhu-annual-cap', usedBeforeFen: 0, headroomAfterFen: wan(500) }),
            ],
          },
        },
        ...committedTo(FUNDING_2025, 'project-KP-1'),
      ]);
  });

  it('a member is not supported by it', () => {
    given([])
      .when(keyProject('S-1', wan(100), { recipient: member }))
      .thenRejects({ code: 'rule-violated', rule: 'liaoning.key-project', citation: '若干政策 4' });
  });

  it('needs the project', () => {
    given([])
      .when(grant('S-1', 'liaoning.key-project', wan(100)))
      .thenRejects({ code: 'invalid-input', details: [{ field: 'projectId' }] });
  });
});

describe('liaoning.transformation — 若干政策 5', () => {
  it('goes to the member leading the project or pilot base, counted on its project', () => {
    given([])
      .when(grant('S-1', 'liaoning.transformation', wan(800), { recipient: member, projectId: 'PB-1' }))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: {
            rule: 'liaoning.transformation',
            recipientRole: 'member',
            caps: expect.arrayContaining([
              cap({ rule: 'liaoning.transformation', limitFen: null, scope: 'project-PB-1' }),
            ]),
          },
        },
        ...committedTo(FUNDING_MEMBER_2025, 'project-PB-1'),
      ]);
  });

  it("counts toward the 盟主's year: 1900万 of talent and operating funds leave 100万, a 200万 post-subsidy is refused", () => {
    given(recorded([grant('S-1', 'liaoning.talent', wan(1000)), grant('S-2', 'liaoning.talent', wan(900))]))
      .when(grant('S-3', 'liaoning.transformation', wan(200), { projectId: 'PB-1' }))
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'liaoning.mengzhu-annual-cap',
        cap: expect.objectContaining({ headroom: wan(100) }) as CapFigures,
      });
  });
});

describe('liaoning.rd-reward — 若干政策 6', () => {
  it('goes to an enterprise of the alliance, recording its R&D spending', () => {
    given([])
      .when(grant('S-1', 'liaoning.rd-reward', wan(50), { recipient: member, rdSpendingFen: wan(800) }))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: {
            rule: 'liaoning.rd-reward',
            rdSpendingFen: wan(800),
            checks: expect.arrayContaining([expect.objectContaining({ rule: 'liaoning.rd-reward', ok: true })]),
            caps: expect.arrayContaining([cap({ rule: 'liaoning.rd-reward', limitFen: null, scope: 'grant' })]),
          },
        },
        ...committedTo(FUNDING_MEMBER_2025),
      ]);
  });

  it('a university member is not an enterprise: refused', () => {
    given([])
      .when(grant('S-1', 'liaoning.rd-reward', wan(50), { recipient: UNITS.liaoningUniversity.creditCode }))
      .thenRejects({ code: 'rule-violated', rule: 'liaoning.rd-reward', citation: '若干政策 6' });
  });

  it('counts toward the 盟主 annual cap when the 盟主 receives it', () => {
    given(recorded([grant('S-1', 'liaoning.talent', wan(1000)), grant('S-2', 'liaoning.talent', wan(1000))]))
      .when(grant('S-3', 'liaoning.rd-reward', wan(1)))
      .thenRejects({ code: 'cap-exceeded', rule: 'liaoning.mengzhu-annual-cap' });
  });
});

describe('liaoning.alliance-no-cap — 若干政策 7', () => {
  it('records on every grant that the alliance has no annual cap', () => {
    given([])
      .when(grant('S-1', 'liaoning.talent', wan(500), { recipient: member }))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: {
            caps: [
              cap({ rule: 'liaoning.talent' }),
              cap({
                rule: 'liaoning.alliance-no-cap',
                scope: 'alliance',
                limitFen: null,
                headroomAfterFen: null,
              }),
            ],
          },
        },
        ...committedTo(FUNDING_MEMBER_2025),
      ]);
  });

  it('the alliance receives more than 2000万 in a year: its members are not capped together', () => {
    given(
      recorded([
        grant('S-1', 'liaoning.talent', wan(1000), { recipient: member }),
        grant('S-2', 'liaoning.talent', wan(1000), { recipient: member }),
        grant('S-3', 'liaoning.talent', wan(1000), { recipient: UNITS.liaoningUniversity.creditCode }),
      ]),
    )
      .when(grant('S-4', 'liaoning.talent', wan(1000), { recipient: member }))
      .thenMatches([{ type: 'SubsidyGranted' }, ...committedTo(FUNDING_MEMBER_2025)]);
  });
});

describe('liaoning.mengzhu-annual-cap — 若干政策 7', () => {
  const year2025 = [
    grant('S-OP', 'liaoning.operating', wan(300)),
    jiebang('S-JB', wan(1000), 'P-5000', 5000),
    grant('S-TL', 'liaoning.talent', wan(600)),
  ];

  it('300万 operating + 1000万 揭榜挂帅 (total 5000万) + 600万 talent to one 盟主 in 2025: 200万 more is refused with headroom 100万', () => {
    given(recorded(year2025))
      .when(grant('S-MORE', 'liaoning.talent', wan(200)))
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'liaoning.mengzhu-annual-cap',
        citation: '若干政策 7',
        cap: { limit: wan(2000), used: wan(1900), requested: wan(200), headroom: wan(100) },
      });
  });

  it('the same 200万 is accepted for 2026', () => {
    given(recorded(year2025))
      .when(grant('S-MORE', 'liaoning.talent', wan(200), { fiscalYear: 2026, grantedOn: '2026-03-02' }))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: {
            fiscalYear: 2026,
            caps: expect.arrayContaining([
              cap({
                rule: 'liaoning.mengzhu-annual-cap',
                scope: `funding-${mengzhu}-2026`,
                usedBeforeFen: 0,
                headroomAfterFen: wan(1800),
              }),
            ]),
          },
        },
        { type: 'FundingCommitted', data: { boundary: `funding-${mengzhu}-2026`, amountFen: wan(200) } },
      ]);
  });

  it('each grant records the annual cap as it stood: limit, used before, headroom after', () => {
    const events = recorded(year2025);
    const annual = events
      .filter((e) => e.type === 'SubsidyGranted')
      .map((e) =>
        (e.data as { caps: Array<{ rule: string }> }).caps.find((c) => c.rule === 'liaoning.mengzhu-annual-cap'),
      );
    expect(annual).toEqual([
      cap({ scope: FUNDING_2025, limitFen: wan(2000), usedBeforeFen: 0, headroomAfterFen: wan(1700) }),
      cap({ scope: FUNDING_2025, limitFen: wan(2000), usedBeforeFen: wan(300), headroomAfterFen: wan(700) }),
      cap({ scope: FUNDING_2025, limitFen: wan(2000), usedBeforeFen: wan(1300), headroomAfterFen: wan(100) }),
    ]);
  });

  it('100万, the remaining headroom, is still accepted', () => {
    given(recorded(year2025))
      .when(grant('S-MORE', 'liaoning.talent', wan(100)))
      .thenMatches([{ type: 'SubsidyGranted' }, ...committedTo(FUNDING_2025)]);
  });

  it('a cancellation releases headroom in the year', () => {
    given(recorded([...year2025, cancel('S-TL', wan(100))]))
      .when(grant('S-MORE', 'liaoning.talent', wan(200)))
      .thenMatches([{ type: 'SubsidyGranted' }, ...committedTo(FUNDING_2025)]);
  });

  it('a clawback does not', () => {
    given(recorded([...year2025, disburse('S-TL', wan(600)), clawBack('S-TL', wan(600))]))
      .when(grant('S-MORE', 'liaoning.talent', wan(200)))
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'liaoning.mengzhu-annual-cap',
        cap: { limit: wan(2000), used: wan(1900), requested: wan(200), headroom: wan(100) },
      });
  });

  it('applies to the 盟主 only: a member is not checked against it', () => {
    given(
      recorded([
        grant('S-1', 'liaoning.talent', wan(1000), { recipient: member }),
        grant('S-2', 'liaoning.talent', wan(1000), { recipient: member }),
      ]),
    )
      .when(grant('S-3', 'liaoning.talent', wan(1000), { recipient: member }))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: { caps: expect.not.arrayContaining([cap({ rule: 'liaoning.mengzhu-annual-cap' })]) },
        },
        ...committedTo(FUNDING_MEMBER_2025),
      ]);
  });

  describe('the unit is the 盟主: what it receives as a member of another alliance counts too', () => {
    // Alliance A is the fixture alliance (its 盟主 is another unit); the member leads alliance B.
    const allianceA = liaoningAlliance();
    const allianceB = activeConsortium('liaoning-2021-alliance', {
      id: 'C-LN-B',
      lead: UNITS.liaoningMember,
      members: [UNITS.liaoningUniversity, UNITS.outsider],
    });
    const asMemberOfA = (id: string, amountFen: number) =>
      grant(id, 'liaoning.talent', amountFen, { recipient: member });
    const operatingAsMengzhuOfB = (id: string, amountFen: number) =>
      grant(id, 'liaoning.operating', amountFen, { consortiumId: 'C-LN-B', recipient: member });
    const talentAsMengzhuOfB = (id: string, amountFen: number) =>
      grant(id, 'liaoning.talent', amountFen, { consortiumId: 'C-LN-B', recipient: member });
    const jiebangAsMengzhuOfB = (id: string, amountFen: number) =>
      grant(id, 'liaoning.jiebang', amountFen, {
        consortiumId: 'C-LN-B',
        recipient: member,
        projectId: `P-${id}`,
        projectTotalInvestmentFen: wan(10_000),
      });

    it('2×1000万 received as a member of alliance A, then 100万 operating funds as 盟主 of alliance B: cap-exceeded, used 2000万', () => {
      given(recorded([asMemberOfA('S-A1', wan(1000)), asMemberOfA('S-A2', wan(1000))], [allianceA, allianceB]))
        .when(operatingAsMengzhuOfB('S-B1', wan(100)), { consortium: allianceB })
        .thenRejects({
          code: 'cap-exceeded',
          rule: 'liaoning.mengzhu-annual-cap',
          citation: '若干政策 7',
          cap: { limit: wan(2000), used: wan(2000), requested: wan(100), headroom: 0 },
        });
    });

    it('1000万 + 900万 as a member of A leave 100万: the 盟主 of B receives it, recorded as used before 1900万', () => {
      given(recorded([asMemberOfA('S-A1', wan(1000)), asMemberOfA('S-A2', wan(900))], [allianceA, allianceB]))
        .when(operatingAsMengzhuOfB('S-B1', wan(100)), { consortium: allianceB })
        .thenMatches([
          {
            type: 'SubsidyGranted',
            data: {
              consortiumId: 'C-LN-B',
              recipientRole: 'lead',
              caps: expect.arrayContaining([
                cap({
                  rule: 'liaoning.mengzhu-annual-cap',
                  scope: FUNDING_MEMBER_2025,
                  limitFen: wan(2000),
                  usedBeforeFen: wan(1900),
                  headroomAfterFen: 0,
                }),
              ]),
            },
          },
          ...committedTo(FUNDING_MEMBER_2025),
        ]);
    });

    /** The registry of 盟主 (liaoning.mengzhu-status): the member leads alliance B since its approval. */
    const leadsB: LeadRegistryState = {
      claims: [
        {
          consortiumId: 'C-LN-B',
          creditCode: member,
          policy: 'liaoning-2021-alliance',
          filedOn: '2024-03-01',
          since: '2024-05-01',
        },
      ],
    };

    it('the other order: 1900万 received as 盟主 of B, then 200万 as a member of A is refused (the registry says it is a 盟主)', () => {
      given(
        recorded(
          [
            operatingAsMengzhuOfB('S-B1', wan(300)),
            jiebangAsMengzhuOfB('S-B2', wan(1000)),
            asMemberOfA('S-A0', wan(600)),
          ],
          [allianceA, allianceB],
        ),
      )
        .when(asMemberOfA('S-A1', wan(200)), { consortium: allianceA, recipientRegistry: leadsB })
        .thenRejects({
          code: 'cap-exceeded',
          rule: 'liaoning.mengzhu-annual-cap',
          cap: { limit: wan(2000), used: wan(1900), requested: wan(200), headroom: wan(100) },
        });
    });

    it('a member-role grant to a 盟主 records the cap and the alliances it leads', () => {
      given([])
        .when(asMemberOfA('S-A1', wan(200)), { consortium: allianceA, recipientRegistry: leadsB })
        .thenMatches([
          {
            type: 'SubsidyGranted',
            data: {
              recipientRole: 'member',
              recipientLeads: ['C-LN-B'],
              caps: expect.arrayContaining([
                cap({ rule: 'liaoning.mengzhu-annual-cap', usedBeforeFen: 0, headroomAfterFen: wan(1800) }),
              ]),
            },
          },
          ...committedTo(FUNDING_MEMBER_2025),
        ]);
    });

    it('for a unit that is 盟主 throughout a year, any order and role of its grants accepts exactly what a serial fold of the cap accepts', () => {
      const amounts = fc.integer({ min: 100, max: 1000 }).map((w) => wan(w));
      const grants = fc.array(fc.record({ amountFen: amounts, asMengzhu: fc.boolean() }), {
        minLength: 1,
        maxLength: 12,
      });
      fc.assert(
        fc.property(grants, (sequence) => {
          let state = subsidyDecider.initialState();
          let modelUsed = 0;
          let accepted = 0;
          sequence.forEach(({ amountFen, asMengzhu }, i) => {
            const command = asMengzhu ? talentAsMengzhuOfB(`S-${i}`, amountFen) : asMemberOfA(`S-${i}`, amountFen);
            const decision = subsidyDecider.decide(command, state, {
              today: FIXTURE_TODAY,
              consortium: asMengzhu ? allianceB : allianceA,
              recipientRegistry: leadsB,
            });
            const fits = modelUsed + amountFen <= wan(2000);
            expect(isRejection(decision) ? 'refused' : 'accepted').toBe(fits ? 'accepted' : 'refused');
            if (!isRejection(decision)) {
              state = decision.reduce(subsidyDecider.evolve, state);
              modelUsed += amountFen;
              accepted += amountFen;
            } else expect(decision).toMatchObject({ code: 'cap-exceeded', rule: 'liaoning.mengzhu-annual-cap' });
          });
          expect(accepted).toBeLessThanOrEqual(wan(2000));
        }),
        { seed: 20261201, numRuns: 200 },
      );
    });

    it('states this reading in the parameter and, in the same words, in INTERPRETATIONS.md and ARCHITECTURE.md', () => {
      const words = (text: string) => text.replace(/\s+/g, ' ');
      expect(liaoningFundingParams.mengzhuAnnualCapFen.interpretation).toContain(MENGZHU_ANNUAL_CAP_READING);
      for (const doc of ['INTERPRETATIONS.md', 'ARCHITECTURE.md']) {
        const text = words(readFileSync(join(__dirname, '../../../../../docs', doc), 'utf8'));
        expect([doc, text.includes(MENGZHU_ANNUAL_CAP_READING)]).toEqual([doc, true]);
      }
    });
  });
});
