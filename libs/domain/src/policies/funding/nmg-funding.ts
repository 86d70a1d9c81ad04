import { say } from '../../shared/sentence';
/**
 * 内蒙古自治区重点产业链创新联合体建设实施方案 (2024-12-19). 五、支持措施 funds consortium projects (重点产业链专项,
 * 五(三)) but states no amount: the ledger records every project grant against its project and says there is no cap.
 */
import { Fen } from '../../shared/money';
import { param, RuleRef } from '../../shared/rule';
import { usedFen } from './funding-boundary';
import { capOf } from './cap-helpers';
import { FundingCategory, FundingPolicy } from './funding-policy';
import { LEDGER_FUNDING_RULES } from './ledger-funding-rules';

const POLICY = 'nmg-2024-consortium';
const FROM = '2024-12-19';

const PROJECT: RuleRef = { rule: 'ledger.nmg-project', citation: '五(三)' };
const TERMINATE_AND_RECOVER: RuleRef = { rule: 'nmg.terminate-and-recover', citation: '六(二)' };
/** 六(三): a consortium that dissolves settles its projects with the project's managing authority. */
const PROJECT_CHANGE: RuleRef = { rule: 'nmg.project-change', citation: '六(三)' };

export const nmgFundingParams = {
  /** null: the plan names no amount for project funds. */
  projectCapFen: param<Fen | null>(
    PROJECT.rule,
    PROJECT.citation,
    'project funds under the key-industrial-chain programme: the plan states no amount',
    null,
    FROM,
    { interpretation: 'No numeric cap: the ledger records the project total and names no limit' },
  ),
};

const project: FundingCategory = {
  id: 'nmg.project',
  policy: POLICY,
  grantRule: PROJECT,
  description: '重点产业链专项 project funds (五(三)); no amount in the plan',
  requires: ['projectId'],
  scopes: ['project'],
  params: { projectCapFen: nmgFundingParams.projectCapFen },
  rules: () => [],
  caps: (facts) => [
    capOf(
      nmgFundingParams.projectCapFen,
      facts.terms.grantedOn,
      facts.project!.streamId,
      usedFen(facts.project!.state),
      say`project ${facts.terms.projectId}: the plan sets no numeric cap`,
    ),
  ],
};

export const nmgFunding: FundingPolicy = {
  policy: POLICY,
  inForce: {
    rule: LEDGER_FUNDING_RULES.policyInForce,
    citation: '印发通知 2024-12-19 (111500000115122718/2024-07799)',
    from: FROM,
  },
  categories: [project],
  params: nmgFundingParams,
  policyCaps: () => [],
  projectChange: PROJECT_CHANGE,
  termination: TERMINATE_AND_RECOVER,
};
