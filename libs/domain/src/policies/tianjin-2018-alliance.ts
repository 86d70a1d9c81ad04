import { listOf, say, Sentence } from '../shared/sentence';
import { EVALUATION_WINDOW_MONTHS, LEDGER_INTERPRETATIONS } from './ledger-interpretations';
/** 天津市推动产业技术创新战略联盟构建与发展的实施办法(试行) (天津市科学技术局, 2018-12-25; in force until 2020-12-31). */
import { check, param, paramOn, RuleCheck } from '../shared/rule';
import { DEFAULT_NOTICE_INTERPRETATION, lifecycleRule } from './lifecycle-rules';
import { ConsortiumApplication, ConsortiumPolicy } from './policy';
import {
  countOf,
  describeUnit,
  GOVERNANCE_NAMES,
  GovernanceBody,
  isEnterprise,
  isMoreThanPercent,
  percentText,
  registeredIn,
} from './unit-rules';
import { Unit, UnitKind } from '../shared/unit';

const FROM = '2018-12-25';
const TO = '2020-12-31';
const FILING = { rule: 'tianjin.filing-steps', citation: '第十二条(四)' };
/** The kinds of member the alliance is made of: 第十一条(三), as 第九条(一) says it of every alliance. */
const MEMBER_KINDS = { rule: 'tianjin.member-kinds', citation: '第十一条(三); 第九条(一)' };

export const tianjinParams = {
  leadDivision: param(
    'tianjin.lead',
    '第十一条(二)',
    'the responsible unit (对外责任主体单位) is an independent legal person registered in Tianjin (division 12xxxx)',
    '12',
    FROM,
    {
      interpretation:
        'Any kind of unit may be responsible (各类机构); independent legal personhood is asserted by the filing.',
    },
  ),
  membersMin: param(
    'tianjin.members-min',
    '第十一条(三)',
    'member units, the responsible unit included, at least',
    10,
    FROM,
    {
      interpretation:
        '成员单位原则上不少于10家 is counted with the responsible unit included. 原则上 qualifies the count only: ' +
        `a waiver sets the count aside, never the kinds (${LEDGER_INTERPRETATIONS.tianjinMemberKindsApart.id}).`,
    },
  ),
  requiredKinds: param(
    MEMBER_KINDS.rule,
    MEMBER_KINDS.citation,
    'kinds each present at least once among the member units',
    ['enterprise', 'university', 'research-institute'] as UnitKind[],
    FROM,
    {
      interpretation:
        '要由企业、高校和科研机构等多个独立法人组成 (第十一条(三), as 第九条(一)) is read as at least one enterprise, one ' +
        'university and one research institute; 等 admits other units besides (中介机构, 第九条(一)). The responsible ' +
        `unit counts for its own kind. No 原则上: not waivable (${LEDGER_INTERPRETATIONS.tianjinMemberKindsApart.id}).`,
    },
  ),
  coreLocalDivision: param(
    'tianjin.core-local',
    '第十一条(三)',
    'core members are enterprises registered in Tianjin (division 12xxxx)',
    '12',
    FROM,
    {
      interpretation:
        'Core members are read as the enterprise members, the responsible unit included when it is an enterprise.',
    },
  ),
  coreLocalAbovePercent: param(
    'tianjin.core-local',
    '第十一条(三)',
    'enterprise members registered in Tianjin, more than (percent of enterprise members)',
    50,
    FROM,
    {
      interpretation: '以注册在天津的创新型企业为主 is read as more than half of the enterprise members.',
    },
  ),
  agreement: param(
    'tianjin.agreement',
    '第九条(二)',
    "a legally binding agreement signed by all members' legal representatives",
    true,
    FROM,
    {
      interpretation: "agreementSigned: true asserts that every member's legal representative signed.",
    },
  ),
  governanceBodies: param(
    'tianjin.governance',
    '第九条(三)',
    'these bodies exist',
    ['council', 'expertCommittee', 'secretariat'] as GovernanceBody[],
    FROM,
  ),
  reviewSteps: param(
    'tianjin.filing-steps',
    '第十二条',
    'formal and technical review, then expert review',
    [['formal', 'technical'], ['expert']] as const,
    FROM,
    {
      interpretation:
        'The application (第十二条(一)) is the filing itself; formal and technical review (第十二条(二)) are one step, in either order.',
    },
  ),
  notice: param(
    'tianjin.filing-steps',
    '第十二条(四)',
    'public notice before filing (备案)',
    { unit: 'working-days' as const, days: 5 },
    FROM,
    {
      interpretation: DEFAULT_NOTICE_INTERPRETATION,
    },
  ),
  evaluationCycleYears: param(
    'tianjin.evaluation-cycle',
    '第十八条',
    'evaluated every this many years from filing (备案)',
    3,
    FROM,
    {
      interpretation:
        "备案 is the ledger's approval: evaluations fall due on its anniversaries, every 3 years. " +
        `${LEDGER_INTERPRETATIONS.evaluationWindow.text} ${LEDGER_INTERPRETATIONS.tianjinEndWins.text}`,
    },
  ),
  /**
   * ledger.evaluation-window, shown with the policy's parameters: the months before a due date from which an
   * evaluation is accepted. Kept when zones gave it up (zone.evaluation-from-anniversary): the text sets no age (满N年).
   */
  evaluationWindowMonths: EVALUATION_WINDOW_MONTHS,
  annualReportDue: param(
    'tianjin.annual-report',
    '第十七条',
    "the year's summary and next year's plan are due by this month-day of the year",
    '12-31',
    FROM,
    {
      interpretation:
        '在规定时间内 names no date: the report for year Y is due by 31 December of Y. A late report is recorded with the check failed.',
    },
  ),
};

function responsibleUnit(lead: Unit, _members: Unit[], on: string): RuleCheck[] {
  const division = paramOn(tianjinParams.leadDivision, on);
  const ok = registeredIn(division)(lead);
  return [
    check(
      { rule: 'tianjin.lead', citation: '第十一条(二)' },
      ok,
      say`the responsible unit ${describeUnit(lead)} is ${ok ? '' : say`not `}registered in Tianjin`,
    ),
  ];
}

const KIND_NAMES: Record<UnitKind, Sentence> = {
  enterprise: say`enterprise`,
  university: say`university`,
  'research-institute': say`research institute`,
  other: say`other`,
};

function eligibility(application: ConsortiumApplication, on: string): RuleCheck[] {
  const units = [application.lead, ...application.members];
  const membersMin = paramOn(tianjinParams.membersMin, on);
  const missingKinds = paramOn(tianjinParams.requiredKinds, on).filter(
    (kind) => !units.some((unit) => unit.kind === kind),
  );
  const enterprises = units.filter(isEnterprise);
  const localEnterprises = countOf(enterprises, registeredIn(paramOn(tianjinParams.coreLocalDivision, on)));
  const coreLocalPercent = paramOn(tianjinParams.coreLocalAbovePercent, on);
  const missingBodies = paramOn(tianjinParams.governanceBodies, on).filter((body) => !application.governance[body]);
  return [
    ...responsibleUnit(application.lead, application.members, on),
    // 原则上 qualifies the count only; the kinds are a rule of their own (ledger.waivers cannot set them aside).
    check(
      { rule: 'tianjin.members-min', citation: '第十一条(三)' },
      units.length >= membersMin,
      units.length >= membersMin
        ? say`${units.length} member units, the responsible unit included; at least ${membersMin} required`
        : say`${units.length} member units, the responsible unit included: ${say`at least ${membersMin} required`}`,
    ),
    check(
      MEMBER_KINDS,
      missingKinds.length === 0,
      missingKinds.length
        ? say`${units.length} member units, the responsible unit included: ${listOf(missingKinds.map((kind) => say`no ${KIND_NAMES[kind]}`))}`
        : say`${units.length} member units, the responsible unit included, with enterprises, universities and research institutes`,
    ),
    check(
      { rule: 'tianjin.core-local', citation: '第十一条(三)' },
      isMoreThanPercent(localEnterprises, enterprises.length, coreLocalPercent),
      say`${localEnterprises} of ${enterprises.length} enterprise members registered in Tianjin (${percentText(localEnterprises, enterprises.length)}); more than ${coreLocalPercent}% required`,
    ),
    check(
      { rule: 'tianjin.agreement', citation: '第九条(二)' },
      application.agreementSigned,
      application.agreementSigned
        ? say`the agreement is signed by all members' legal representatives`
        : say`no agreement signed by all members`,
    ),
    check(
      { rule: 'tianjin.governance', citation: '第九条(三)' },
      missingBodies.length === 0,
      missingBodies.length === 0
        ? say`a council, an expert committee and a secretariat exist`
        : listOf(missingBodies.map((body) => say`no ${GOVERNANCE_NAMES[body]}`)),
    ),
  ];
}

export const tianjin2018Alliance: ConsortiumPolicy = {
  id: 'tianjin-2018-alliance',
  title: '天津市推动产业技术创新战略联盟构建与发展的实施办法(试行)',
  issuer: '天津市科学技术局',
  issuedOn: FROM,
  inForce: { from: FROM, to: TO, ...lifecycleRule('in-force', '第二十一条') },
  params: tianjinParams,
  leadRules: responsibleUnit,
  eligibility,
  waivable: [
    {
      rule: 'tianjin.members-min',
      citation: '第十一条(三)',
      text: '联盟成员单位原则上不少于10家',
      decidedAt: 'approval',
    },
    {
      rule: 'tianjin.core-local',
      citation: '第十一条(三)',
      text: '原则上…核心成员单位应以注册在天津的创新型企业为主',
      decidedAt: 'approval',
    },
  ],
  procedure: {
    // 第十二条(一): the responsible unit applies (单位申请); formal, technical and expert review and the notice follow.
    filing: { rule: 'tianjin.filing-steps', citation: '第十二条(一)' },
    reviewSteps: tianjinParams.reviewSteps,
    notice: tianjinParams.notice,
    objections: FILING,
    approval: FILING,
    withdrawal: lifecycleRule('withdrawal'),
    members: lifecycleRule('members'),
    dissolution: lifecycleRule('dissolution'),
  },
  onLeadChange: { effect: 'replace-if-lead-rules-pass', rule: 'tianjin.lead', citation: '第十一条(二)' },
  onRename: { effect: 'rename', ...lifecycleRule('rename') },
  evaluation: {
    rule: 'tianjin.evaluation-cycle',
    citation: '第十八条',
    cycleYears: tianjinParams.evaluationCycleYears,
  },
  annualReport: { rule: 'tianjin.annual-report', citation: '第十七条', dueMonthDay: tianjinParams.annualReportDue },
  funding: { categories: ['tianjin.filing', 'tianjin.national-pilot', 'tianjin.evaluation-award'] },
};
