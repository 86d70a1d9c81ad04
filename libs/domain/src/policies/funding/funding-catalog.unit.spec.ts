import { CONSORTIUM_POLICY_IDS } from '../../shared/policy-ids';
import { consortiumPolicy } from '../consortium-policies';
import { FUNDING_POLICIES, fundingCategory, fundingPolicy } from './funding-catalog';
import { FUNDING_CATEGORY_IDS } from './grant-terms';

const POLICIES_MD_RULE_IDS = [
  'liaoning.operating-funds',
  'liaoning.jiebang',
  'liaoning.talent',
  // 若干政策 4–6 (catalogue 2026-12-01): the texts' programmes, named as their categories
  'liaoning.key-project',
  'liaoning.transformation',
  'liaoning.rd-reward',
  'liaoning.alliance-no-cap',
  'liaoning.mengzhu-annual-cap',
  'luzhou.platform-cap',
  'luzhou.transformation-cap',
  'tianjin.filing-subsidy',
  'tianjin.national-pilot',
  'tianjin.evaluation-award',
];

describe('the funding catalog', () => {
  it('has every category of API.md, each under one policy', () => {
    for (const id of FUNDING_CATEGORY_IDS) expect(fundingCategory(id)?.id).toBe(id);
    expect(fundingCategory('liaoning.jiebang')).toMatchObject({
      policy: 'liaoning-2021-alliance',
      requires: ['projectId', 'projectTotalInvestmentFen'],
    });
    expect(fundingCategory('nope')).toBeUndefined();
  });

  it('lists the same categories per policy as the consortium policies do', () => {
    for (const policy of CONSORTIUM_POLICY_IDS) {
      expect(fundingPolicy(policy).categories.map((c) => c.id)).toEqual([
        ...consortiumPolicy(policy).funding.categories,
      ]);
    }
  });

  it('is in force exactly when the consortium policy is (same rule, dates and citation)', () => {
    for (const policy of CONSORTIUM_POLICY_IDS) {
      const { rule, citation, from, to } = consortiumPolicy(policy).inForce;
      expect(fundingPolicy(policy).inForce).toMatchObject({ rule, citation, from, ...(to ? { to } : {}) });
    }
  });

  it('every parameter names a rule of POLICIES.md (or a ledger rule), its clause, and dates inside the policy’s period', () => {
    for (const policy of FUNDING_POLICIES) {
      const categoryParams = policy.categories.flatMap((c) => Object.values(c.params));
      for (const param of [...Object.values(policy.params), ...categoryParams]) {
        expect(POLICIES_MD_RULE_IDS.includes(param.rule) || param.rule.startsWith('ledger.')).toBe(true);
        expect(param.citation).not.toBe('');
        expect(param.versions[0].from).toBe(policy.inForce.from);
        expect(param.versions[0].to).toBe(policy.inForce.to);
      }
      for (const param of categoryParams) expect(Object.values(policy.params)).toContain(param);
    }
  });
});
