import { say } from '../../shared/sentence';
/** 泸州市创新联合体建设管理办法 (征求意见稿, 2024-05-15), 第四条: post-subsidies for platforms and projects. */
import { Fen, wan } from '../../shared/money';
import { param, RuleRef } from '../../shared/rule';
import { usedFen } from './funding-boundary';
import { capOf } from './cap-helpers';
import { FundingCategory, FundingPolicy } from './funding-policy';
import { CAP_USAGE_INTERPRETATION, LEDGER_FUNDING_RULES } from './ledger-funding-rules';

const POLICY = 'luzhou-2024-consortium';
const FROM = '2024-05-15';

const PLATFORM_CAP: RuleRef = { rule: 'luzhou.platform-cap', citation: '第四条(三)' };
const TRANSFORMATION_CAP: RuleRef = { rule: 'luzhou.transformation-cap', citation: '第四条(四)' };

export const luzhouFundingParams = {
  platformCapFen: param<Fen | null>(
    PLATFORM_CAP.rule,
    PLATFORM_CAP.citation,
    'post-subsidy per new pilot or transformation platform, at most',
    wan(100),
    FROM,
    { interpretation: `Cumulative over all grants to the same platform; ${CAP_USAGE_INTERPRETATION}` },
  ),
  transformationCapFen: param<Fen | null>(
    TRANSFORMATION_CAP.rule,
    TRANSFORMATION_CAP.citation,
    'post-subsidy per transformation project, at most',
    wan(500),
    FROM,
    { interpretation: `Cumulative over all grants to the same project; ${CAP_USAGE_INTERPRETATION}` },
  ),
};
const p = luzhouFundingParams;

const platform: FundingCategory = {
  id: 'luzhou.platform',
  policy: POLICY,
  grantRule: PLATFORM_CAP,
  description: '新建中试熟化/成果转化平台: post-subsidy ≤ 100万 per platform',
  requires: ['platformId'],
  scopes: ['platform'],
  params: { platformCapFen: p.platformCapFen },
  rules: () => [],
  caps: (facts) => [
    capOf(
      p.platformCapFen,
      facts.terms.grantedOn,
      facts.platform!.streamId,
      usedFen(facts.platform!.state),
      say`platform ${facts.terms.platformId}, all its grants together`,
    ),
  ],
};

const transformation: FundingCategory = {
  id: 'luzhou.transformation',
  policy: POLICY,
  grantRule: TRANSFORMATION_CAP,
  description: '成果转化项目: post-subsidy ≤ 500万 per project',
  requires: ['projectId'],
  scopes: ['project'],
  params: { transformationCapFen: p.transformationCapFen },
  rules: () => [],
  caps: (facts) => [
    capOf(
      p.transformationCapFen,
      facts.terms.grantedOn,
      facts.project!.streamId,
      usedFen(facts.project!.state),
      say`project ${facts.terms.projectId}, all its grants together`,
    ),
  ],
};

export const luzhouFunding: FundingPolicy = {
  policy: POLICY,
  inForce: {
    rule: LEDGER_FUNDING_RULES.policyInForce,
    citation: '第六条(一)',
    from: FROM,
    interpretation: 'In force from 2024-05-15, no end date (POLICIES.md, Ledger interpretation)',
  },
  categories: [platform, transformation],
  params: luzhouFundingParams,
  policyCaps: () => [],
  projectChange: LEDGER_FUNDING_RULES.projectChange,
  termination: LEDGER_FUNDING_RULES.terminateAndRecover,
};
