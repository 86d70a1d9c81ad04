/**
 * The consortium decider, one `describe` per rule id with its clause (titles built from the nmg-2024-consortium policy's
 * own rule data, so a renamed rule or citation renames its specs). What is no one rule (a command to no consortium,
 * evolve's totality, input validation) has a describe of its own at the end.
 */
import { consortiumPolicy } from '../policies/consortium-policies';
import { NO_FUTURE_FACTS } from '../policies/ledger-interpretations';
import { lifecycleRule } from '../policies/lifecycle-rules';
import { Rejection } from '../shared/decision';
import { Grade, ReviewStage } from '../shared/procedure';
import { UnitKind } from '../shared/unit';
import { deciderSpec } from '../testing/decider-spec';
import { malformed } from '../testing/malformed';
import { named } from '../testing/named';
import { ConsortiumCommand, FileConsortium, RecordReview, ResolveObjection } from './consortium.commands';
import { consortiumDecider, decide } from './consortium.decider';
import { ConsortiumState, evolve, initialState } from './consortium.state';
import { ConsortiumEvent } from './consortium.events';
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
  stateOf,
  TIMELINES,
  verdictOf,
} from './consortium.fixtures';
import { inEnglish } from '../policies/rules/in-english';

const NMG = 'nmg-2024-consortium' as const;
const spec = deciderSpec(consortiumDecider, () => contextFor(NMG));
const c = commandsFor(NMG);
const id = CONSORTIUM_IDS[NMG];
const { procedure } = consortiumPolicy(NMG);

describe(named(procedure.filing), () => {
  it('records an eligible filing as filed, with every verdict', () => {
    const events = spec
      .given([])
      .when(fileConsortium(NMG))
      .thenMatches([
        {
          type: 'ConsortiumFiled',
          data: {
            consortiumId: id,
            policy: NMG,
            filedOn: '2025-09-01',
            lead: LEADS[NMG],
            members: MEMBERS[NMG],
            eligible: true,
          },
        },
      ]);
    expect(stateOf(events)).toMatchObject({ exists: true, status: 'filed', lastOn: '2025-09-01' });
  });

  it('records an ineligible filing too: approval will refuse it', () =>
    void spec
      .given([])
      .when(fileConsortium(NMG, { members: MEMBERS[NMG].slice(0, 3) }))
      .thenMatches([{ type: 'ConsortiumFiled', data: { eligible: false } }]));

  it('refuses a second filing of the same consortium', () =>
    void spec.given(historyUpTo(NMG, 'filed')).when(fileConsortium(NMG)).thenRejects({ code: 'invalid-state' }));

  it('needs the lead registry read for a policy with a rule spanning consortia', () =>
    expect(() => decide(fileConsortium(NMG), initialState(), contextFor(NMG, { leadRegistry: undefined }))).toThrow(
      /leadRegistry/,
    ));
});

describe(named(consortiumPolicy(NMG).targets!.perChainMin!), () => {
  it('a filing names its key chain (产业链); the state keeps it', () => {
    const events = spec
      .given([])
      .when(fileConsortium(NMG, { chain: ' 稀土新材料 ' }))
      .thenMatches([{ type: 'ConsortiumFiled', data: { chain: '稀土新材料' } }]);
    expect(stateOf(events)).toMatchObject({ chain: '稀土新材料' });
  });

  it('a blank chain is invalid input', () =>
    void spec
      .given([])
      .when(fileConsortium(NMG, { chain: '  ' }))
      .thenRejects({ code: 'invalid-input', details: [{ field: 'chain', problem: 'is required' }] }));

  it('a policy that counts no consortia by chain takes none', () =>
    void deciderSpec(consortiumDecider, () => contextFor('liaoning-2021-alliance'))
      .given([])
      .when(fileConsortium('liaoning-2021-alliance', { chain: '装备制造' }))
      .thenRejects({ code: 'invalid-input', details: [expect.objectContaining({ field: 'chain' })] }));
});

describe(named(procedure.reviewSteps), () => {
  it('the first review puts the filing under review', () => {
    const events = eventsOf(NMG, [c.review('expert', '2025-09-15')], historyUpTo(NMG, 'filed'));
    expect(stateOf(events).status).toBe('under-review');
  });

  it('the notice waits for the review steps', () =>
    void spec
      .given(historyUpTo(NMG, 'filed'))
      .when(c.startNotice('2025-09-29'))
      .thenRejects({ code: 'rule-violated', rule: 'lifecycle.review-steps', citation: '四(三)' }));

  it('reviews are over once the notice started', () =>
    void spec
      .given(historyUpTo(NMG, 'public-notice'))
      .when(c.review('expert', '2025-10-13'))
      .thenRejects({ code: 'invalid-state' }));
});

describe(`${named(procedure.notice)}: 5 working days where the policy states none (Ledger interpretation)`, () => {
  it('the notice of 5 working days from 2025-09-29 ends on 2025-10-11 (National Day)', () =>
    void spec
      .given(historyUpTo(NMG, 'reviewed'))
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
            rule: 'lifecycle.public-notice',
            citation: expect.stringContaining('Lifecycle'),
            interpretation: expect.stringContaining('5 working days'),
          },
        },
      ]));

  it('approval is refused on 2025-10-11, the last day of the notice', () =>
    void spec
      .given(historyUpTo(NMG, 'public-notice'))
      .when(c.approve('2025-10-11'))
      .thenRejects({
        code: 'rule-violated',
        rule: 'lifecycle.public-notice',
        details: [
          {
            rule: 'lifecycle.public-notice',
            ok: false,
            citation: expect.any(String),
            detail: 'the public notice ends on 2025-10-11; approval is possible from the day after, not on 2025-10-11',
          },
        ],
      }));

  it('a notice does not start twice', () =>
    void spec
      .given(historyUpTo(NMG, 'public-notice'))
      .when(c.startNotice('2025-10-13'))
      .thenRejects({ code: 'invalid-state' }));

  describe('a notice reaching into a year the working-day calendar lacks', () => {
    const reviewed = () =>
      eventsOf(NMG, [fileConsortium(NMG, { filedOn: '2030-11-01' }), c.review('expert', '2030-11-15')]);

    it('is refused, saying so', () =>
      void spec
        .given(reviewed())
        .when(c.startNotice('2030-12-29'))
        .thenRejects({ code: 'invalid-input', message: expect.stringMatching(/no statutory holidays for 2030/) }));

    it('names startsOn and the notice rule', () =>
      void spec
        .given(reviewed())
        .when(c.startNotice('2030-12-29'))
        .thenRejects({
          code: 'invalid-input',
          rule: 'lifecycle.public-notice',
          details: [{ field: 'startsOn', problem: expect.stringContaining('2030') }],
        }));
  });
});

describe(`${named(procedure.objections)}: no unresolved objection at approval`, () => {
  const inNotice = () => historyUpTo(NMG, 'public-notice');

  it('objections are numbered in the order recorded', () =>
    void spec
      .given(eventsOf(NMG, [c.object('2025-10-09')], inNotice()))
      .when(c.object('2025-10-10', '另一异议'))
      .then([
        {
          type: 'ObjectionRecorded',
          data: {
            consortiumId: id,
            n: 2,
            on: '2025-10-10',
            text: '另一异议',
            rule: 'lifecycle.objections',
            citation: expect.stringContaining('Lifecycle'),
          },
        },
      ]));

  it('objections are recorded only during the public notice', () =>
    void spec
      .given(historyUpTo(NMG, 'reviewed'))
      .when(c.object('2025-09-20'))
      .thenRejects({ code: 'invalid-state', rule: 'lifecycle.objections' }));

  it.each([
    ['the day before the notice starts', '2025-09-28'],
    ['the day after it ends (its status is public-notice until approval)', '2025-10-12'],
    ['months after it ended', '2026-05-01'],
  ])(
    'an objection dated %s is refused',
    (_when, on) => void spec.given(inNotice()).when(c.object(on)).thenRejects({ rule: 'lifecycle.objections' }),
  );

  it('an objection on the notice’s first and last days is recorded', () => {
    spec
      .given(inNotice())
      .when(c.object('2025-09-29'))
      .thenMatches([{ type: 'ObjectionRecorded' }]);
    spec
      .given(inNotice())
      .when(c.object('2025-10-11'))
      .thenMatches([{ type: 'ObjectionRecorded' }]);
  });

  it('an unresolved objection blocks approval; dismissed, it does not', () => {
    const objected = eventsOf(NMG, [c.object('2025-10-09')], inNotice());
    spec.given(objected).when(c.approve('2025-10-12')).thenRejects({ rule: 'lifecycle.objections' });
    spec
      .given(eventsOf(NMG, [c.resolve(1, '2025-10-12', 'dismissed')], objected))
      .when(c.approve('2025-10-12'))
      .thenMatches([{ type: 'ConsortiumApproved' }]);
  });

  it.each<[string, ConsortiumCommand, Partial<Rejection>]>([
    ['an objection that does not exist is not-found', c.resolve(2, '2025-10-10', 'dismissed'), { code: 'not-found' }],
    ['one resolved is not resolved again', c.resolve(1, '2025-10-10', 'dismissed'), { code: 'invalid-state' }],
  ])('%s', (_why, command, rejection) => {
    const resolved = eventsOf(NMG, [c.object('2025-10-09'), c.resolve(1, '2025-10-10', 'upheld')], inNotice());
    spec.given(resolved).when(command).thenRejects(rejection);
  });
});

describe(named(procedure.approval), () => {
  it('approval is accepted on 2025-10-12, carrying every check it passed', () => {
    const [approved] = spec
      .given(historyUpTo(NMG, 'public-notice'))
      .when(c.approve('2025-10-12'))
      .thenMatches([
        {
          type: 'ConsortiumApproved',
          data: { consortiumId: id, on: '2025-10-12', rule: 'lifecycle.approval', citation: '四(五)' },
        },
      ]);
    const rules = (approved.data as { checks: Array<{ rule: string; ok: boolean }> }).checks;
    expect(rules.every((check) => check.ok)).toBe(true);
    expect(rules.map((check) => check.rule)).toEqual([
      'nmg.lead-enterprise',
      'nmg.lead-rd',
      'nmg.naming',
      'nmg.members-min',
      'nmg.members-in-region',
      'nmg.members-enterprises',
      'nmg.agreement',
      'nmg.one-per-lead',
      'lifecycle.review-steps',
      'lifecycle.public-notice',
      'lifecycle.objections',
    ]);
    expect(stateOf([...historyUpTo(NMG, 'public-notice'), approved])).toMatchObject({
      status: 'active',
      approvedOn: '2025-10-12',
    });
  });

  it("approval names every unmet rule at once; the first is the rejection's rule", () =>
    void spec
      .given(historyUpTo(NMG, 'filed', { members: MEMBERS[NMG].slice(0, 7), agreementSigned: false }))
      .when(c.approve('2025-10-12'))
      .thenRejects({
        code: 'rule-violated',
        rule: 'nmg.members-min',
        citation: '三(三)',
        details: [
          expect.objectContaining({ rule: 'nmg.members-min', ok: false }),
          expect.objectContaining({ rule: 'nmg.agreement', ok: false }),
          expect.objectContaining({ rule: 'lifecycle.review-steps', ok: false, detail: 'no expert review recorded' }),
          expect.objectContaining({
            rule: 'lifecycle.public-notice',
            ok: false,
            detail: 'no public notice has started',
          }),
        ],
      }));

  it('approval re-assesses eligibility on the current members', () => {
    const short = historyUpTo(NMG, 'public-notice', { members: MEMBERS[NMG].slice(0, 8) });
    spec.given(short).when(c.approve('2025-10-12')).thenRejects({ rule: 'nmg.members-min' });
    const completed = eventsOf(NMG, [c.addMember('2025-10-12', enterprise('hohhot', 30))], short);
    spec
      .given(completed)
      .when(c.approve('2025-10-13'))
      .thenMatches([{ type: 'ConsortiumApproved' }]);
  });

  it('an active consortium is not approved again', () =>
    void spec.given(historyUpTo(NMG, 'active')).when(c.approve('2025-10-20')).thenRejects({ code: 'invalid-state' }));

  it('a filing is rejected, naming the approval rule', () =>
    void spec
      .given(historyUpTo(NMG, 'reviewed'))
      .when(c.reject('2025-09-20', '论证未通过'))
      .then([
        {
          type: 'ConsortiumRejected',
          data: {
            consortiumId: id,
            on: '2025-09-20',
            reason: '论证未通过',
            rule: 'lifecycle.approval',
            citation: '四(五)',
          },
        },
      ]));
});

describe(named(procedure.withdrawal), () => {
  it('a filing is withdrawn', () =>
    void spec
      .given(historyUpTo(NMG, 'filed'))
      .when(c.withdraw('2025-09-05'))
      .then([
        {
          type: 'ConsortiumWithdrawn',
          data: { consortiumId: id, on: '2025-09-05', rule: 'lifecycle.withdrawal', citation: expect.any(String) },
        },
      ]));
});

describe(named(procedure.dissolution), () => {
  it('an active consortium is neither rejected nor withdrawn: it is dissolved', () => {
    spec.given(historyUpTo(NMG, 'active')).when(c.reject('2025-10-20')).thenRejects({ code: 'invalid-state' });
    spec.given(historyUpTo(NMG, 'active')).when(c.withdraw('2025-10-20')).thenRejects({ code: 'invalid-state' });
    spec
      .given(historyUpTo(NMG, 'active'))
      .when(c.dissolve('2025-10-20'))
      .thenMatches([{ type: 'ConsortiumDissolved', data: { reason: '任务完成', rule: 'lifecycle.dissolution' } }]);
  });

  it('a filing is not dissolved: it is withdrawn or rejected', () =>
    void spec.given(historyUpTo(NMG, 'filed')).when(c.dissolve('2025-09-05')).thenRejects({ code: 'invalid-state' }));
});

describe(`${named(lifecycleRule('ended'))}: an ended consortium accepts no command but queries`, () => {
  const ended: Record<string, () => ConsortiumEvent[]> = {
    rejected: () => eventsOf(NMG, [c.reject('2025-09-20')], historyUpTo(NMG, 'reviewed')),
    withdrawn: () => eventsOf(NMG, [c.withdraw('2025-09-05')], historyUpTo(NMG, 'filed')),
    dissolved: () => eventsOf(NMG, [c.dissolve('2025-10-20')], historyUpTo(NMG, 'active')),
  };
  const commands: ConsortiumCommand[] = [
    c.review('expert', '2025-12-01'),
    c.startNotice('2025-12-01'),
    c.object('2025-12-01'),
    c.resolve(1, '2025-12-01', 'dismissed'),
    c.approve('2025-12-01'),
    c.reject('2025-12-01'),
    c.withdraw('2025-12-01'),
    c.addMember('2025-12-01', enterprise('hohhot', 40)),
    c.removeMember('2025-12-01', MEMBERS[NMG][0].creditCode),
    c.changeLead('2025-12-01', enterprise('hohhot', 41)),
    c.rename('2025-12-01', '新名称'),
    c.evaluate('2025', '2025-12-01', 'qualified'),
    c.dissolve('2025-12-01'),
  ];

  it.each(
    Object.entries(ended).flatMap(([status, history]) =>
      commands.map((command) => [status, command.type, history, command] as const),
    ),
  )(
    '%s: %s is invalid-state',
    (_status, _type, history, command) =>
      void spec.given(history()).when(command).thenRejects({ code: 'invalid-state' }),
  );
});

describe(named(procedure.members), () => {
  it('adding a member records the verdicts after the change', () => {
    const [added] = spec
      .given(historyUpTo(NMG, 'active'))
      .when(c.addMember('2025-11-01', enterprise('beijing', 43)))
      .thenMatches([{ type: 'MemberAdded' }]);
    expect(inEnglish(verdictOf([added], 'nmg.members-min').detail)).toBe(
      '11 member units, lead included; at least 10 required',
    );
    expect(verdictOf([added], 'nmg.one-per-lead').ok).toBe(true);
  });

  it('removing a member below the minimum is recorded with the rule failing', () => {
    const [removed] = spec
      .given(historyUpTo(NMG, 'active'))
      .when(c.removeMember('2025-11-01', MEMBERS[NMG][0].creditCode))
      .thenMatches([{ type: 'MemberRemoved' }]);
    expect(inEnglish(verdictOf([removed], 'nmg.members-min'))).toMatchObject({
      ok: false,
      detail: '9 member units, lead included; at least 10 required',
    });
    expect(stateOf([...historyUpTo(NMG, 'active'), removed]).members).toHaveLength(8);
  });

  it('a removal without a date is dated today (the context clock)', () =>
    void spec
      .given(historyUpTo(NMG, 'active'))
      .when(
        { type: 'RemoveMember', data: { consortiumId: id, creditCode: MEMBERS[NMG][0].creditCode } },
        { today: '2025-11-20' },
      )
      .thenMatches([{ type: 'MemberRemoved', data: { on: '2025-11-20' } }]));

  it.each<[string, ConsortiumCommand, Partial<Rejection>]>([
    ['a member is not added twice', c.addMember('2025-11-01', MEMBERS[NMG][0]), { code: 'invalid-state' }],
    ['the lead is not added as a member', c.addMember('2025-11-01', LEADS[NMG]), { code: 'invalid-state' }],
    ['the lead is not removed', c.removeMember('2025-11-01', LEADS[NMG].creditCode), { code: 'invalid-state' }],
    [
      'a stranger is not-found',
      c.removeMember('2025-11-01', enterprise('hohhot', 44).creditCode),
      { code: 'not-found' },
    ],
  ])(
    '%s',
    (_why, command, rejection) => void spec.given(historyUpTo(NMG, 'active')).when(command).thenRejects(rejection),
  );
});

describe(`${named(lifecycleRule('dates'))}: business dates do not go backwards`, () => {
  it.each<[string, () => ConsortiumEvent[], ConsortiumCommand, Partial<Rejection>]>([
    [
      'a review dated before the filing is refused, naming the review rule',
      () => historyUpTo(NMG, 'filed'),
      c.review('expert', '2025-08-31'),
      { code: 'rule-violated', rule: 'lifecycle.review-steps', citation: '四(三)' },
    ],
    [
      'a notice starting before the last review is refused, naming the notice rule',
      () => historyUpTo(NMG, 'reviewed'),
      c.startNotice('2025-09-14'),
      { rule: 'lifecycle.public-notice' },
    ],
    [
      'an approval dated before the notice started is refused',
      () => historyUpTo(NMG, 'public-notice'),
      c.approve('2025-09-28'),
      { code: 'rule-violated', rule: 'lifecycle.approval' },
    ],
    [
      'a member added before the latest recorded date is refused',
      () => historyUpTo(NMG, 'active'),
      c.addMember('2025-10-01', enterprise('hohhot', 42)),
      { code: 'rule-violated', rule: 'lifecycle.dates' },
    ],
  ])('%s', (_why, history, command, rejection) => void spec.given(history()).when(command).thenRejects(rejection));

  it('the same day is fine', () =>
    void spec
      .given(historyUpTo(NMG, 'active'))
      .when(c.addMember('2025-10-12', enterprise('hohhot', 42)))
      .thenMatches([{ type: 'MemberAdded' }]));
});

describe(named(NO_FUTURE_FACTS), () => {
  const today = '2025-11-20';
  const active = () => historyUpTo(NMG, 'active');
  it.each<[string, ConsortiumCommand, string]>([
    ['a filing', fileConsortium(NMG, { filedOn: '2025-11-21' }), 'filedOn'],
    ['an evaluation', c.evaluate('2025', '2025-12-01', 'qualified'), 'on'],
    ['a dissolution', c.dissolve('2025-11-21'), 'on'],
    ['a member joining', c.addMember('2025-11-21', enterprise('baotou', 60)), 'on'],
  ])('%s dated after today is invalid input naming its field, nothing recorded', (_what, command, field) => {
    const given = command.type === 'FileConsortium' ? [] : active();
    spec
      .given(given)
      .when(command, { today })
      .thenRejects({
        code: 'invalid-input',
        rule: NO_FUTURE_FACTS.rule,
        details: [{ field, problem: expect.stringMatching(/after today/) }],
      });
  });

  it('a fact dated today is accepted', () => {
    spec
      .given(active())
      .when(c.dissolve(today), { today })
      .thenMatches([{ type: 'ConsortiumDissolved' }]);
  });

  it("a public notice's start is a plan: it may lie ahead", () => {
    const t = TIMELINES[NMG];
    spec
      .given(historyUpTo(NMG, 'reviewed'))
      .when(c.startNotice(t.noticeStartsOn), { today: t.reviews[t.reviews.length - 1].on })
      .thenMatches([{ type: 'PublicNoticeStarted' }]);
  });
});

describe('a command to a consortium that does not exist is not-found', () => {
  it.each<ConsortiumCommand>([c.review('expert', '2025-09-15'), c.approve('2025-10-12'), c.dissolve('2025-10-12')])(
    '%# is not-found',
    (command) => void spec.given([]).when(command).thenRejects({ code: 'not-found' }),
  );
});

describe('evolve is total', () => {
  it.each<[string, () => ConsortiumState, ConsortiumEvent]>([
    [
      'an event before a filing',
      initialState,
      {
        type: 'ConsortiumApproved',
        data: { consortiumId: id, on: '2025-10-12', checks: [], rule: 'x', citation: 'y' },
      },
    ],
    [
      'an unknown event',
      () => stateOf(historyUpTo(NMG, 'filed')),
      malformed<ConsortiumEvent>({ type: 'SomethingElse', data: {} }),
    ],
    [
      'an event without data',
      () => stateOf(historyUpTo(NMG, 'filed')),
      malformed<ConsortiumEvent>({ type: 'ConsortiumRenamed' }),
    ],
    ['null', () => stateOf(historyUpTo(NMG, 'filed')), malformed<ConsortiumEvent>(null)],
  ])('%s leaves the state alone', (_why, before, event) => expect(evolve(before(), event)).toEqual(before()));
});

describe('evolve replays a history', () => {
  it('replays a whole history to the state approval left', () =>
    expect(stateOf(historyUpTo(NMG, 'active'))).toMatchObject({
      status: 'active',
      filedOn: TIMELINES[NMG].filedOn,
      reviews: [{ stage: 'expert', outcome: 'pass', on: '2025-09-15' }],
      notice: { startsOn: '2025-09-29', endsOn: '2025-10-11', workingDays: 5, rule: 'lifecycle.public-notice' },
      approvedOn: '2025-10-12',
      lastOn: '2025-10-12',
    }));
});

describe('invalid input (400): fields named as the API names them (API.md: what is wrong, field by field)', () => {
  describe('a filing', () => {
    it.each([
      ['an invalid credit code', { lead: { ...LEADS[NMG], creditCode: '91150200MA0000001G' } }, 'lead.creditCode'],
      ['the lead listed as a member', { members: [...MEMBERS[NMG], LEADS[NMG]] }, 'members[9].creditCode'],
      ['a member listed twice', { members: [...MEMBERS[NMG], MEMBERS[NMG][0]] }, 'members[9].creditCode'],
      ['no name', { name: ' ' }, 'name'],
      ['an impossible date', { filedOn: '2025-02-30' }, 'filedOn'],
      ['a negative amount of fen', { lead: { ...LEADS[NMG], revenue3yFen: -1 } }, 'lead.revenue3y'],
      [
        'a member of unknown kind',
        { members: [...MEMBERS[NMG].slice(0, 3), { ...MEMBERS[NMG][3], kind: 'company' }] },
        'members[3].kind',
      ],
      ['members that are no list', { members: 'none' }, 'members'],
      ['an unknown policy', { policy: 'beijing-2030-consortium' }, 'policy'],
    ])('refuses %s as invalid input naming %s, recording nothing', (_why, overrides, field) => {
      const data = malformed<FileConsortium['data']>({ ...fileConsortium(NMG).data, ...overrides });
      spec
        .given([])
        .when({ type: 'FileConsortium', data })
        .thenRejects({
          code: 'invalid-input',
          details: expect.arrayContaining([{ field, problem: expect.any(String) }]),
        });
    });

    it('names every bad field at once, each with what is wrong, as the HTTP body names it', () =>
      void spec
        .given([])
        .when(
          fileConsortium(NMG, {
            name: '',
            lead: { ...LEADS[NMG], creditCode: 'x', rdExpenseLastYearFen: 1.5 },
            members: [MEMBERS[NMG][0], { ...MEMBERS[NMG][1], name: '' }],
          }),
        )
        .thenRejects({
          code: 'invalid-input',
          message: expect.stringContaining('lead.creditCode must be a valid unified social credit code'),
          details: [
            { field: 'name', problem: 'is required' },
            { field: 'lead.creditCode', problem: 'must be a valid unified social credit code, not "x"' },
            { field: 'lead.rdExpenseLastYear', problem: 'must be a non-negative amount of whole fen' },
            { field: 'members[1].name', problem: 'is required' },
          ],
        }));

    it('a repeated unit names the member that repeats it', () =>
      void spec
        .given([])
        .when(fileConsortium(NMG, { members: [...MEMBERS[NMG], LEADS[NMG]] }))
        .thenRejects({
          code: 'invalid-input',
          details: [{ field: 'members[9].creditCode', problem: expect.stringMatching(/^repeats lead \(/) }],
        }));
  });

  describe('a later command', () => {
    const active = () => historyUpTo(NMG, 'active');

    it.each<[string, () => ConsortiumEvent[], ConsortiumCommand, Array<{ field: string; problem: string }>]>([
      [
        'a review of an unknown stage and outcome',
        () => historyUpTo(NMG, 'filed'),
        {
          type: 'RecordReview',
          data: {
            consortiumId: id,
            stage: malformed<ReviewStage>('final'),
            outcome: malformed<RecordReview['data']['outcome']>('ok'),
            on: '2025-09-15',
          },
        },
        [
          { field: 'stage', problem: 'must be one of preliminary, formal, technical, expert' },
          { field: 'outcome', problem: 'must be one of pass, fail' },
        ],
      ],
      ['an impossible date', active, c.approve('2025-02-30'), [{ field: 'on', problem: 'must be a date YYYY-MM-DD' }]],
      [
        'a notice starting on no date',
        () => historyUpTo(NMG, 'reviewed'),
        c.startNotice('soon'),
        [{ field: 'startsOn', problem: 'must be a date YYYY-MM-DD' }],
      ],
      [
        'an objection without text',
        () => historyUpTo(NMG, 'public-notice'),
        c.object('2025-10-09', ' '),
        [{ field: 'text', problem: 'is required' }],
      ],
      [
        'a resolution that is neither upheld nor dismissed',
        () => eventsOf(NMG, [c.object('2025-10-09')], historyUpTo(NMG, 'public-notice')),
        c.resolve(1, '2025-10-10', malformed<ResolveObjection['data']['outcome']>('withdrawn')),
        [{ field: 'outcome', problem: 'must be one of upheld, dismissed' }],
      ],
      [
        'a rejection without a reason',
        () => historyUpTo(NMG, 'filed'),
        c.reject('2025-09-05', ''),
        [{ field: 'reason', problem: 'is required' }],
      ],
      [
        'a dissolution without a reason',
        active,
        c.dissolve('2025-11-01', ''),
        [{ field: 'reason', problem: 'is required' }],
      ],
      [
        'a member with a bad credit code',
        active,
        c.addMember('2025-11-01', { ...enterprise('hohhot', 50), creditCode: '91150200MA0000001G' }),
        [
          {
            field: 'member.creditCode',
            problem: 'must be a valid unified social credit code, not "91150200MA0000001G"',
          },
        ],
      ],
      [
        'a new lead of unknown kind',
        active,
        c.changeLead('2025-11-01', { ...enterprise('hohhot', 51), kind: malformed<UnitKind>('company') }),
        [{ field: 'newLead.kind', problem: 'must be one of enterprise, university, research-institute, other' }],
      ],
      [
        'the current lead as the new lead',
        active,
        c.changeLead('2025-11-01', LEADS[NMG]),
        [{ field: 'newLead.creditCode', problem: `is already the lead of consortium ${id}` }],
      ],
      ['an empty name', active, c.rename('2025-11-01', ''), [{ field: 'name', problem: 'is required' }]],
      [
        'the current name',
        active,
        c.rename('2025-11-01', fileConsortium(NMG).data.name),
        [{ field: 'name', problem: "is already the consortium's name" }],
      ],
      [
        'an evaluation without period, with an unknown grade and bad scores',
        active,
        {
          type: 'RecordEvaluation',
          data: {
            consortiumId: id,
            period: '',
            on: '2025-12-01',
            grade: malformed<Grade>('good'),
            scores: { x: Number.NaN },
          },
        },
        [
          { field: 'period', problem: 'is required' },
          { field: 'grade', problem: 'must be one of excellent, qualified, unqualified' },
          { field: 'scores', problem: 'must map aspects to finite numbers' },
        ],
      ],
      [
        'an annual report under a policy that asks for none',
        active,
        c.annualReport(2025, '2025-12-20'),
        [{ field: 'id', problem: 'names a consortium under nmg-2024-consortium, which asks for no annual report' }],
      ],
    ])(
      '%s',
      (_why, history, command, details) =>
        void spec.given(history()).when(command).thenRejects({ code: 'invalid-input', details }),
    );

    it('a Tianjin annual report for a year that is no integer names year', () =>
      void deciderSpec(consortiumDecider, () => contextFor('tianjin-2018-alliance'))
        .given(historyUpTo('tianjin-2018-alliance', 'active'))
        .when(commandsFor('tianjin-2018-alliance').annualReport(2020.5, '2020-12-20'))
        .thenRejects({ code: 'invalid-input', details: [{ field: 'year', problem: 'must be an integer' }] }));
  });
});
