import { say } from '../../shared/sentence';
/** 辽宁省 关于支持实质性产学研联盟发展的若干政策 (2021-03-01): what a 盟主 and its alliance may receive. */
import { Fen, percentOf, wan } from '../../shared/money';
import { check, param, paramOn, PolicyParam, RuleRef } from '../../shared/rule';
import { describeUnit, isEnterprise } from '../unit-rules';
import { usedFen } from './funding-boundary';
import { LEDGER_INTERPRETATIONS } from '../ledger-interpretations';
import { amountText } from './amount-text';
import { capOf, perGrantMaximum, perGrantMinimum } from './cap-helpers';
import { CapFacts, FundingCategory, FundingPolicy } from './funding-policy';
import { CAP_USAGE_INTERPRETATION, LEDGER_FUNDING_RULES } from './ledger-funding-rules';

const POLICY = 'liaoning-2021-alliance';
const FROM = '2021-03-01';

const OPERATING: RuleRef = { rule: 'liaoning.operating-funds', citation: '若干政策 1' };
const JIEBANG: RuleRef = { rule: 'liaoning.jiebang', citation: '若干政策 2' };
const TALENT: RuleRef = { rule: 'liaoning.talent', citation: '若干政策 3' };
const KEY_PROJECT: RuleRef = { rule: 'liaoning.key-project', citation: '若干政策 4' };
const TRANSFORMATION: RuleRef = { rule: 'liaoning.transformation', citation: '若干政策 5' };
const RD_REWARD: RuleRef = { rule: 'liaoning.rd-reward', citation: '若干政策 6' };
const ALLIANCE_NO_CAP: RuleRef = { rule: 'liaoning.alliance-no-cap', citation: '若干政策 7' };
const MENGZHU_ANNUAL_CAP: RuleRef = { rule: 'liaoning.mengzhu-annual-cap', citation: '若干政策 7' };

const OPERATING_TIERS =
  'Operating-fund tiers: the amount must lie in [100万, 300万] (POLICIES.md, Ledger interpretation)';
const JIEBANG_CUMULATIVE =
  'The 30% and 1000万 limits of a 揭榜挂帅 project are cumulative over all grants to the same project; ' +
  CAP_USAGE_INTERPRETATION;
/**
 * The reading of "one mengzhu receives at most 2000万元 in a year, all categories together": the cap is on the unit
 * that is a 盟主, in every role and order (liaoning.mengzhu-status). Stated in these words in docs/INTERPRETATIONS.md
 * and docs/ARCHITECTURE.md too.
 */
export const MENGZHU_ANNUAL_CAP_READING = LEDGER_INTERPRETATIONS.mengzhuStatus.text;
const MENGZHU_YEAR = `${MENGZHU_ANNUAL_CAP_READING} ${CAP_USAGE_INTERPRETATION}`;

export const liaoningFundingParams = {
  operatingMinFen: param(OPERATING.rule, OPERATING.citation, 'operating funds for the 盟主, at least', wan(100), FROM, {
    interpretation: OPERATING_TIERS,
  }),
  operatingMaxFen: param(OPERATING.rule, OPERATING.citation, 'operating funds for the 盟主, at most', wan(300), FROM, {
    interpretation: OPERATING_TIERS,
  }),
  jiebangSharePercent: param(
    JIEBANG.rule,
    JIEBANG.citation,
    "provincial funds, at most this percentage of the project's total investment",
    30,
    FROM,
    { interpretation: JIEBANG_CUMULATIVE },
  ),
  jiebangMaxFen: param(JIEBANG.rule, JIEBANG.citation, 'provincial funds per project, at most', wan(1000), FROM, {
    interpretation: JIEBANG_CUMULATIVE,
  }),
  talentMinFen: param(TALENT.rule, TALENT.citation, '带土移植 support, at least', wan(100), FROM),
  talentMaxFen: param(TALENT.rule, TALENT.citation, '带土移植 support, at most', wan(1000), FROM),
  /** null: 单个联盟年度最高支持不设上限. */
  allianceAnnualCapFen: param<Fen | null>(
    ALLIANCE_NO_CAP.rule,
    ALLIANCE_NO_CAP.citation,
    'annual support per alliance: no cap',
    null,
    FROM,
  ),
  /** null: 若干政策 4–6 give no amount. */
  keyProjectCapFen: param<Fen | null>(
    KEY_PROJECT.rule,
    KEY_PROJECT.citation,
    '重点科技攻关计划 project support to the 盟主: the text states no amount',
    null,
    FROM,
    { interpretation: LEDGER_INTERPRETATIONS.liaoningSupportWithoutAmounts.text },
  ),
  transformationCapFen: param<Fen | null>(
    TRANSFORMATION.rule,
    TRANSFORMATION.citation,
    '成果转化及中试基地 post-subsidy: the text states no amount (特别重大项目 一事一议)',
    null,
    FROM,
    { interpretation: LEDGER_INTERPRETATIONS.liaoningSupportWithoutAmounts.text },
  ),
  rdRewardCapFen: param<Fen | null>(
    RD_REWARD.rule,
    RD_REWARD.citation,
    '技术能力提升后补助 in proportion to R&D spending: the text states no amount or proportion',
    null,
    FROM,
    { interpretation: LEDGER_INTERPRETATIONS.liaoningSupportWithoutAmounts.text },
  ),
  mengzhuAnnualCapFen: param(
    MENGZHU_ANNUAL_CAP.rule,
    MENGZHU_ANNUAL_CAP.citation,
    'support to one 盟主 in a fiscal year, all categories and roles together, at most',
    wan(2000),
    FROM,
    { interpretation: MENGZHU_YEAR },
  ),
};
const p = liaoningFundingParams;

const operating: FundingCategory = {
  id: 'liaoning.operating',
  policy: POLICY,
  grantRule: OPERATING,
  description: '盟主运行经费: operating funds for the 盟主, by tier',
  requires: [],
  scopes: [],
  params: { operatingMinFen: p.operatingMinFen, operatingMaxFen: p.operatingMaxFen },
  rules: (facts) => [
    check(
      OPERATING,
      facts.recipientRole === 'lead',
      facts.recipientRole === 'lead'
        ? say`the recipient is the 盟主`
        : say`operating funds are given to the 盟主 (lead) only, not to a member`,
    ),
    perGrantMinimum(p.operatingMinFen, facts),
  ],
  caps: (facts) => [perGrantMaximum(p.operatingMaxFen, facts)],
};

function jiebangProjectCap(facts: CapFacts) {
  const project = facts.project!;
  const on = facts.terms.grantedOn;
  const totalFen = project.state.project?.totalInvestmentFen ?? facts.terms.projectTotalInvestmentFen!;
  const sharePercent = paramOn(p.jiebangSharePercent, on);
  const shareFen = percentOf(totalFen, sharePercent);
  const maxFen = paramOn(p.jiebangMaxFen, on);
  const limitFen = Math.min(shareFen, maxFen);
  const detail = say`${sharePercent}% of the project's total investment ${amountText(totalFen)} is ${amountText(shareFen)}, and at most ${amountText(maxFen)} per project: limit ${amountText(limitFen)}`;
  return capOf(p.jiebangMaxFen, on, project.streamId, usedFen(project.state), detail, limitFen);
}

const jiebang: FundingCategory = {
  id: 'liaoning.jiebang',
  policy: POLICY,
  grantRule: JIEBANG,
  description: '揭榜挂帅 project: provincial funds ≤ 30% of the total investment and ≤ 1000万, per project',
  requires: ['projectId', 'projectTotalInvestmentFen'],
  scopes: ['project'],
  params: { jiebangSharePercent: p.jiebangSharePercent, jiebangMaxFen: p.jiebangMaxFen },
  rules: () => [],
  caps: (facts) => [jiebangProjectCap(facts)],
};

const talent: FundingCategory = {
  id: 'liaoning.talent',
  policy: POLICY,
  grantRule: TALENT,
  description: '带土移植 talent or team introduction: 100万–1000万 each',
  requires: [],
  scopes: [],
  params: { talentMinFen: p.talentMinFen, talentMaxFen: p.talentMaxFen },
  rules: (facts) => [perGrantMinimum(p.talentMinFen, facts)],
  caps: (facts) => [perGrantMaximum(p.talentMaxFen, facts)],
};

/** A project's grants under a category without an amount: counted on the project, no numeric cap (recorded so). */
const uncappedProject = (cap: PolicyParam<Fen | null>) => (facts: CapFacts) => [
  capOf(
    cap,
    facts.terms.grantedOn,
    facts.project!.streamId,
    usedFen(facts.project!.state),
    say`project ${facts.terms.projectId}: the text sets no amount; every grant counts toward the 盟主's year`,
  ),
];

const keyProject: FundingCategory = {
  id: 'liaoning.key-project',
  policy: POLICY,
  grantRule: KEY_PROJECT,
  description: '重点科技攻关计划: joint research on 卡脖子, frontier and common key technologies, led by the 盟主',
  requires: ['projectId'],
  scopes: ['project'],
  params: { keyProjectCapFen: p.keyProjectCapFen },
  rules: (facts) => [
    check(
      KEY_PROJECT,
      facts.recipientRole === 'lead',
      facts.recipientRole === 'lead'
        ? say`the recipient is the 盟主 (支持“盟主”企业)`
        : say`the key project programme supports the 盟主, not a member`,
    ),
  ],
  caps: uncappedProject(p.keyProjectCapFen),
};

const transformation: FundingCategory = {
  id: 'liaoning.transformation',
  policy: POLICY,
  grantRule: TRANSFORMATION,
  description:
    '成果转化及中试基地 post-subsidy: to the alliance unit (盟主 or member) leading the project or pilot base',
  requires: ['projectId'],
  scopes: ['project'],
  params: { transformationCapFen: p.transformationCapFen },
  rules: (facts) => [
    check(
      TRANSFORMATION,
      true,
      say`the recipient, the alliance's ${facts.recipientRole === 'lead' ? '盟主' : say`member`}, leads project ${facts.terms.projectId} (联盟成员单位牵头; asserted by the grant)`,
    ),
  ],
  caps: uncappedProject(p.transformationCapFen),
};

const rdReward: FundingCategory = {
  id: 'liaoning.rd-reward',
  policy: POLICY,
  grantRule: RD_REWARD,
  description:
    '科技型中小企业技术能力提升 post-subsidy, in proportion to R&D spending: to an enterprise member or the 盟主',
  requires: [],
  accepts: ['rdSpendingFen'],
  scopes: [],
  params: { rdRewardCapFen: p.rdRewardCapFen },
  rules: (facts) => {
    const enterprise = isEnterprise(facts.recipientUnit);
    const spending = facts.terms.rdSpendingFen;
    return [
      check(
        RD_REWARD,
        enterprise,
        enterprise
          ? say`the recipient ${describeUnit(facts.recipientUnit)} is an enterprise of the alliance${spending !== undefined ? say`; R&D spending ${amountText(spending)}` : ''}`
          : say`the R&D post-subsidy goes to enterprises; ${describeUnit(facts.recipientUnit)} is a ${facts.recipientUnit.kind}`,
      ),
    ];
  },
  caps: (facts) => [
    capOf(
      p.rdRewardCapFen,
      facts.terms.grantedOn,
      'grant',
      null,
      say`the text sets no amount or proportion; every grant counts toward the 盟主's year`,
    ),
  ],
};

function policyCaps(facts: CapFacts) {
  const on = facts.terms.grantedOn;
  const allianceNoCap = capOf(
    p.allianceAnnualCapFen,
    on,
    'alliance',
    null,
    say`no annual cap per alliance (单个联盟年度最高支持不设上限): consortium ${facts.terms.consortiumId} is not capped`,
  );
  // liaoning.mengzhu-status: the cap binds a unit that is a 盟主 now, whatever it receives this grant as.
  if (facts.recipientLeads.length === 0) return [allianceNoCap];
  // The recipient's year holds what the unit received under every policy and in every role: count this policy's.
  const { recipientYear } = facts;
  const mengzhuCap = capOf(
    p.mengzhuAnnualCapFen,
    on,
    recipientYear.streamId,
    usedFen(recipientYear.state, (c) => c.policy === POLICY),
    say`the 盟主 ${facts.terms.recipient} (of ${facts.recipientLeads.join(', ')}) in fiscal year ${facts.terms.fiscalYear}, all categories and roles together`,
  );
  return [allianceNoCap, mengzhuCap];
}

export const liaoningFunding: FundingPolicy = {
  policy: POLICY,
  inForce: {
    rule: LEDGER_FUNDING_RULES.policyInForce,
    citation: '工作指引 and 若干政策, announced 2021-03-01',
    from: FROM,
    interpretation: 'In force from 2021-03-01, no end date (POLICIES.md, Ledger interpretation)',
  },
  categories: [operating, jiebang, talent, keyProject, transformation, rdReward],
  params: liaoningFundingParams,
  policyCaps,
  projectChange: LEDGER_FUNDING_RULES.projectChange,
  termination: LEDGER_FUNDING_RULES.terminateAndRecover,
};
