/** The rules of 内蒙古自治区重点产业链创新联合体建设实施方案 (nmg-2024-consortium), in the order of the text. */
import { RuleText, ruleText } from './rule-text';

export const NMG_2024_CONSORTIUM_RULES: ReadonlyArray<RuleText> = [
  ruleText('nmg.consortia-target', '二', 'by 2027, about 30 consortia in all (联合体总数达到30个左右)'),
  ruleText(
    'nmg.chain-coverage',
    '二',
    'at least one consortium on every key industrial chain (每个重点产业链至少一个联合体), all key chains covered',
  ),
  ruleText(
    'nmg.lead-enterprise',
    '三(二)',
    'the lead (牵头单位) is an enterprise registered in Inner Mongolia (division 15xxxx), central-SOE branches included',
  ),
  ruleText(
    'nmg.lead-rd',
    '三(二)',
    "the lead's R&D spending is at least 3% of its revenue over the last three years, or its annual R&D spending at " +
      'least 1亿元 (100,000,000 yuan)',
  ),
  ruleText('nmg.one-per-lead', '三(二)', 'one lead unit leads at most one consortium'),
  ruleText('nmg.members-min', '三(三)', 'member units, lead included, at least 10'),
  ruleText(
    'nmg.members-in-region',
    '三(三)',
    'units registered in Inner Mongolia at least 50% of the members (lead included)',
  ),
  ruleText('nmg.members-enterprises', '三(三)', 'enterprises at least 50% of the members (lead included)'),
  ruleText(
    'nmg.agreement',
    '三(四)',
    "every member's legal representative signed the formation agreement; a management body and an expert committee exist",
  ),
  ruleText('nmg.naming', '四(五)', 'the approved consortium is named "内蒙古自治区×××产业链创新联合体"'),
  ruleText(
    'ledger.nmg-project',
    '五(三)',
    "project funds of the key-industrial-chain programme (重点产业链专项) support the consortium's projects; the plan " +
      'states no amount',
  ),
  ruleText(
    'nmg.terminate-and-recover',
    '六(二)',
    'funds allocated improperly or members failing to cooperate on its tasks (经费分配不当、任务配合不力): the project is ' +
      'terminated and its funds recovered (终止项目,收回经费)',
  ),
  ruleText(
    'nmg.dissolve-on-lead-change',
    '六(三)',
    'if the lead unit changes, the original consortium dissolves by itself (自行解散)',
  ),
  ruleText('nmg.dissolve-on-rename', '六(三)', "if the consortium's name changes, it likewise dissolves by itself"),
  ruleText(
    'nmg.project-change',
    '六(三)',
    "a change touching the consortium's science and technology projects is applied for to the project's managing " +
      'authority (项目主管部门): after the consortium ends, its projects are paid only once that authority decided they ' +
      'go on',
  ),
];
