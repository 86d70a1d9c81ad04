import { listOf, say } from '../shared/sentence';
/** 内蒙古自治区重点产业链创新联合体建设实施方案 (内蒙古自治区科学技术厅, 2024-12-19). */
import { wan } from '../shared/money';
import { check, param, paramOn, refOf, RuleCheck } from '../shared/rule';
import { DEFAULT_NOTICE_INTERPRETATION, LIFECYCLE_CITATION, lifecycleRule } from './lifecycle-rules';
import { LEDGER_INTERPRETATIONS } from './ledger-interpretations';
import { ConsortiaTarget, ConsortiumApplication, ConsortiumPolicy } from './policy';
import {
  countOf,
  describeUnit,
  ENTERPRISE_INTERPRETATION,
  GOVERNANCE_NAMES,
  GovernanceBody,
  isAtLeastPercent,
  isEnterprise,
  notAnEnterpriseBecause,
  percentText,
  registeredIn,
  yuanText,
} from './unit-rules';
import { Unit } from '../shared/unit';

const FROM = '2024-12-19';

export const nmgParams = {
  leadDivision: param(
    'nmg.lead-enterprise',
    '三(二)',
    'the lead is an enterprise registered in Inner Mongolia (division 15xxxx), central-SOE branches included',
    '15',
    FROM,
    {
      interpretation: ENTERPRISE_INTERPRETATION,
    },
  ),
  rdShareOfRevenuePercent: param(
    'nmg.lead-rd',
    '三(二)',
    "the lead's R&D spending over the last three years, as a share of its revenue over them, at least (percent)",
    3,
    FROM,
    {
      interpretation: 'Compared in integers on the three-year totals: rdExpense3y × 100 ≥ revenue3y × 3.',
    },
  ),
  rdLastYearMinFen: param(
    'nmg.lead-rd',
    '三(二)',
    "or the lead's R&D spending in a year at least (fen; 1亿元)",
    wan(10_000),
    FROM,
    {
      interpretation: '年度研发费用 is read as the last full year (rdExpenseLastYear).',
    },
  ),
  oneConsortiumPerLead: param(
    'nmg.one-per-lead',
    '三(二)',
    'one lead unit leads at most one consortium (原则上)',
    'while-live' as const,
    FROM,
    {
      interpretation:
        'Counts consortia under this policy that are not dissolved, delisted, rejected or withdrawn (a withdrawn filing ' +
        "never became a consortium). A dissolved consortium's lead may lead a new one. Refused at filing.",
    },
  ),
  naming: param(
    'nmg.naming',
    '四(五)',
    'the approved name has the form 内蒙古自治区×××产业链创新联合体 (prefix, chain, suffix; either script)',
    { prefixes: ['内蒙古自治区', '內蒙古自治區'], suffixes: ['产业链创新联合体', '產業鏈創新聯合體'] },
    FROM,
    { interpretation: LEDGER_INTERPRETATIONS.nmgNamingScripts.text },
  ),
  consortiaTarget: param<ConsortiaTarget>(
    'nmg.consortia-target',
    '二',
    'consortia in all by 2027: about 30 (到2027年,联合体总数达到30个左右)',
    { count: 30, by: '2027-12-31', reading: 'about' },
    FROM,
    { interpretation: LEDGER_INTERPRETATIONS.programmeTargets.text },
  ),
  consortiaPerChainMin: param(
    'nmg.chain-coverage',
    '二',
    'consortia on every key industrial chain, at least (每个重点产业链至少一个联合体)',
    1,
    FROM,
    {
      interpretation:
        'A filing names its chain (产业链) in `chain`; the dashboard counts active consortia per chain named. The plan ' +
        'lists no chains, so coverage is shown per chain named, not against a list.',
    },
  ),
  membersMin: param('nmg.members-min', '三(三)', 'member units, lead included, at least', 10, FROM),
  membersInRegionPercent: param(
    'nmg.members-in-region',
    '三(三)',
    'units registered in Inner Mongolia, lead included, at least (percent of member units)',
    50,
    FROM,
    {
      interpretation: '在自治区注册或驻区单位 is read from the credit code: registered in division 15xxxx.',
    },
  ),
  membersEnterprisesPercent: param(
    'nmg.members-enterprises',
    '三(三)',
    'enterprises, lead included, at least (percent of member units)',
    50,
    FROM,
    {
      interpretation: ENTERPRISE_INTERPRETATION,
    },
  ),
  agreementBodies: param(
    'nmg.agreement',
    '三(四)',
    'every member signed the formation agreement; these bodies exist',
    ['managementBody', 'expertCommittee'] as GovernanceBody[],
    FROM,
    {
      interpretation:
        "agreementSigned: true asserts that every member's legal representative (or authorised person) signed.",
    },
  ),
  reviewSteps: param(
    'lifecycle.review-steps',
    '四(三)',
    'feasibility demonstration by experts (可行性论证)',
    [['expert']] as const,
    FROM,
    {
      interpretation:
        '四(三) 可行性论证 is recorded as an expert review; the joint meeting that approves (四(五)) is the approval.',
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
};

function leadEnterprise(lead: Unit, on: string): RuleCheck {
  const ref = { rule: 'nmg.lead-enterprise', citation: '三(二)' };
  const division = paramOn(nmgParams.leadDivision, on);
  const notEnterprise = notAnEnterpriseBecause(lead);
  if (notEnterprise)
    return check(ref, false, say`the lead ${describeUnit(lead)} is not an enterprise: ${notEnterprise}`);
  if (!registeredIn(division)(lead))
    return check(ref, false, say`the lead ${describeUnit(lead)} is not registered in Inner Mongolia (${division}xxxx)`);
  return check(ref, true, say`the lead ${describeUnit(lead)} is an enterprise registered in Inner Mongolia`);
}

function leadRd(lead: Unit, on: string): RuleCheck {
  const ref = { rule: 'nmg.lead-rd', citation: '三(二)' };
  const percent = paramOn(nmgParams.rdShareOfRevenuePercent, on);
  const lastYearMinFen = paramOn(nmgParams.rdLastYearMinFen, on);
  const { rdExpense3yFen, revenue3yFen, rdExpenseLastYearFen } = lead;
  const hasThreeYears = rdExpense3yFen !== undefined && revenue3yFen !== undefined && revenue3yFen > 0;
  const shareMet = hasThreeYears && BigInt(rdExpense3yFen) * 100n >= BigInt(revenue3yFen) * BigInt(percent);
  const lastYearMet = rdExpenseLastYearFen !== undefined && rdExpenseLastYearFen >= lastYearMinFen;
  const share = hasThreeYears
    ? say`R&D over three years ${yuanText(rdExpense3yFen)} is ${percentText(rdExpense3yFen, revenue3yFen)} of revenue ${yuanText(revenue3yFen)} (at least ${percent}% required)`
    : say`three-year R&D and revenue not stated`;
  const lastYear =
    rdExpenseLastYearFen !== undefined
      ? say`R&D last year ${yuanText(rdExpenseLastYearFen)} (at least ${yuanText(lastYearMinFen)} required)`
      : say`last-year R&D not stated`;
  if (shareMet) return check(ref, true, share);
  if (lastYearMet) return check(ref, true, lastYear);
  return check(ref, false, say`neither threshold is met: ${share}; ${lastYear}`);
}

function leadRules(lead: Unit, _members: Unit[], on: string): RuleCheck[] {
  return [leadEnterprise(lead, on), leadRd(lead, on)];
}

/** nmg.naming (四(五)): 内蒙古自治区×××产业链创新联合体, each part in simplified or traditional characters. */
function naming(name: string, on: string): RuleCheck {
  const ref = { rule: 'nmg.naming', citation: '四(五)' };
  const { prefixes, suffixes } = paramOn(nmgParams.naming, on);
  const prefix = prefixes.find((p) => name.startsWith(p));
  const suffix = suffixes.find((s) => name.endsWith(s));
  const chain = prefix && suffix ? name.slice(prefix.length, name.length - suffix.length).trim() : '';
  if (prefix && suffix && chain.length > 0) {
    return check(ref, true, say`the name ${name} has the form ${prefixes[0]}×××${suffixes[0]} (××× = ${chain})`);
  }
  return check(ref, false, say`the name ${name} does not have the form ${prefixes[0]}×××${suffixes[0]}`);
}

function eligibility(application: ConsortiumApplication, on: string): RuleCheck[] {
  const units = [application.lead, ...application.members];
  const total = units.length;
  const membersMin = paramOn(nmgParams.membersMin, on);
  const inRegionPercent = paramOn(nmgParams.membersInRegionPercent, on);
  const enterprisesPercent = paramOn(nmgParams.membersEnterprisesPercent, on);
  const inRegion = countOf(units, registeredIn(paramOn(nmgParams.leadDivision, on)));
  const enterprises = countOf(units, isEnterprise);
  const bodies = paramOn(nmgParams.agreementBodies, on);
  const missingBodies = bodies.filter((body) => !application.governance[body]).map((body) => GOVERNANCE_NAMES[body]);
  const agreementProblems = [
    ...(application.agreementSigned ? [] : [say`the formation agreement is not signed by every member`]),
    ...missingBodies.map((body) => say`no ${body}`),
  ];
  return [
    ...leadRules(application.lead, application.members, on),
    naming(application.name, on),
    check(
      { rule: 'nmg.members-min', citation: '三(三)' },
      total >= membersMin,
      say`${total} member units, lead included; at least ${membersMin} required`,
    ),
    check(
      { rule: 'nmg.members-in-region', citation: '三(三)' },
      isAtLeastPercent(inRegion, total, inRegionPercent),
      say`${inRegion} of ${total} member units registered in Inner Mongolia (${percentText(inRegion, total)}); at least ${inRegionPercent}% required`,
    ),
    check(
      { rule: 'nmg.members-enterprises', citation: '三(三)' },
      isAtLeastPercent(enterprises, total, enterprisesPercent),
      say`${enterprises} of ${total} member units are enterprises (${percentText(enterprises, total)}); at least ${enterprisesPercent}% required`,
    ),
    check(
      { rule: 'nmg.agreement', citation: '三(四)' },
      agreementProblems.length === 0,
      agreementProblems.length === 0
        ? say`the formation agreement is signed by every member; a management body and an expert committee exist`
        : listOf(agreementProblems),
    ),
  ];
}

export const nmg2024Consortium: ConsortiumPolicy = {
  id: 'nmg-2024-consortium',
  title: '内蒙古自治区重点产业链创新联合体建设实施方案',
  issuer: '内蒙古自治区科学技术厅',
  issuedOn: FROM,
  inForce: { from: FROM, ...lifecycleRule('in-force', '印发通知 2024-12-19 (111500000115122718/2024-07799)') },
  params: nmgParams,
  leadRules,
  eligibility,
  leadClaim: nmgParams.oneConsortiumPerLead,
  targets: { consortia: nmgParams.consortiaTarget, perChainMin: nmgParams.consortiaPerChainMin },
  waivable: [
    {
      ...refOf(nmgParams.oneConsortiumPerLead),
      text: '原则上一个牵头单位仅限牵头组建一个联合体',
      decidedAt: 'filing',
      aboutLead: true,
    },
    { ...refOf(nmgParams.membersMin), text: '成员单位(含牵头单位)原则上不少于10个', decidedAt: 'approval' },
    {
      ...refOf(nmgParams.membersInRegionPercent),
      text: '原则上…在自治区注册或驻区单位比例不低于50%',
      decidedAt: 'approval',
    },
    {
      ...refOf(nmgParams.membersEnterprisesPercent),
      text: '原则上…成员单位中企业数量不低于50%',
      decidedAt: 'approval',
    },
  ],
  procedure: {
    // 四(二): the lead names the member units and draws up the construction plan; the ledger records it as the filing.
    filing: lifecycleRule('filing', '四(二)'),
    reviewSteps: nmgParams.reviewSteps,
    notice: nmgParams.notice,
    objections: lifecycleRule('objections'),
    approval: lifecycleRule('approval', '四(五)'),
    withdrawal: lifecycleRule('withdrawal'),
    // 六(三): 联合体可依据《章程》对…成员单位…进行变更和调整.
    members: lifecycleRule('members', '六(三)'),
    dissolution: lifecycleRule('dissolution'),
  },
  onLeadChange: { effect: 'dissolve', rule: 'nmg.dissolve-on-lead-change', citation: '六(三)' },
  onRename: { effect: 'dissolve', rule: 'nmg.dissolve-on-rename', citation: '六(三)' },
  evaluation: lifecycleRule('evaluation', '六(一)'),
  funding: { categories: ['nmg.project'] },
};
