/** The rules of 泸州市创新联合体建设管理办法 (征求意见稿) (luzhou-2024-consortium), in the order of the text. */
import { RuleText, ruleText } from './rule-text';

export const LUZHOU_2024_CONSORTIUM_RULES: ReadonlyArray<RuleText> = [
  ruleText(
    'luzhou.lead',
    '第二条(一)',
    'the lead is an independent legal-person enterprise registered in Luzhou (division 5105xx); a new R&D ' +
      'institution may also lead',
  ),
  ruleText('luzhou.members-min', '第二条(三)', 'at least 5 member units besides the lead'),
  ruleText('luzhou.out-of-city', '第二条(三)', 'at least 1 member registered outside Luzhou'),
  ruleText('luzhou.agreement', '第二条(四)', 'the members signed a formation agreement'),
  ruleText('luzhou.annual-call', '第三条(一)', 'applications are taken once a year, on a call'),
  ruleText(
    'luzhou.review-chain',
    '第三条(三)(四)',
    'district/park preliminary review → municipal expert review → public notice of at least 5 working days → listing',
  ),
  ruleText(
    'luzhou.platform-cap',
    '第四条(三)',
    'a new pilot or transformation platform: post-subsidy at most 100万元 per platform',
  ),
  ruleText(
    'luzhou.transformation-cap',
    '第四条(四)',
    'a transformation project: post-subsidy at most 500万元 per project',
  ),
  ruleText('luzhou.evaluation-cycle', '第五条(二)', 'consortia are evaluated every 2 years'),
  ruleText(
    'luzhou.delist',
    '第五条(二)',
    'two consecutive unqualified evaluations: the filing is cancelled and the consortium delisted (取消备案并摘牌)',
  ),
  ruleText('luzhou.integrity', '第五条(三)', 'the application carries an integrity commitment (诚信承诺书)'),
];
