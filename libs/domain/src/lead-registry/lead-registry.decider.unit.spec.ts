import {
  commandsFor,
  CONSORTIUM_IDS,
  eventsOf,
  historyUpTo,
  LEADS,
  registryEvents,
  stateOf,
} from '../consortium/consortium.fixtures';
import { consortiumStreamId } from '../consortium/consortium.streams';
import { nmgParams } from '../policies/nmg-2024-consortium';
import { ConsortiumPolicyId } from '../shared/policy-ids';
import { deciderSpec } from '../testing/decider-spec';
import { ClaimLead, ReleaseLead } from './lead-registry.commands';
import { leadRegistryDecider } from './lead-registry.decider';
import { LeadClaimed, LeadRegistryEvent, LeadReleased } from './lead-registry.events';
import { leadRegistryStreamId } from './lead-registry.streams';

const NMG = 'nmg-2024-consortium' as const;
const code = LEADS[NMG].creditCode;
const spec = deciderSpec(leadRegistryDecider, () => ({ term: nmgParams.oneConsortiumPerLead }));
const claim = (consortiumId: string): ClaimLead => ({
  type: 'ClaimLead',
  data: { consortiumId, creditCode: code, policy: NMG, filedOn: '2025-09-01' },
});
const release = (consortiumId: string): ReleaseLead => ({
  type: 'ReleaseLead',
  data: { consortiumId, creditCode: code, policy: NMG, reason: 'dissolved', on: '2025-10-20' },
});
const claimed = (consortiumId: string): LeadClaimed => ({
  type: 'LeadClaimed',
  data: { ...claim(consortiumId).data, rule: 'nmg.one-per-lead', citation: '三(二)' },
});
const released = (consortiumId: string): LeadReleased => ({
  type: 'LeadReleased',
  data: { ...release(consortiumId).data, rule: 'nmg.one-per-lead', citation: '三(二)' },
});

describe('nmg.one-per-lead — 三(二): the registry records claims and releases', () => {
  it('a filing claims its lead, naming the rule', () => {
    spec
      .given([])
      .when(claim('a'))
      .then([claimed('a')]);
  });

  it('a claim already recorded is not recorded twice', () => {
    spec
      .given([claimed('a')])
      .when(claim('a'))
      .then([]);
  });

  it("the end of a consortium releases its claim; another consortium's claim stays", () => {
    spec
      .given([claimed('a')])
      .when(release('a'))
      .then([released('a')]);
    expect(leadRegistryDecider.evolve(leadRegistryDecider.evolve({ claims: [] }, claimed('a')), released('b'))).toEqual(
      {
        claims: [claim('a').data],
        ended: [],
      },
    );
  });

  it('a consortium without a claim has nothing to release', () => {
    spec
      .given([claimed('b')])
      .when(release('a'))
      .then([]);
  });

  it('evolve is total', () => {
    const state = leadRegistryDecider.initialState();
    expect(leadRegistryDecider.evolve(state, { type: 'Nonsense', data: {} } as unknown as LeadRegistryEvent)).toBe(
      state,
    );
    expect(leadRegistryDecider.evolve(state, null as unknown as LeadRegistryEvent)).toBe(state);
  });
});

describe('what a consortium transition asks of the registry (consortium.lead-claims)', () => {
  it('a filing under nmg claims the lead', () =>
    expect(registryEvents(stateOf([]), stateOf(historyUpTo(NMG, 'filed')))).toEqual([claimed(CONSORTIUM_IDS[NMG])]));

  it('reviews, notice and approval change nothing', () => {
    const filed = historyUpTo(NMG, 'filed');
    expect(registryEvents(stateOf(filed), stateOf(historyUpTo(NMG, 'active')))).toEqual([]);
  });

  it.each([
    ['rejected', (c: ReturnType<typeof commandsFor>) => c.reject('2025-09-20')],
    ['withdrawn', (c: ReturnType<typeof commandsFor>) => c.withdraw('2025-09-20')],
  ])('a filing %s under nmg releases the lead', (status, command) => {
    const filed = historyUpTo(NMG, 'filed');
    const after = eventsOf(NMG, [command(commandsFor(NMG))], filed);
    const registry = { claims: [claim(CONSORTIUM_IDS[NMG]).data] };
    expect(registryEvents(stateOf(filed), stateOf(after), registry)).toEqual([
      {
        type: 'LeadReleased',
        data: expect.objectContaining({ consortiumId: CONSORTIUM_IDS[NMG], creditCode: code, reason: status }),
      },
    ]);
  });

  it.each<ConsortiumPolicyId>(['liaoning-2021-alliance', 'tianjin-2018-alliance'])('%s keeps no registry', (policy) =>
    expect(registryEvents(stateOf([]), stateOf(historyUpTo(policy, 'filed')))).toEqual([]),
  );
});

describe('streams', () => {
  it('a consortium has its stream; the registry one per policy and lead', () => {
    expect(consortiumStreamId('c-1')).toBe('consortium-c-1');
    expect(leadRegistryStreamId(NMG, code)).toBe(`lead-registry-nmg-2024-consortium-${code}`);
  });
});
