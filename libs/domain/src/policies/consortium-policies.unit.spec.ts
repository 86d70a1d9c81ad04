import { fileConsortium } from '../consortium/consortium.fixtures';
import { paramOn } from '../shared/rule';
import { CONSORTIUM_POLICY_IDS, ConsortiumPolicyId } from '../shared/policy-ids';
import { malformed } from '../testing/malformed';
import { consortiumPolicies, consortiumPolicy } from './consortium-policies';
import { interpretationsOf } from './policy';
import { isConsortiumPolicyId } from '../shared/policy-ids';
import { LIFECYCLE_RULES } from './lifecycle-rules';

/** The consortium rule ids of POLICIES.md, verbatim (funding rules belong to the subsidy module). */
const POLICIES_MD_RULE_IDS = [
  'nmg.lead-enterprise',
  'nmg.lead-rd',
  'nmg.one-per-lead',
  'nmg.members-min',
  'nmg.members-in-region',
  'nmg.members-enterprises',
  'nmg.agreement',
  'nmg.dissolve-on-lead-change',
  'nmg.dissolve-on-rename',
  'nmg.naming', // 四(五): added with catalogue 2026-12-01
  'nmg.consortia-target', // 二: the programme's targets, shown on the dashboard
  'nmg.chain-coverage',
  'luzhou.lead',
  'luzhou.members-min',
  'luzhou.out-of-city',
  'luzhou.agreement',
  'luzhou.integrity',
  'luzhou.annual-call',
  'luzhou.review-chain',
  'luzhou.evaluation-cycle',
  'luzhou.delist',
  'liaoning.mengzhu',
  'liaoning.academic-member',
  'liaoning.mengzhu-annual-cap', // the 盟主's status, which the funding rule reads, is kept by the consortium's lifecycle
  'liaoning.agreement',
  'liaoning.evaluation',
  'liaoning.alliances-target',
  'tianjin.lead',
  'tianjin.members-min',
  'tianjin.member-kinds', // 第十一条(三); 第九条(一): the kinds apart from the count, catalogue 2026-12-03
  'tianjin.core-local',
  'tianjin.agreement',
  'tianjin.governance',
  'tianjin.filing-steps',
  'tianjin.evaluation-cycle',
  'tianjin.annual-report',
  // The window the Luzhou and Tianjin cycles read, a dated Ledger interpretation shown with their parameters.
  'ledger.evaluation-window',
];
const isKnownRule = (rule: string) => POLICIES_MD_RULE_IDS.includes(rule) || rule.startsWith('lifecycle.');

describe('the consortium policy catalog', () => {
  it('holds the four consortium policies', () => {
    expect(Object.keys(consortiumPolicies).sort()).toEqual([...CONSORTIUM_POLICY_IDS].sort());
    for (const id of CONSORTIUM_POLICY_IDS) expect(consortiumPolicy(id).id).toBe(id);
  });

  it('refuses a policy that is not a consortium policy', () => {
    expect(isConsortiumPolicyId('nmg-2022-zone')).toBe(false);
    expect(() => consortiumPolicy(malformed<ConsortiumPolicyId>('nmg-2022-zone'))).toThrow(RangeError);
  });

  it.each(CONSORTIUM_POLICY_IDS)('%s names only rule ids of POLICIES.md (or the shared lifecycle)', (id) => {
    const policy = consortiumPolicy(id);
    const refs = [
      ...Object.values(policy.params),
      policy.inForce,
      ...Object.values(policy.procedure),
      policy.evaluation,
      ...(policy.annualReport ? [policy.annualReport] : []),
      policy.onLeadChange,
      policy.onRename,
    ];
    for (const ref of refs) {
      expect(isKnownRule(ref.rule)).toBe(true);
      expect(ref.citation).toEqual(expect.any(String));
      if (ref.rule.startsWith('lifecycle.'))
        expect(Object.keys(LIFECYCLE_RULES)).toContain(ref.rule.slice('lifecycle.'.length));
    }
    const { lead, members } = fileConsortium(id).data;
    const everyBody = { council: true, expertCommittee: true, secretariat: true, managementBody: true };
    const { name } = fileConsortium(id).data;
    const application = {
      name,
      lead,
      members,
      agreementSigned: true,
      integrityCommitment: true,
      governance: everyBody,
    };
    const verdicts = policy.eligibility(application, policy.inForce.from);
    for (const verdict of verdicts) expect(isKnownRule(verdict.rule)).toBe(true);
  });

  it.each(CONSORTIUM_POLICY_IDS)(
    '%s: a lead replaced without dissolving names the lead rule the new lead must pass',
    (id) => {
      const policy = consortiumPolicy(id);
      if (policy.onLeadChange.effect === 'dissolve')
        return expect(policy.onLeadChange.rule).toBe('nmg.dissolve-on-lead-change');
      const { lead, members } = fileConsortium(id).data;
      const leadRules = policy
        .leadRules(lead, members, policy.inForce.from)
        .map(({ rule, citation }) => ({ rule, citation }));
      expect(leadRules).toContainEqual({ rule: policy.onLeadChange.rule, citation: policy.onLeadChange.citation });
    },
  );

  it('describes every lifecycle rule it names in one sentence', () => {
    for (const text of Object.values(LIFECYCLE_RULES)) expect(text).toMatch(/^[a-z].{20,}[^.]$/s);
  });

  it.each(CONSORTIUM_POLICY_IDS)('%s: every parameter has a value from the day the policy is in force', (id) => {
    const policy = consortiumPolicy(id);
    for (const p of Object.values(policy.params)) expect(() => paramOn(p, policy.inForce.from)).not.toThrow();
  });

  it('says its Ledger interpretations', () => {
    const texts = (id: (typeof CONSORTIUM_POLICY_IDS)[number]) =>
      interpretationsOf(consortiumPolicy(id)).map((i) => `${i.rule}: ${i.interpretation}`);
    expect(texts('nmg-2024-consortium')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^lifecycle\.public-notice: .*5 working days/),
        expect.stringMatching(/^nmg\.one-per-lead: .*not dissolved, delisted, rejected or withdrawn/),
      ]),
    );
    expect(texts('luzhou-2024-consortium')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^lifecycle\.in-force: .*no end date/),
        expect.stringMatching(/^luzhou\.annual-call: .*once per calendar year/),
        expect.stringMatching(/^luzhou\.review-chain: .*startsOn counts as day 1/),
      ]),
    );
    expect(texts('tianjin-2018-alliance')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^tianjin\.members-min: .*responsible unit included/)]),
    );
  });

  it('lists the funding categories of API.md for the subsidy module', () =>
    expect(
      Object.fromEntries(CONSORTIUM_POLICY_IDS.map((id) => [id, consortiumPolicy(id).funding.categories])),
    ).toEqual({
      'nmg-2024-consortium': ['nmg.project'],
      'luzhou-2024-consortium': ['luzhou.platform', 'luzhou.transformation'],
      'liaoning-2021-alliance': [
        'liaoning.operating',
        'liaoning.jiebang',
        'liaoning.talent',
        // 若干政策 4–6, added with catalogue 2026-12-01
        'liaoning.key-project',
        'liaoning.transformation',
        'liaoning.rd-reward',
      ],
      'tianjin-2018-alliance': ['tianjin.filing', 'tianjin.national-pilot', 'tianjin.evaluation-award'],
    }));
});
