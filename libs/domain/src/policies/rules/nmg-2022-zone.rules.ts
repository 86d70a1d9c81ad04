/**
 * The rules of 内蒙古自治区科技成果转移转化示范区建设指引 (nmg-2022-zone): the indicators of a zone's annual report
 * (附件2, 四(二)(三)), then procedure and supervision (六、七).
 */
import { RuleText, ruleText } from './rule-text';

export const NMG_2022_ZONE_RULES: ReadonlyArray<RuleText> = [
  ruleText('zone.in-force', '发布时间 2022-11-14', 'zones are designated (approved) while the guideline is in force'),
  ruleText(
    'zone.tech-contract-turnover',
    '附件2 序号1; 四(二)',
    '技术合同成交额 of last year, technology input included: at least 5000万元',
  ),
  ruleText(
    'zone.growth',
    '四(二)',
    '技术交易项数、金额等主要指标实现持续增长: the number and the amount of technology contracts grow year on year',
  ),
  ruleText('zone.high-value-patents', '附件2 序号2', '每万人口高价值发明专利拥有量 at least 1.50'),
  ruleText(
    'zone.transfer-institutions',
    '附件2 序号3–6; 四(二)',
    '技术转移机构 (national + regional + university/institute + other, together) at least 10',
  ),
  ruleText('zone.brokers', '附件2 序号7; 四(二)', '技术经纪人/经理人 at least 10'),
  ruleText('zone.park-enterprises', '附件2 序号8; 四(三)', '园区企业数量 at least 80'),
  ruleText(
    'zone.hightech-share',
    '附件2 序号9; 四(三)',
    '高新技术企业和科技型中小企业 at least 30% of the park enterprises',
  ),
  ruleText(
    'zone.rd-intensity',
    '四(三)',
    "园区内研发经费投入占园区GDP的比重高于全区平均水平: the park's R&D spending / park GDP above the region's average",
  ),
  ruleText(
    'zone.hightech-revenue-share',
    '附件2 序号10; 四(三)',
    '高新技术产业营业总收入 at least 30% of the park revenue',
  ),
  ruleText(
    'zone.special-fund',
    '附件2 序号11; 四(一)',
    'local finance has a special fund for technology transfer (qualitative: yes)',
  ),
  ruleText(
    'zone.financing-institutions',
    '附件2 序号12–15',
    '投融资机构 + 众创空间 + 孵化器 + other platforms, together, at least 10',
  ),
  ruleText('zone.incubated-enterprises', '附件2 序号16', '科技企业孵化器在孵企业数 at least 35'),
  ruleText('zone.annual-report-due', '六(四)', 'each zone reports every year by 31 December'),
  ruleText(
    'zone.evaluation-cycle',
    '六(四)',
    'zones approved at least 3 years are evaluated every 3 years, one third of the zones each year; grades ' +
      '优秀/合格/不合格',
  ),
  ruleText('zone.excellent-recommend', '七(三)', '优秀: recommended first for national-level zones'),
  ruleText('zone.rectification', '七(三)', '不合格: a 2-year rectification period'),
  ruleText('zone.removal', '七(三)', 'still 不合格 when the rectification period ends: removed from the list'),
];
