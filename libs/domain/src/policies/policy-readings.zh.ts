/**
 * The rows' and parameters' own readings (`interpretation` in GET /v1/policies) in Chinese, keyed by their English
 * text (as a parameter's description is, parameter-descriptions.zh.ts), in the register of the policy documents. A
 * reading that quotes a dated interpretation says it in that interpretation's Chinese (ledger-interpretations.zh.ts),
 * so each is translated once. policy-catalogue.view.unit.spec.ts proves every reading has one and none is left over.
 */
import { LEDGER_INTERPRETATIONS_ZH } from './ledger-interpretations.zh';

/** CAP_USAGE_INTERPRETATION (funding/ledger-funding-rules.ts) in Chinese. */
const CAP_USAGE = '资金占用额 = 已批准额 − 已取消额：取消释放未拨付资金；追回不恢复额度（POLICIES.md，台账解释）';
const EVALUATION_WINDOW = LEDGER_INTERPRETATIONS_ZH['ledger.evaluation-window'].text;
const TIANJIN_END = LEDGER_INTERPRETATIONS_ZH['tianjin.end-wins'].text;

export const POLICY_READINGS_ZH: Readonly<Record<string, string>> = {
  'An enterprise is a unit declared kind "enterprise" whose unified social credit code is issued by market regulation (registering authority 9). A branch has its own code with the division where it is registered.':
    '企业指申报类型为“enterprise”、统一社会信用代码由市场监督管理部门核发（登记管理部门代码9）的单位。分支机构持有自身代码，按其登记地行政区划计。',
  'Compared in integers on the three-year totals: rdExpense3y × 100 ≥ revenue3y × 3.':
    '按近三年合计数以整数比较：rdExpense3y × 100 ≥ revenue3y × 3。',
  '年度研发费用 is read as the last full year (rdExpenseLastYear).':
    '“年度研发费用”按上一完整年度计（rdExpenseLastYear）。',
  "Counts consortia under this policy that are not dissolved, delisted, rejected or withdrawn (a withdrawn filing never became a consortium). A dissolved consortium's lead may lead a new one. Refused at filing.":
    '统计本政策下未解散、未撤销、未被驳回或撤回的联合体（撤回的申报从未成为联合体）。已解散联合体的牵头单位可以牵头组建新的联合体。申报时即予拒绝。',
  'A filing names its chain (产业链) in `chain`; the dashboard counts active consortia per chain named. The plan lists no chains, so coverage is shown per chain named, not against a list.':
    '申报在`chain`中填写所属产业链；数据看板按所填产业链统计有效联合体。方案未列明产业链，故覆盖情况按所填产业链显示，不与清单比对。',
  '在自治区注册或驻区单位 is read from the credit code: registered in division 15xxxx.':
    '“在自治区注册或驻区单位”依统一社会信用代码判断：登记地行政区划为15xxxx。',
  "agreementSigned: true asserts that every member's legal representative (or authorised person) signed.":
    'agreementSigned: true 表示全体成员的法定代表人（或其授权人）均已签署。',
  '四(三) 可行性论证 is recorded as an expert review; the joint meeting that approves (四(五)) is the approval.':
    '四(三) 可行性论证记录为专家评审；批准组建的联席会议（四(五)）即为批准。',
  'The document states no length for the public notice: 5 working days (POLICIES.md Lifecycle). startsOn counts as day 1 when it is a working day; endsOn is the 5th working day; approval is possible from the day after endsOn.':
    '文件未规定公示期限：按5个工作日执行（POLICIES.md 生命周期）。startsOn 为工作日的，计为第1日；endsOn 为第5个工作日；自 endsOn 次日起可予批准。',
  'No numeric cap: the ledger records the project total and names no limit':
    '未设数额上限：台账记录项目总投资，不设限额',
  'An enterprise is a unit declared kind "enterprise" whose unified social credit code is issued by market regulation (registering authority 9). A branch has its own code with the division where it is registered. A new R&D institution (newRdInstitution: true) registered in Luzhou may lead whatever its registering authority. Independent legal personhood is asserted by the filing.':
    '企业指申报类型为“enterprise”、统一社会信用代码由市场监督管理部门核发（登记管理部门代码9）的单位。分支机构持有自身代码，按其登记地行政区划计。在泸州注册的新型研发机构（newRdInstitution: true）不论其登记管理部门均可牵头。独立法人资格由申报内容声明。',
  'Counted among the members besides the lead (who must be in Luzhou): registered outside division 5105xx.':
    '计入牵头单位以外的成员（牵头单位须在泸州注册）：登记地不在行政区划5105xx。',
  "A lead files at most once per calendar year (that year's call); a rejected or withdrawn filing still uses the year's call. The call's own dates are not recorded: any day of the year is in it. Refused at filing.":
    '同一牵头单位每个自然年度至多申报一次（当年集中受理）；被驳回或撤回的申报亦占用当年受理机会。受理起止日期不予记录：当年任一日均在受理期内。申报时即予拒绝。',
  'Chinese working days (weekends and statutory holidays off, adjusted working weekends on). startsOn counts as day 1 when it is a working day; endsOn is the 5th working day; approval (listing) is possible from the day after.':
    '按中国工作日计算（周末及法定节假日休息，调休上班的周末计为工作日）。startsOn 为工作日的，计为第1日；endsOn 为第5个工作日；自其次日起可予批准（入库）。',
  'Evaluations fall due on the anniversaries of listing (approval), every 2 years. Evaluations fall due on the anniversaries of the cycle (every 2 years from listing under Luzhou, 3 years from 备案 under Tianjin, 3 years from approval for zones). An evaluation is accepted from 3 months before its due date and belongs to that cycle; each cycle takes one evaluation; one dated before the first window opens is refused, so it can never count toward delisting. A late evaluation belongs to the cycle whose window it falls in. `period` stays a free label.':
    '评估在入库（批准）的周年日到期，每2年一次。' + EVALUATION_WINDOW,
  'Consecutive in the order recorded; a qualified or excellent evaluation in between starts the count again.':
    '按记录顺序连续计算；其间有合格或优秀评估的，重新计数。',
  'Cumulative over all grants to the same platform; Cap usage = granted − cancelled: a cancellation releases undisbursed money; a clawback does not restore headroom (POLICIES.md, Ledger interpretation)':
    '对同一平台的全部补助累计计算；' + CAP_USAGE,
  'Cumulative over all grants to the same project; Cap usage = granted − cancelled: a cancellation releases undisbursed money; a clawback does not restore headroom (POLICIES.md, Ledger interpretation)':
    '对同一项目的全部补助累计计算；' + CAP_USAGE,
  'A consultation draft whose end date is blank: in force from 2024-05-15, no end date (POLICIES.md).':
    '征求意见稿未填写截止日期：自2024-05-15起施行，未规定失效日期（POLICIES.md）。',
  'An enterprise is a unit declared kind "enterprise" whose unified social credit code is issued by market regulation (registering authority 9). A branch has its own code with the division where it is registered. Operating in Liaoning and independent legal personhood are asserted by the filing.':
    '企业指申报类型为“enterprise”、统一社会信用代码由市场监督管理部门核发（登记管理部门代码9）的单位。分支机构持有自身代码，按其登记地行政区划计。在辽宁经营及独立法人资格由申报内容声明。',
  'agreementSigned: true asserts a legally binding agreement that states explicit innovation goals.':
    'agreementSigned: true 表示已签订具有法律约束力、明确创新目标的协议。',
  'The documents name no review steps; the guideline asks the cities to review and confirm alliances (审核确认): recorded as one preliminary review.':
    '文件未规定审查程序；工作指引要求各市对联盟审核确认：记录为一次初审。',
  'An evaluation under this policy carries a score for each of the 10 aspects, keyed by the English key or the Chinese name. Grades have no consequence in the ledger (the best become typical alliances outside it).':
    '本政策下的评估对10个方面逐项评分，以英文键名或中文名称标识。评估等次在台账中不产生后果（优秀者在台账以外成为典型联盟）。',
  'Operating-fund tiers: the amount must lie in [100万, 300万] (POLICIES.md, Ledger interpretation)':
    '运行经费分档：金额须在[100万, 300万]之间（POLICIES.md，台账解释）',
  'The 30% and 1000万 limits of a 揭榜挂帅 project are cumulative over all grants to the same project; Cap usage = granted − cancelled: a cancellation releases undisbursed money; a clawback does not restore headroom (POLICIES.md, Ledger interpretation)':
    '揭榜挂帅项目30%和1000万的限额对同一项目的全部补助累计计算；' + CAP_USAGE,
  "A unit is a 盟主 from its alliance's approval until that alliance ends (dissolved, delisted) or takes another 盟主; the registry of 盟主 (one stream per unit) records it. Whenever a unit that is a 盟主 receives any liaoning-2021-alliance grant — as 盟主 or as a member of another alliance — everything it received under the policy in that fiscal year counts, grants received before it became 盟主 included, and a grant that would take the total over 2000万 is refused. Approval is never refused for past receipts. Cap usage = granted − cancelled: a cancellation releases undisbursed money; a clawback does not restore headroom (POLICIES.md, Ledger interpretation)":
    LEDGER_INTERPRETATIONS_ZH['liaoning.mengzhu-status'].text + CAP_USAGE,
  'In force from 2021-03-01, no end date (POLICIES.md).': '自2021-03-01起施行，未规定失效日期（POLICIES.md）。',
  'A unit recorded as dishonest gets no new grant under any policy; the rejection cites 第十六条.':
    '被记录为失信的单位不得获得任何政策下的新补助；拒绝时引用第十六条。',
  'Any kind of unit may be responsible (各类机构); independent legal personhood is asserted by the filing.':
    '各类机构均可作为责任单位；独立法人资格由申报内容声明。',
  '成员单位原则上不少于10家 is counted with the responsible unit included. 原则上 qualifies the count only: a waiver sets the count aside, never the kinds (tianjin.member-kinds-apart).':
    '“成员单位原则上不少于10家”含责任单位计算。“原则上”仅限定数量：豁免只免除数量要求，不免除成员类别' +
    '（tianjin.member-kinds-apart）。',
  '要由企业、高校和科研机构等多个独立法人组成 (第十一条(三), as 第九条(一)) is read as at least one enterprise, one university and one research institute; 等 admits other units besides (中介机构, 第九条(一)). The responsible unit counts for its own kind. No 原则上: not waivable (tianjin.member-kinds-apart).':
    '“要由企业、高校和科研机构等多个独立法人组成”（第十一条(三)，与第九条(一)同）理解为企业、高校和科研机构至少' +
    '各一家；“等”允许其他单位（第九条(一)所称中介机构）加入。责任单位计入其自身类别。未规定“原则上”，不得豁免' +
    '（tianjin.member-kinds-apart）。',
  'Core members are read as the enterprise members, the responsible unit included when it is an enterprise.':
    '核心成员按企业成员认定，责任单位为企业的一并计入。',
  '以注册在天津的创新型企业为主 is read as more than half of the enterprise members.':
    '“以注册在天津的创新型企业为主”理解为超过企业成员的半数。',
  "agreementSigned: true asserts that every member's legal representative signed.":
    'agreementSigned: true 表示全体成员的法定代表人均已签署。',
  'The application (第十二条(一)) is the filing itself; formal and technical review (第十二条(二)) are one step, in either order.':
    '申请（第十二条(一)）即申报本身；形式审查和技术审查（第十二条(二)）合为一个步骤，先后不限。',
  "备案 is the ledger's approval: evaluations fall due on its anniversaries, every 3 years. Evaluations fall due on the anniversaries of the cycle (every 2 years from listing under Luzhou, 3 years from 备案 under Tianjin, 3 years from approval for zones). An evaluation is accepted from 3 months before its due date and belongs to that cycle; each cycle takes one evaluation; one dated before the first window opens is refused, so it can never count toward delisting. A late evaluation belongs to the cycle whose window it falls in. `period` stays a free label. The measures end on 2020-12-31 (第二十一条), before any alliance's first evaluation window (3 years from 备案, less 3 months): no Tianjin evaluation can be recorded, so tianjin.evaluation-award can never be granted. The end date wins over the cycle. Evaluations recorded before this reading stay recorded but belong to no cycle and earn no award.":
    '备案即台账中的批准：评估在备案的周年日到期，每3年一次。' + EVALUATION_WINDOW + TIANJIN_END,
  '在规定时间内 names no date: the report for year Y is due by 31 December of Y. A late report is recorded with the check failed.':
    '“在规定时间内”未规定具体日期：Y年度报告应于Y年12月31日前报送。逾期报送的予以记录，并标注检查未通过。',
  '"Once": a grant that is not wholly cancelled uses it up; Cap usage = granted − cancelled: a cancellation releases undisbursed money; a clawback does not restore headroom (POLICIES.md, Ledger interpretation)':
    '“一次”：未被全部取消的补助即占用该次机会；' + CAP_USAGE,
  "The award needs the alliance's latest evaluation graded excellent, and is paid at most once per evaluation (POLICIES.md, Ledger interpretation). The measures end on 2020-12-31 (第二十一条), before any alliance's first evaluation window (3 years from 备案, less 3 months): no Tianjin evaluation can be recorded, so tianjin.evaluation-award can never be granted. The end date wins over the cycle. Evaluations recorded before this reading stay recorded but belong to no cycle and earn no award.":
    '奖励以联盟最近一次评估为优秀为前提，每次评估至多奖励一次（POLICIES.md，台账解释）。' + TIANJIN_END,
  'The guideline states no period of validity: in force from its publication (2022-11-14), with no end date. A zone approved before that is not designated under it (policy-not-in-force); each designation names this rule.':
    '该指引未规定有效期：自发布之日（2022-11-14）起施行，未规定失效日期。此前批准的示范区不依本指引认定（policy-not-in-force）；每次认定均引用本规则。',
  'A report gives the total or the four parts; parts are summed.': '年报填报总额或四个分项；填报分项的，以分项之和计。',
  'A report is due for every calendar year from the year of approval on. A report for year Y submitted after its due date is recorded and flagged late. Its indicators are judged by the thresholds in force on the due date.':
    '自批准当年起，每个自然年度均应报送年报。Y年度报告在截止日期后报送的，予以记录并标注逾期。其指标按截止日期当日有效的标准评判。',
  'The evaluation is due on the anniversary of approval every 3 years; the first evaluation year is approval year + 3. After a rectification the cycles count from the evaluation that ended it. zone.evaluation-from-anniversary: an evaluation is accepted from its due date on (满3年) and takes that cycle; one per cycle; none before the first due date. "One third each year" is a list, not a rule.':
    '评估每3年在批准的周年日到期；首个评估年度为批准年度加3。整改后，评估周期自结束整改的那次评估起计算。' +
    'zone.evaluation-from-anniversary：评估自到期日起（满3年）受理，归属该周期；每个周期一次；首个到期日之前不予受理。' +
    '“每年评估三分之一”是名单安排，不是规则。',
  'The period runs from the unqualified evaluation to the same date 2 years later. It is judged when it ends (zone.rectification-at-end): no evaluation before its end date is accepted; the evaluation on or after the end decides: 不合格 removes the zone; 合格 or 优秀 puts it back in good standing, and its evaluation cycles count from that evaluation: the next is due 3 years after it and accepted from that anniversary on (zone.evaluation-from-anniversary).':
    '整改期自评估不合格之日起，至2年后的同一日止，期满时评判（zone.rectification-at-end）：期满前的评估不予受理；' +
    '期满当日或之后的评估决定结果：不合格则撤销示范区；合格或优秀则恢复正常状态，其评估周期自该次评估起计算：下次评估' +
    '在其后3年到期，自该周年日起受理（zone.evaluation-from-anniversary）。',
  'Decided by the evaluation on or after the end date when it is unqualified; a removed zone takes no command.':
    '整改期满时或期满后的评估为不合格的，予以撤销；被撤销的示范区不再受理任何操作。',
  'In force from 2021-03-01, no end date (POLICIES.md, Ledger interpretation)':
    '自2021-03-01起施行，未规定失效日期（POLICIES.md，台账解释）',
  'In force from 2024-05-15, no end date (POLICIES.md, Ledger interpretation)':
    '自2024-05-15起施行，未规定失效日期（POLICIES.md，台账解释）',
};
