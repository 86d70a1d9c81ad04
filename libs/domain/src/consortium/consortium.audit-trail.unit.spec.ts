import { consortiumPolicies } from '../policies/consortium-policies';
/**
 * The aim of the ledger: every decision names the rule id and citation that made it. Each fixture consortium is taken
 * through every step its policy allows, and every event the decider emits is checked for `rule` and `citation` at the
 * top of its data (what the audit trail and the command answers' `decisions` show).
 */
import { paramOn, ruleRefOf } from '../shared/rule';
import { ConsortiumCommand } from './consortium.commands';
import { CONSORTIUM_EVENT_TYPES, ConsortiumEvent, ConsortiumEventType } from './consortium.events';
import {
  commandsFor,
  enterprise,
  eventsOf,
  historyUpTo,
  MEMBERS,
  Place,
  stateOf,
  TIMELINES,
} from './consortium.fixtures';
import { CONSORTIUM_POLICY_IDS, ConsortiumPolicyId } from '../shared/policy-ids';
import { liaoningParams } from '../policies/liaoning-2021-alliance';
import { LIFECYCLE_CITATION, LIFECYCLE_RULES, LifecycleRule } from '../policies/lifecycle-rules';
import { malformed } from '../testing/malformed';

const LIAONING_SCORES = Object.fromEntries(
  paramOn(liaoningParams.evaluationAspects, '2025-01-01').map((a) => [a.key, 80]),
);

/** Where each policy's new units register, and dates after its approval (Tianjin's within its period, ≤ 2020-12-31). */
const SETTING: Record<
  ConsortiumPolicyId,
  { place: Place; during: [string, string, string]; after: string[]; period: string }
> = {
  'nmg-2024-consortium': {
    place: 'hohhot',
    during: ['2025-10-09', '2025-10-10', '2025-10-12'],
    after: ['2025-11-01', '2025-11-02', '2025-11-03', '2025-11-04', '2025-11-05', '2025-12-20', '2025-12-28'],
    period: '2025',
  },
  'luzhou-2024-consortium': {
    place: 'luzhou',
    during: ['2025-10-09', '2025-10-10', '2025-10-12'],
    after: ['2025-11-01', '2025-11-02', '2025-11-03', '2025-11-04', '2025-11-05', '2025-12-20', '2025-12-28'],
    period: '2025',
  },
  'liaoning-2021-alliance': {
    place: 'shenyang',
    during: ['2025-10-09', '2025-10-10', '2025-10-12'],
    after: ['2025-11-01', '2025-11-02', '2025-11-03', '2025-11-04', '2025-11-05', '2025-12-20', '2025-12-28'],
    period: '2025',
  },
  'tianjin-2018-alliance': {
    place: 'tianjin',
    during: ['2020-06-02', '2020-06-03', '2020-06-08'],
    after: ['2020-07-01', '2020-07-02', '2020-07-03', '2020-07-04', '2020-07-05', '2020-12-20', '2020-12-28'],
    period: '2020',
  },
};

/** Every event a policy's consortia can produce, from a few histories that together take every branch. */
function everyEventOf(policy: ConsortiumPolicyId): ConsortiumEvent[] {
  const c = commandsFor(policy);
  const {
    place,
    during: [objectOn, resolveOn, approveOn],
    after: [d1, d2, d3, d4, d5, d6, d7],
    period,
  } = SETTING[policy];
  const scores = policy === 'liaoning-2021-alliance' ? LIAONING_SCORES : undefined;
  const dissolving = policy === 'nmg-2024-consortium';
  const main: ConsortiumCommand[] = [
    c.object(objectOn),
    c.resolve(1, resolveOn, 'dismissed'),
    c.approve(approveOn),
    c.addMember(d1, enterprise(place, 90)),
    c.removeMember(d2, MEMBERS[policy][0].creditCode),
    ...(dissolving ? [] : [c.changeLead(d3, enterprise(place, 91)), c.rename(d4, '更名后的联合体')]),
    // Under a cycle the first evaluation comes years later (Luzhou's below; none can be recorded under Tianjin).
    ...(consortiumPolicies[policy].evaluation.cycleYears ? [] : [c.evaluate(period, d5, 'qualified', scores)]),
    ...(policy === 'tianjin-2018-alliance' ? [c.annualReport(2020, d6)] : []),
    c.dissolve(d7),
  ];
  const histories = [
    eventsOf(policy, main, historyUpTo(policy, 'public-notice')),
    eventsOf(policy, [c.reject(approveOn)], historyUpTo(policy, 'public-notice')),
    eventsOf(policy, [c.withdraw(TIMELINES[policy].filedOn)], historyUpTo(policy, 'filed')),
    ...(dissolving
      ? [
          eventsOf(policy, [c.changeLead(d3, enterprise(place, 91))], historyUpTo(policy, 'active')),
          eventsOf(policy, [c.rename(d4, '更名后的联合体')], historyUpTo(policy, 'active')),
        ]
      : []),
    ...(policy === 'nmg-2024-consortium'
      ? [eventsOf(policy, [c.waive('nmg.members-min', objectOn)], historyUpTo(policy, 'public-notice'))]
      : []),
    ...(policy === 'luzhou-2024-consortium'
      ? [
          eventsOf(
            policy,
            [c.evaluate('2027', '2027-10-20', 'unqualified'), c.evaluate('2029', '2029-10-22', 'unqualified')],
            historyUpTo(policy, 'active'),
          ),
        ]
      : []),
  ];
  return histories.flat();
}

const ALL = CONSORTIUM_POLICY_IDS.map((policy) => [policy, everyEventOf(policy)] as const);
const isNonEmpty = (value: unknown) => typeof value === 'string' && value.trim() !== '';

describe('every consortium event names its rule and citation', () => {
  it('the fixture histories together emit every consortium event type', () => {
    const seen = new Set(ALL.flatMap(([, events]) => events.map((e) => e.type)));
    expect([...seen].sort()).toEqual([...CONSORTIUM_EVENT_TYPES].sort());
  });

  it.each(ALL)('%s: every event carries rule and citation at the top of its data', (_policy, events) => {
    const missing = events.filter(
      (e) =>
        !isNonEmpty((e.data as { rule?: unknown }).rule) || !isNonEmpty((e.data as { citation?: unknown }).citation),
    );
    expect(missing.map((e) => e.type)).toEqual([]);
    for (const event of events) {
      const { rule, citation } = event.data as { rule: string; citation: string };
      expect(ruleRefOf(event.data)).toEqual({ rule, citation });
    }
  });

  it.each(ALL)('%s: every rule named is a rule of its policy or a documented lifecycle rule', (policy, events) => {
    const prefix = policy.split('-')[0];
    for (const { data } of events) {
      const { rule } = data as { rule: string };
      if (rule.startsWith('lifecycle.'))
        expect(LIFECYCLE_RULES).toHaveProperty([rule.slice('lifecycle.'.length) as LifecycleRule]);
      else expect(rule.startsWith(`${prefix}.`)).toBe(true);
    }
  });
});

describe('which rule each step names', () => {
  const ruleOf = (policy: ConsortiumPolicyId, type: ConsortiumEventType) => {
    const events = ALL.find(([id]) => id === policy)?.[1] ?? [];
    const refs = events.filter((e) => e.type === type).map((e) => ruleRefOf(e.data));
    expect(refs.length).toBeGreaterThan(0);
    return refs[0];
  };
  const LIFECYCLE = LIFECYCLE_CITATION;

  it.each<[ConsortiumPolicyId, ConsortiumEventType, string, string]>([
    ['nmg-2024-consortium', 'ConsortiumFiled', 'lifecycle.filing', '四(二)'],
    ['luzhou-2024-consortium', 'ConsortiumFiled', 'luzhou.annual-call', '第三条(一)(二)'],
    ['liaoning-2021-alliance', 'ConsortiumFiled', 'lifecycle.filing', LIFECYCLE],
    ['tianjin-2018-alliance', 'ConsortiumFiled', 'tianjin.filing-steps', '第十二条(一)'],
    ['nmg-2024-consortium', 'ObjectionRecorded', 'lifecycle.objections', LIFECYCLE],
    ['luzhou-2024-consortium', 'ObjectionRecorded', 'luzhou.review-chain', '第三条(四)'],
    ['tianjin-2018-alliance', 'ObjectionResolved', 'tianjin.filing-steps', '第十二条(四)'],
    ['liaoning-2021-alliance', 'ObjectionResolved', 'lifecycle.objections', LIFECYCLE],
    ['nmg-2024-consortium', 'MemberAdded', 'lifecycle.members', '六(三)'],
    ['nmg-2024-consortium', 'MemberRemoved', 'lifecycle.members', '六(三)'],
    ['luzhou-2024-consortium', 'MemberAdded', 'lifecycle.members', LIFECYCLE],
    ['tianjin-2018-alliance', 'MemberRemoved', 'lifecycle.members', LIFECYCLE],
    ['nmg-2024-consortium', 'LeadChanged', 'nmg.dissolve-on-lead-change', '六(三)'],
    ['luzhou-2024-consortium', 'LeadChanged', 'luzhou.lead', '第二条(一)'],
    ['liaoning-2021-alliance', 'LeadChanged', 'liaoning.mengzhu', '组建基本条件 一'],
    ['tianjin-2018-alliance', 'LeadChanged', 'tianjin.lead', '第十一条(二)'],
    ['nmg-2024-consortium', 'ConsortiumRenamed', 'nmg.dissolve-on-rename', '六(三)'],
    ['luzhou-2024-consortium', 'ConsortiumRenamed', 'lifecycle.rename', LIFECYCLE],
    ['tianjin-2018-alliance', 'AnnualReportRecorded', 'tianjin.annual-report', '第十七条'],
  ])('%s: %s names %s (%s)', (policy, type, rule, citation) =>
    expect(ruleOf(policy, type)).toEqual({ rule, citation }),
  );
});

describe('evolve replays events recorded before they named their rule', () => {
  const NEWLY_RULED: ReadonlyArray<ConsortiumEventType> = [
    'ConsortiumFiled',
    'ObjectionRecorded',
    'ObjectionResolved',
    'MemberAdded',
    'MemberRemoved',
    'LeadChanged',
    'ConsortiumRenamed',
    'AnnualReportRecorded',
  ];
  const withoutRule = (event: ConsortiumEvent): ConsortiumEvent => {
    if (!NEWLY_RULED.includes(event.type)) return event;
    const { rule: _rule, citation: _citation, ...data } = event.data as unknown as Record<string, unknown>;
    return malformed<ConsortiumEvent>({ ...event, data });
  };

  it.each(CONSORTIUM_POLICY_IDS)('%s: the same state with or without the new fields', (policy) => {
    const c = commandsFor(policy);
    const {
      place,
      during: [objectOn, resolveOn, approveOn],
      after,
    } = SETTING[policy];
    const history = eventsOf(
      policy,
      [
        c.object(objectOn),
        c.resolve(1, resolveOn, 'dismissed'),
        c.approve(approveOn),
        c.addMember(after[0], enterprise(place, 92)),
        c.removeMember(after[1], MEMBERS[policy][1].creditCode),
      ],
      historyUpTo(policy, 'public-notice'),
    );
    expect(stateOf(history.map(withoutRule))).toEqual(stateOf(history));
    expect(stateOf(history.map(withoutRule))).toMatchObject({
      status: 'active',
      objections: [{ n: 1, resolution: { outcome: 'dismissed' } }],
    });
  });
});
