/**
 * The rules of 辽宁省实质性产学研联盟 工作指引(暂行) and 关于支持实质性产学研联盟发展的若干政策 (liaoning-2021-alliance),
 * in the order of the texts. No clause of them says 原则上.
 */
import { RuleText, ruleText } from './rule-text';

export const LIAONING_2021_ALLIANCE_RULES: ReadonlyArray<RuleText> = [
  ruleText(
    'liaoning.mengzhu',
    '组建基本条件 一',
    'the 盟主 (mengzhu, the lead) is an independent legal-person enterprise registered and operating in Liaoning ' +
      '(division 21xxxx)',
  ),
  ruleText('liaoning.academic-member', '组建基本条件 一', 'at least one university or research institute is a member'),
  ruleText(
    'liaoning.agreement',
    '组建基本条件 二、三',
    'a legally binding agreement is signed, with explicit innovation goals',
  ),
  ruleText('liaoning.operating-funds', '若干政策 1', "the 盟主's operating funds, by tier: 100万–300万元"),
  ruleText(
    'liaoning.jiebang',
    '若干政策 2',
    "a 揭榜挂帅 project: provincial funds at most 30% of the project's total investment, and at most 1000万元",
  ),
  ruleText('liaoning.talent', '若干政策 3', '带土移植 talent or team introduction: 100万–1000万元 each'),
  ruleText(
    'liaoning.key-project',
    '若干政策 4',
    'the 重点科技攻关计划 supports the 盟主 in joint research on 卡脖子, frontier and common key technologies; the text ' +
      'states no amount',
  ),
  ruleText(
    'liaoning.transformation',
    '若干政策 5',
    '成果转化及中试基地: a post-subsidy to the alliance unit (盟主 or member) leading the transformation project or pilot ' +
      'base; the text states no amount',
  ),
  ruleText(
    'liaoning.rd-reward',
    '若干政策 6',
    "技术能力提升: a post-subsidy to the alliance's science-based SMEs in proportion to their R&D spending; the text " +
      'states no amount or proportion',
  ),
  ruleText('liaoning.alliance-no-cap', '若干政策 7', 'no annual cap per alliance (单个联盟年度最高支持不设上限)'),
  ruleText(
    'liaoning.mengzhu-annual-cap',
    '若干政策 7',
    'one 盟主 receives at most 2000万元 in a year, all categories together',
  ),
  ruleText(
    'liaoning.evaluation',
    '评估评价办法',
    'an evaluation covers 10 aspects: 建设方向, 利益机制, 创新目标, 创新能力, 人才团队引进, 资源集聚, 成果转化, 研发投入, ' +
      '平台支撑, 综合实力',
  ),
];
