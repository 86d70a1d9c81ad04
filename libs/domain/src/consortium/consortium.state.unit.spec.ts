/**
 * The consortium's fold as its read model stores it: a document is the state's JSON, so the order of its keys is part
 * of what a rebuild must write again byte for byte (evolve is written with `Object.assign` rather than spreads, for
 * speed: docs/ARCHITECTURE.md, "Objects on the command path"; these are the orders the spreads gave).
 */
import { commandsFor, eventsOf, historyUpTo, stateOf } from './consortium.fixtures';

const FILED_KEYS = [
  'exists',
  'id',
  'policy',
  'name',
  'status',
  'filedOn',
  'lead',
  'members',
  'agreementSigned',
  'integrityCommitment',
  'governance',
  'eligibility',
  'reviews',
  'objections',
  'evaluations',
  'annualReports',
  'waivers',
  'lastOn',
  'formerCompositions',
];

describe('the consortium state keeps its keys in the order they were first set', () => {
  it('a filing naming a key chain: the chain last', () =>
    expect(Object.keys(stateOf(historyUpTo('nmg-2024-consortium', 'filed', { chain: '稀土新材料' })))).toEqual([
      ...FILED_KEYS,
      'chain',
    ]));

  it('approved, evaluated (the next due date set anew) and dissolved', () => {
    const policy = 'luzhou-2024-consortium';
    const c = commandsFor(policy);
    const active = historyUpTo(policy, 'active');
    const due = stateOf(active).nextEvaluationDueOn!;
    expect(Object.keys(stateOf(active))).toEqual([...FILED_KEYS, 'notice', 'approvedOn', 'nextEvaluationDueOn']);
    const evaluated = eventsOf(policy, [c.evaluate('2027', due, 'excellent')], active);
    expect(stateOf(evaluated).nextEvaluationDueOn).not.toBe(due);
    expect(Object.keys(stateOf(evaluated))).toEqual([...FILED_KEYS, 'notice', 'approvedOn', 'nextEvaluationDueOn']);
    const dissolved = eventsOf(policy, [c.dissolve('2028-01-20')], evaluated);
    expect(Object.keys(stateOf(dissolved))).toEqual([
      ...FILED_KEYS,
      'notice',
      'approvedOn',
      'nextEvaluationDueOn',
      'ended',
    ]);
  });
});
