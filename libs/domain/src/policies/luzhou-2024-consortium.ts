import { say } from '../shared/sentence';
import { EVALUATION_WINDOW_MONTHS, LEDGER_INTERPRETATIONS } from './ledger-interpretations';
/** 泸州市创新联合体建设管理办法 (征求意见稿, 泸州市科学技术局, 2024-05-15). */
import { check, param, paramOn, refOf, RuleCheck } from '../shared/rule';
import { lifecycleRule } from './lifecycle-rules';
import { ConsortiumApplication, ConsortiumPolicy } from './policy';
import { countOf, describeUnit, ENTERPRISE_INTERPRETATION, isEnterprise, registeredIn } from './unit-rules';
import { Unit } from '../shared/unit';

const FROM = '2024-05-15';
const LISTING = { rule: 'luzhou.review-chain', citation: '第三条(四)' };

export const luzhouParams = {
  leadDivision: param(
    'luzhou.lead',
    '第二条(一)',
    'the lead is an independent legal-person enterprise registered in Luzhou (division 5105xx); a new R&D institution may also lead',
    '5105',
    FROM,
    {
      interpretation:
        `${ENTERPRISE_INTERPRETATION} A new R&D institution (newRdInstitution: true) registered in Luzhou may lead ` +
        'whatever its registering authority. Independent legal personhood is asserted by the filing.',
    },
  ),
  membersMinBesidesLead: param('luzhou.members-min', '第二条(三)', 'member units besides the lead, at least', 5, FROM),
  outOfCityMin: param('luzhou.out-of-city', '第二条(三)', 'members registered outside Luzhou, at least', 1, FROM, {
    interpretation:
      'Counted among the members besides the lead (who must be in Luzhou): registered outside division 5105xx.',
  }),
  agreement: param('luzhou.agreement', '第二条(四)', 'the members signed a formation agreement', true, FROM),
  integrity: param(
    'luzhou.integrity',
    '第五条(三)',
    'the application carries an integrity commitment (诚信承诺书)',
    true,
    FROM,
  ),
  annualCall: param(
    'luzhou.annual-call',
    '第三条(一)',
    'applications are taken once a year, on a call',
    'calendar-year' as const,
    FROM,
    {
      interpretation:
        "A lead files at most once per calendar year (that year's call); a rejected or withdrawn filing still uses the " +
        "year's call. The call's own dates are not recorded: any day of the year is in it. Refused at filing.",
    },
  ),
  reviewSteps: param(
    'luzhou.review-chain',
    '第三条(三)(四)',
    'district/park preliminary review, then municipal expert review',
    [['preliminary'], ['expert']] as const,
    FROM,
  ),
  notice: param(
    'luzhou.review-chain',
    '第三条(四)',
    'public notice of at least 5 working days',
    { unit: 'working-days' as const, days: 5 },
    FROM,
    {
      interpretation:
        'Chinese working days (weekends and statutory holidays off, adjusted working weekends on). startsOn counts as ' +
        'day 1 when it is a working day; endsOn is the 5th working day; approval (listing) is possible from the day after.',
    },
  ),
  evaluationCycleYears: param('luzhou.evaluation-cycle', '第五条(二)', 'evaluated every this many years', 2, FROM, {
    interpretation:
      'Evaluations fall due on the anniversaries of listing (approval), every 2 years. ' +
      LEDGER_INTERPRETATIONS.evaluationWindow.text,
  }),
  /**
   * ledger.evaluation-window, shown with the policy's parameters: the months before a due date from which an
   * evaluation is accepted. Kept when zones gave it up (zone.evaluation-from-anniversary): the text sets no age (满N年).
   */
  evaluationWindowMonths: EVALUATION_WINDOW_MONTHS,
  delistAfterUnqualified: param(
    'luzhou.delist',
    '第五条(二)',
    'consecutive unqualified evaluations that cancel the filing and delist (取消备案并摘牌)',
    2,
    FROM,
    {
      interpretation:
        'Consecutive in the order recorded; a qualified or excellent evaluation in between starts the count again.',
    },
  ),
};

function lead(leadUnit: Unit, _members: Unit[], on: string): RuleCheck[] {
  const ref = { rule: 'luzhou.lead', citation: '第二条(一)' };
  const division = paramOn(luzhouParams.leadDivision, on);
  const inLuzhou = registeredIn(division)(leadUnit);
  const kindOk = isEnterprise(leadUnit) || leadUnit.newRdInstitution === true;
  const what = leadUnit.newRdInstitution
    ? 'a new R&D institution'
    : isEnterprise(leadUnit)
      ? say`an enterprise`
      : say`not an enterprise (${leadUnit.kind}, code ${leadUnit.creditCode[0]}) nor a new R&D institution`;
  return [
    check(
      ref,
      inLuzhou && kindOk,
      say`the lead ${describeUnit(leadUnit)} is ${what}, ${inLuzhou ? say`registered in Luzhou` : say`not registered in Luzhou (${division}xx)`}`,
    ),
  ];
}

function eligibility(application: ConsortiumApplication, on: string): RuleCheck[] {
  const { members } = application;
  const membersMin = paramOn(luzhouParams.membersMinBesidesLead, on);
  const outOfCityMin = paramOn(luzhouParams.outOfCityMin, on);
  const outOfCity = countOf(members, (unit) => !registeredIn(paramOn(luzhouParams.leadDivision, on))(unit));
  return [
    ...lead(application.lead, members, on),
    check(
      { rule: 'luzhou.members-min', citation: '第二条(三)' },
      members.length >= membersMin,
      say`${members.length} member units besides the lead; at least ${membersMin} required`,
    ),
    check(
      { rule: 'luzhou.out-of-city', citation: '第二条(三)' },
      outOfCity >= outOfCityMin,
      say`${outOfCity} members registered outside Luzhou; at least ${outOfCityMin} required`,
    ),
    check(
      { rule: 'luzhou.agreement', citation: '第二条(四)' },
      application.agreementSigned,
      application.agreementSigned ? say`the members signed a formation agreement` : say`no signed formation agreement`,
    ),
    check(
      { rule: 'luzhou.integrity', citation: '第五条(三)' },
      application.integrityCommitment,
      application.integrityCommitment
        ? say`an integrity commitment (诚信承诺书) is submitted`
        : say`no integrity commitment (诚信承诺书)`,
    ),
  ];
}

export const luzhou2024Consortium: ConsortiumPolicy = {
  id: 'luzhou-2024-consortium',
  title: '泸州市创新联合体建设管理办法 (征求意见稿)',
  issuer: '泸州市科学技术局',
  issuedOn: FROM,
  inForce: {
    from: FROM,
    ...lifecycleRule('in-force', '第六条(一)'),
    interpretation:
      'A consultation draft whose end date is blank: in force from 2024-05-15, no end date (POLICIES.md).',
  },
  params: luzhouParams,
  leadRules: lead,
  eligibility,
  leadClaim: luzhouParams.annualCall,
  waivable: [
    {
      rule: 'luzhou.lead',
      citation: '第二条(一)',
      text: '牵头单位原则上应为泸州市辖区范围内注册的独立法人企业',
      decidedAt: 'approval',
      aboutLead: true,
    },
    {
      ...refOf(luzhouParams.membersMinBesidesLead),
      text: '每个创新联合体原则上联动不少于5家…企业…或高校和科研机构',
      decidedAt: 'approval',
    },
    {
      ...refOf(luzhouParams.annualCall),
      text: '原则上每年开展集中申报1次',
      decidedAt: 'filing',
      aboutLead: true,
    },
  ],
  procedure: {
    // 第三条(二): the lead applies on the year's call (第三条(一)); the review chain (第三条(三)(四)) follows.
    filing: { rule: 'luzhou.annual-call', citation: '第三条(一)(二)' },
    reviewSteps: luzhouParams.reviewSteps,
    notice: luzhouParams.notice,
    objections: LISTING,
    approval: LISTING,
    withdrawal: lifecycleRule('withdrawal'),
    members: lifecycleRule('members'),
    dissolution: lifecycleRule('dissolution'),
  },
  onLeadChange: { effect: 'replace-if-lead-rules-pass', rule: 'luzhou.lead', citation: '第二条(一)' },
  onRename: { effect: 'rename', ...lifecycleRule('rename') },
  evaluation: {
    rule: 'luzhou.evaluation-cycle',
    citation: '第五条(二)',
    cycleYears: luzhouParams.evaluationCycleYears,
    delistAfterConsecutiveUnqualified: luzhouParams.delistAfterUnqualified,
  },
  funding: { categories: ['luzhou.platform', 'luzhou.transformation'] },
};
