import { consortiumStreamId, leadRegistryStreamId } from './consortium.streams';
import { commandsFor, CONSORTIUM_IDS, eventsOf, historyUpTo, LEADS, stateOf } from './consortium.fixtures';
import {
  evolveLeadClaim,
  leadClaimOf,
  LeadClaimed,
  LeadRegistryEvent,
  leadRegistryChanges,
  leadRegistryStreamOf,
  LeadReleased,
} from './lead-registry';
import { ConsortiumPolicyId } from '../shared/policy-ids';

const NMG = 'nmg-2024-consortium' as const;
const code = LEADS[NMG].creditCode;
const claimed = (consortiumId: string): LeadClaimed => ({
  type: 'LeadClaimed',
  data: {
    consortiumId,
    creditCode: code,
    policy: NMG,
    filedOn: '2025-09-01',
    rule: 'nmg.one-per-lead',
    citation: '三(二)',
  },
});
const released = (consortiumId: string): LeadReleased => ({
  type: 'LeadReleased',
  data: {
    consortiumId,
    creditCode: code,
    policy: NMG,
    reason: 'dissolved',
    on: '2025-10-20',
    rule: 'nmg.one-per-lead',
    citation: '三(二)',
  },
});

describe('lead registry: evolveLeadClaim', () => {
  it('a claim holds until its consortium releases it', () => {
    expect(leadClaimOf([claimed('a')])).toEqual({
      consortiumId: 'a',
      creditCode: code,
      policy: NMG,
      filedOn: '2025-09-01',
    });
    expect(leadClaimOf([claimed('a'), released('a')])).toBeNull();
  });

  it("another consortium's release leaves the claim alone", () =>
    expect(leadClaimOf([claimed('a'), released('b')])).toMatchObject({ consortiumId: 'a' }));

  it('is total', () => {
    expect(evolveLeadClaim(null, { type: 'Nonsense', data: {} } as unknown as LeadRegistryEvent)).toBeNull();
    expect(evolveLeadClaim(null, null as unknown as LeadRegistryEvent)).toBeNull();
  });
});

describe('lead registry: leadRegistryChanges(before, after)', () => {
  it('a filing under nmg claims the lead', () =>
    expect(leadRegistryChanges(stateOf([]), stateOf(historyUpTo(NMG, 'filed')))).toEqual([
      claimed(CONSORTIUM_IDS[NMG]),
    ]));

  it('reviews, notice and approval change nothing', () => {
    const filed = historyUpTo(NMG, 'filed');
    expect(leadRegistryChanges(stateOf(filed), stateOf(historyUpTo(NMG, 'active')))).toEqual([]);
  });

  it.each([
    ['rejected', (c: ReturnType<typeof commandsFor>) => c.reject('2025-09-20')],
    ['withdrawn', (c: ReturnType<typeof commandsFor>) => c.withdraw('2025-09-20')],
  ])('a filing %s under nmg releases the lead', (status, command) => {
    const filed = historyUpTo(NMG, 'filed');
    const after = eventsOf(NMG, [command(commandsFor(NMG))], filed);
    expect(leadRegistryChanges(stateOf(filed), stateOf(after))).toEqual([
      {
        type: 'LeadReleased',
        data: expect.objectContaining({ consortiumId: CONSORTIUM_IDS[NMG], creditCode: code, reason: status }),
      },
    ]);
  });

  it.each<ConsortiumPolicyId>(['liaoning-2021-alliance', 'tianjin-2018-alliance'])('%s keeps no registry', (policy) =>
    expect(leadRegistryChanges(stateOf([]), stateOf(historyUpTo(policy, 'filed')))).toEqual([]),
  );
});

describe('streams', () => {
  it('a consortium has its stream; the registry one per policy and lead', () => {
    expect(consortiumStreamId('c-1')).toBe('consortium-c-1');
    expect(leadRegistryStreamId(NMG, code)).toBe(`lead-registry-nmg-2024-consortium-${code}`);
    expect(leadRegistryStreamOf(claimed('a'))).toBe(leadRegistryStreamId(NMG, code));
    expect(leadRegistryStreamOf(released('a'))).toBe(leadRegistryStreamId(NMG, code));
  });
});
