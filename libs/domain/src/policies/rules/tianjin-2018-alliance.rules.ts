/**
 * The rules of 天津市推动产业技术创新战略联盟构建与发展的实施办法(试行) (tianjin-2018-alliance), in the order of the
 * text. The measures are in force until 2020-12-31 (第二十一条).
 */
import { RuleText, ruleText } from './rule-text';

export const TIANJIN_2018_ALLIANCE_RULES: ReadonlyArray<RuleText> = [
  ruleText(
    'tianjin.agreement',
    '第九条(二)',
    "a legally binding agreement signed by all members' legal representatives",
  ),
  ruleText(
    'tianjin.governance',
    '第九条(三)',
    'a council (理事会), an expert committee (专家委员会) and a secretariat (秘书处) exist',
  ),
  ruleText(
    'tianjin.lead',
    '第十一条(二)',
    'the responsible unit (对外责任主体单位) is an independent legal person registered in Tianjin (division 12xxxx)',
  ),
  ruleText('tianjin.members-min', '第十一条(三)', 'member units at least 10, the responsible unit included'),
  ruleText(
    'tianjin.member-kinds',
    '第十一条(三); 第九条(一)',
    'the alliance is made of independent legal persons of several kinds: at least one enterprise, one university and ' +
      'one research institute among the member units, the responsible unit included',
  ),
  ruleText(
    'tianjin.core-local',
    '第十一条(三)',
    'core members are mainly Tianjin-registered enterprises: more than half of the enterprise members are ' +
      'registered in Tianjin',
  ),
  ruleText(
    'tianjin.filing-steps',
    '第十二条',
    'application → formal and technical review → expert review → public notice → filed (备案)',
  ),
  ruleText('tianjin.filing-subsidy', '第十三条', 'a newly filed alliance: a subsidy of at most 50万元, once'),
  ruleText('tianjin.national-pilot', '第十三条', 'newly included in the national pilot: 50万元, once'),
  ruleText(
    'tianjin.fraud',
    '第十六条',
    'fraud: the money is returned through the original channel (按原渠道退回已拨资金) and the responsible unit is recorded ' +
      'as dishonest (失信)',
    {
      interpretation: 'A unit recorded as dishonest gets no new grant under any policy; the rejection cites 第十六条.',
    },
  ),
  ruleText('tianjin.annual-report', '第十七条', "an annual summary and next year's plan are due every year"),
  ruleText('tianjin.evaluation-cycle', '第十八条', 'alliances are evaluated every 3 years from filing (备案)'),
  ruleText('tianjin.evaluation-award', '第十八条', 'after an evaluation, the best get at most 30万元'),
];
