import { say } from '../shared/sentence';
/** 辽宁省实质性产学研联盟: 工作指引(暂行) and 关于支持实质性产学研联盟发展的若干政策 (announced 2021-03-01). */
import { check, param, paramOn, RuleCheck } from '../shared/rule';
import { DEFAULT_NOTICE_INTERPRETATION, LIFECYCLE_CITATION, lifecycleRule } from './lifecycle-rules';
import { LEDGER_INTERPRETATIONS } from './ledger-interpretations';
import { ConsortiaTarget, ConsortiumApplication, ConsortiumPolicy, EvaluationAspect, LeadClaimTerm } from './policy';
import {
  countOf,
  describeUnit,
  ENTERPRISE_INTERPRETATION,
  isAcademic,
  notAnEnterpriseBecause,
  registeredIn,
} from './unit-rules';
import { Unit } from '../shared/unit';

const FROM = '2021-03-01';

const EVALUATION_ASPECTS: EvaluationAspect[] = [
  { key: 'construction-direction', name: '建设方向' },
  { key: 'interest-mechanism', name: '利益机制' },
  { key: 'innovation-goals', name: '创新目标' },
  { key: 'innovation-capability', name: '创新能力' },
  { key: 'talent-introduction', name: '人才团队引进' },
  { key: 'resource-agglomeration', name: '资源集聚' },
  { key: 'achievement-transformation', name: '成果转化' },
  { key: 'rd-investment', name: '研发投入' },
  { key: 'platform-support', name: '平台支撑' },
  { key: 'overall-strength', name: '综合实力' },
];

export const liaoningParams = {
  mengzhuStatus: param<LeadClaimTerm>(
    'liaoning.mengzhu-annual-cap',
    '若干政策 7',
    'a unit is a 盟主 while its alliance is active: the registry of 盟主 that every Liaoning grant reads',
    'while-active',
    FROM,
    { interpretation: LEDGER_INTERPRETATIONS.mengzhuStatus.text },
  ),
  alliancesTarget: param<ConsortiaTarget>(
    'liaoning.alliances-target',
    '十四五目标',
    'typical substantive alliances led by an enterprise 盟主 in the 14th Five-Year Plan (2021–2025): 1000 or more ' +
      '(构建由企业做“盟主”的典型实质性产学研联盟1000个以上)',
    { count: 1000, by: '2025-12-31', reading: 'at-least' },
    FROM,
    { interpretation: LEDGER_INTERPRETATIONS.programmeTargets.text },
  ),
  mengzhuDivision: param(
    'liaoning.mengzhu',
    '组建基本条件 一',
    'the mengzhu (盟主) is an independent legal-person enterprise registered and operating in Liaoning (division 21xxxx)',
    '21',
    FROM,
    {
      interpretation: `${ENTERPRISE_INTERPRETATION} Operating in Liaoning and independent legal personhood are asserted by the filing.`,
    },
  ),
  academicMembersMin: param(
    'liaoning.academic-member',
    '组建基本条件 一',
    'universities or research institutes among the members, at least',
    1,
    FROM,
  ),
  agreement: param(
    'liaoning.agreement',
    '组建基本条件 二、三',
    'a legally binding agreement with explicit innovation goals is signed',
    true,
    FROM,
    {
      interpretation:
        'agreementSigned: true asserts a legally binding agreement that states explicit innovation goals.',
    },
  ),
  reviewSteps: param(
    'lifecycle.review-steps',
    '工作指引: 对各地区的工作要求 (审核确认)',
    "the city's review and confirmation (审核确认)",
    [['preliminary']] as const,
    FROM,
    {
      interpretation:
        'The documents name no review steps; the guideline asks the cities to review and confirm alliances (审核确认): recorded as one preliminary review.',
    },
  ),
  notice: param(
    'lifecycle.public-notice',
    LIFECYCLE_CITATION,
    'public notice before approval',
    { unit: 'working-days' as const, days: 5 },
    FROM,
    {
      interpretation: DEFAULT_NOTICE_INTERPRETATION,
    },
  ),
  evaluationAspects: param(
    'liaoning.evaluation',
    '评估评价办法',
    'an evaluation covers these 10 aspects',
    EVALUATION_ASPECTS,
    FROM,
    {
      interpretation:
        'An evaluation under this policy carries a score for each of the 10 aspects, keyed by the English key or the Chinese name. ' +
        'Grades have no consequence in the ledger (the best become typical alliances outside it).',
    },
  ),
};

function mengzhu(lead: Unit, _members: Unit[], on: string): RuleCheck[] {
  const ref = { rule: 'liaoning.mengzhu', citation: '组建基本条件 一' };
  const division = paramOn(liaoningParams.mengzhuDivision, on);
  const notEnterprise = notAnEnterpriseBecause(lead);
  if (notEnterprise)
    return [check(ref, false, say`the mengzhu ${describeUnit(lead)} is not an enterprise: ${notEnterprise}`)];
  if (!registeredIn(division)(lead))
    return [check(ref, false, say`the mengzhu ${describeUnit(lead)} is not registered in Liaoning (${division}xxxx)`)];
  return [check(ref, true, say`the mengzhu ${describeUnit(lead)} is an enterprise registered in Liaoning`)];
}

function eligibility(application: ConsortiumApplication, on: string): RuleCheck[] {
  const academicMin = paramOn(liaoningParams.academicMembersMin, on);
  const academic = countOf([application.lead, ...application.members], isAcademic);
  return [
    ...mengzhu(application.lead, application.members, on),
    check(
      { rule: 'liaoning.academic-member', citation: '组建基本条件 一' },
      academic >= academicMin,
      say`${academic} universities or research institutes among the members; at least ${academicMin} required`,
    ),
    check(
      { rule: 'liaoning.agreement', citation: '组建基本条件 二、三' },
      application.agreementSigned,
      application.agreementSigned
        ? say`a legally binding agreement with explicit innovation goals is signed`
        : say`no signed, legally binding agreement with innovation goals`,
    ),
  ];
}

export const liaoning2021Alliance: ConsortiumPolicy = {
  id: 'liaoning-2021-alliance',
  title: '辽宁省实质性产学研联盟 (工作指引(暂行); 关于支持实质性产学研联盟发展的若干政策)',
  issuer: '辽宁省科学技术厅',
  issuedOn: FROM,
  inForce: {
    from: FROM,
    ...lifecycleRule('in-force', '工作指引 and 若干政策, announced 2021-03-01'),
    interpretation: 'In force from 2021-03-01, no end date (POLICIES.md).',
  },
  params: liaoningParams,
  leadRules: mengzhu,
  eligibility,
  // No clause of the Liaoning measures says 原则上: nothing can be waived.
  waivable: [],
  procedure: {
    filing: lifecycleRule('filing'),
    reviewSteps: liaoningParams.reviewSteps,
    notice: liaoningParams.notice,
    objections: lifecycleRule('objections'),
    approval: lifecycleRule('approval'),
    withdrawal: lifecycleRule('withdrawal'),
    members: lifecycleRule('members'),
    dissolution: lifecycleRule('dissolution'),
  },
  leadClaim: liaoningParams.mengzhuStatus,
  targets: { consortia: liaoningParams.alliancesTarget },
  onLeadChange: { effect: 'replace-if-lead-rules-pass', rule: 'liaoning.mengzhu', citation: '组建基本条件 一' },
  onRename: { effect: 'rename', ...lifecycleRule('rename') },
  evaluation: { rule: 'liaoning.evaluation', citation: '评估评价办法', aspects: liaoningParams.evaluationAspects },
  funding: {
    categories: [
      'liaoning.operating',
      'liaoning.jiebang',
      'liaoning.talent',
      'liaoning.key-project',
      'liaoning.transformation',
      'liaoning.rd-reward',
    ],
  },
};
