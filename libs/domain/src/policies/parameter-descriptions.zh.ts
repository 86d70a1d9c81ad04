/**
 * The parameters' and funding categories' descriptions in Chinese, keyed by their English description (as a sentence
 * is keyed by its English template): the clause's own words where the text has them. GET /v1/policies shows them by
 * default; with `Accept-Language: en` the English. policy-catalogue.view.unit.spec.ts proves every description has one.
 */
export const PARAMETER_DESCRIPTIONS_ZH: Readonly<Record<string, string>> = {
  'the lead is an enterprise registered in Inner Mongolia (division 15xxxx), central-SOE branches included':
    '牵头单位为在自治区注册的企业（行政区划15xxxx），含央企分支机构',
  "the lead's R&D spending over the last three years, as a share of its revenue over them, at least (percent)":
    '牵头单位近三年研发投入占同期营业收入比例不低于（百分比）',
  "or the lead's R&D spending in a year at least (fen; 1亿元)": '或牵头单位年度研发费用不低于（分；1亿元）',
  'one lead unit leads at most one consortium (原则上)': '原则上一个牵头单位仅限牵头组建一个联合体（原则上）',
  'the approved name has the form 内蒙古自治区×××产业链创新联合体 (prefix, chain, suffix; either script)':
    '批准名称为“内蒙古自治区×××产业链创新联合体”（前缀、产业链、后缀；繁简均可）',
  'consortia in all by 2027: about 30 (到2027年,联合体总数达到30个左右)': '到2027年联合体总数达到30个左右',
  'consortia on every key industrial chain, at least (每个重点产业链至少一个联合体)': '每个重点产业链至少一个联合体',
  'member units, lead included, at least': '成员单位（含牵头单位）不少于',
  'units registered in Inner Mongolia, lead included, at least (percent of member units)':
    '在自治区注册的单位（含牵头单位）不低于（占成员单位百分比）',
  'enterprises, lead included, at least (percent of member units)': '企业（含牵头单位）不低于（占成员单位百分比）',
  'every member signed the formation agreement; these bodies exist': '全体成员签署组建协议；设立相应机构',
  'feasibility demonstration by experts (可行性论证)': '专家可行性论证',
  'public notice before approval': '批准前公示',
  'project funds under the key-industrial-chain programme: the plan states no amount':
    '重点产业链专项支持的项目经费：方案未规定金额',
  '重点产业链专项 project funds (五(三)); no amount in the plan': '重点产业链专项项目经费（五(三)）；方案未规定金额',
  'the lead is an independent legal-person enterprise registered in Luzhou (division 5105xx); a new R&D institution may also lead':
    '牵头单位为在泸州注册的独立法人企业（行政区划5105xx）；新型研发机构也可牵头',
  'member units besides the lead, at least': '牵头单位以外的成员单位不少于',
  'members registered outside Luzhou, at least': '在泸州以外注册的成员不少于',
  'the members signed a formation agreement': '成员签署组建协议',
  'the application carries an integrity commitment (诚信承诺书)': '申报材料附诚信承诺书',
  'applications are taken once a year, on a call': '每年集中受理一次申报',
  'district/park preliminary review, then municipal expert review': '区（园区）初审，再经市级专家评审',
  'public notice of at least 5 working days': '公示不少于5个工作日',
  'evaluated every this many years': '每隔若干年评估一次',
  'consecutive unqualified evaluations that cancel the filing and delist (取消备案并摘牌)':
    '连续若干次评估不合格的，取消备案并摘牌',
  'post-subsidy per new pilot or transformation platform, at most': '每个新建中试熟化或成果转化平台的后补助不超过',
  'post-subsidy per transformation project, at most': '每个成果转化项目的后补助不超过',
  '新建中试熟化/成果转化平台: post-subsidy ≤ 100万 per platform':
    '新建中试熟化/成果转化平台：每个平台后补助不超过100万元',
  '成果转化项目: post-subsidy ≤ 500万 per project': '成果转化项目：每个项目后补助不超过500万元',
  'a unit is a 盟主 while its alliance is active: the registry of 盟主 that every Liaoning grant reads':
    '单位在其联盟有效期间为“盟主”：辽宁每笔补助均查阅的盟主登记',
  'typical substantive alliances led by an enterprise 盟主 in the 14th Five-Year Plan (2021–2025): 1000 or more (构建由企业做“盟主”的典型实质性产学研联盟1000个以上)':
    '“十四五”期间构建由企业做“盟主”的典型实质性产学研联盟1000个以上',
  'the mengzhu (盟主) is an independent legal-person enterprise registered and operating in Liaoning (division 21xxxx)':
    '“盟主”为在辽宁注册运营的独立法人企业（行政区划21xxxx）',
  'universities or research institutes among the members, at least': '成员中的高校或科研院所不少于',
  'a legally binding agreement with explicit innovation goals is signed': '签订具有法律约束力、创新目标明确的协议',
  "the city's review and confirmation (审核确认)": '市级审核确认',
  'an evaluation covers these 10 aspects': '评估涵盖以下10个方面',
  'operating funds for the 盟主, at least': '盟主运行经费不低于',
  'operating funds for the 盟主, at most': '盟主运行经费不超过',
  "provincial funds, at most this percentage of the project's total investment": '省级资金不超过项目总投资的百分比',
  'provincial funds per project, at most': '每个项目的省级资金不超过',
  '带土移植 support, at least': '带土移植支持不低于',
  '带土移植 support, at most': '带土移植支持不超过',
  'annual support per alliance: no cap': '每个联盟的年度支持：不设上限',
  '重点科技攻关计划 project support to the 盟主: the text states no amount':
    '重点科技攻关计划对盟主的项目支持：原文未规定金额',
  '成果转化及中试基地 post-subsidy: the text states no amount (特别重大项目 一事一议)':
    '成果转化及中试基地后补助：原文未规定金额（特别重大项目一事一议）',
  '技术能力提升后补助 in proportion to R&D spending: the text states no amount or proportion':
    '技术能力提升后补助按研发投入比例：原文未规定金额或比例',
  'support to one 盟主 in a fiscal year, all categories and roles together, at most':
    '一个盟主一个财政年度所获支持（各类别、各身份合计）不超过',
  '盟主运行经费: operating funds for the 盟主, by tier': '盟主运行经费：分档支持',
  '揭榜挂帅 project: provincial funds ≤ 30% of the total investment and ≤ 1000万, per project':
    '揭榜挂帅项目：省级资金不超过项目总投资的30%且不超过1000万元，按项目计',
  '带土移植 talent or team introduction: 100万–1000万 each': '带土移植引进人才或团队：每项100万至1000万元',
  '重点科技攻关计划: joint research on 卡脖子, frontier and common key technologies, led by the 盟主':
    '重点科技攻关计划：由盟主牵头开展卡脖子、前沿和共性关键技术联合攻关',
  '成果转化及中试基地 post-subsidy: to the alliance unit (盟主 or member) leading the project or pilot base':
    '成果转化及中试基地后补助：给予牵头项目或中试基地的联盟单位（盟主或成员）',
  '科技型中小企业技术能力提升 post-subsidy, in proportion to R&D spending: to an enterprise member or the 盟主':
    '科技型中小企业技术能力提升后补助，按研发投入比例：给予企业成员或盟主',
  'the responsible unit (对外责任主体单位) is an independent legal person registered in Tianjin (division 12xxxx)':
    '对外责任主体单位为在天津注册的独立法人（行政区划12xxxx）',
  'member units, the responsible unit included, at least': '成员单位（含对外责任主体单位）不少于',
  'kinds each present at least once among the member units': '各类单位在成员单位中至少各有一家',
  'core members are enterprises registered in Tianjin (division 12xxxx)':
    '核心成员为在天津注册的企业（行政区划12xxxx）',
  'enterprise members registered in Tianjin, more than (percent of enterprise members)':
    '在天津注册的企业成员超过（占企业成员百分比）',
  "a legally binding agreement signed by all members' legal representatives":
    '全体成员法定代表人签署具有法律约束力的协议',
  'these bodies exist': '设立以下机构',
  'formal and technical review, then expert review': '形式审查和技术审查，再经专家评审',
  'public notice before filing (备案)': '备案前公示',
  'evaluated every this many years from filing (备案)': '自备案起每隔若干年评估一次',
  "the year's summary and next year's plan are due by this month-day of the year":
    '本年度总结和下一年度计划于每年该月日前报送',
  'subsidy to a newly filed alliance, at most': '新备案联盟补助不超过',
  'filing subsidies per alliance': '每个联盟的备案补助次数',
  'subsidy on inclusion in the national pilot': '纳入国家联盟试点的补助',
  'national-pilot subsidies per alliance': '每个联盟的国家试点补助次数',
  'award after an evaluation, at most': '评估后的奖励不超过',
  'awards per evaluation': '每次评估的奖励次数',
  '新备案联盟: subsidy ≤ 50万, once': '新备案联盟：补助不超过50万元，一次',
  '新纳入国家联盟试点: 50万, once': '新纳入国家联盟试点：50万元，一次',
  '评估择优: ≤ 30万 after an evaluation graded excellent, once per evaluation':
    '评估择优：评估优秀后奖励不超过30万元，每次评估一次',
  'zones are designated (approved) under the guideline while it is in force': '指引有效期内认定（批准）示范区',
  '上年度技术合同成交额 (technology input included) at least 5000万元':
    '上年度技术合同成交额（含技术输入）不低于5000万元',
  '每万人口高价值发明专利拥有量 at least 1.50 (in hundredths)':
    '每万人口高价值发明专利拥有量不低于1.50（以百分之一计）',
  '技术转移机构 at least 10: national + regional + university/institute + other, together':
    '技术转移机构不少于10家：国家级、自治区级、高校院所及其他合计',
  '技术经纪人/经理人 at least 10': '技术经纪人/经理人不少于10人',
  '园区企业数量 at least 80': '园区企业数量不少于80家',
  '高新技术企业和科技型中小企业 at least 30% of park enterprises (basis points; 以上 includes 30%)':
    '高新技术企业和科技型中小企业占园区企业30%以上（以万分之一计；以上含30%）',
  '高新技术产业营业总收入 at least 30% of park revenue (basis points; 以上 includes 30%)':
    '高新技术产业营业总收入占园区营业收入30%以上（以万分之一计；以上含30%）',
  '投融资机构 + 众创空间 + 孵化器 + other platforms at least 10, together':
    '投融资机构、众创空间、孵化器及其他平台合计不少于10家',
  '科技企业孵化器在孵企业数 at least 35': '科技企业孵化器在孵企业数不少于35家',
  '地方财政设立科技成果转移转化专项资金 (qualitative: yes)': '地方财政设立科技成果转移转化专项资金（定性：是）',
  "园区内研发经费投入占园区GDP的比重高于全区平均水平: the park's R&D spending / park GDP above the region's average":
    '园区内研发经费投入占园区GDP的比重高于全区平均水平',
  '技术交易项数、金额等主要指标实现持续增长: the number and turnover of technology contracts grow year on year':
    '技术交易项数、金额等主要指标实现持续增长：技术合同项数和成交额逐年增长',
  'each zone reports every year by 31 December': '示范区每年12月31日前报送年度报告',
  'zones approved at least 3 years are evaluated every 3 years; grades 优秀/合格/不合格':
    '获批满3年的示范区每3年评估一次；评估结果分为优秀、合格、不合格',
  "months before a cycle's due date from which its evaluation is accepted": '周期到期日前若干个月起受理该周期评估',
  '优秀 → recommended first for national-level zones': '优秀 → 优先推荐申报国家级示范区',
  '不合格 → a 2-year rectification period': '不合格 → 给予为期2年整改期限',
  'still 不合格 when the rectification period ends → removed from the list': '整改期满评估仍不合格 → 从名单中撤销',
};
