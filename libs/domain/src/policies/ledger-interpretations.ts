import { say } from '../shared/sentence';
/**
 * The policy catalogue's version, and the Ledger interpretations it adds to the texts where they are vague: each named,
 * dated and tied to the rules it reads, so that a supervisor can tell which reading decided an event (events record the
 * catalogue version they were decided under; an event is never judged again under a later one).
 */
import { BusinessDate } from '../shared/dates';
import { Rejection } from '../shared/decision';
import { invalidInput } from '../shared/input-problems';
import { param, PolicyParam, RuleRef } from '../shared/rule';

/** The catalogue in force: raise it with every change to a rule, parameter or interpretation. */
export const POLICY_CATALOGUE_VERSION = '2026-12-03';

/** Events recorded before events carried a catalogue version were decided under this one. */
export const FIRST_CATALOGUE_VERSION = '2025-11-01';

export interface LedgerInterpretation {
  id: string;
  /** The catalogue version that introduced it. */
  since: BusinessDate;
  rules: ReadonlyArray<string>;
  text: string;
  /** What it replaces, when it reverses an earlier reading. */
  replaces?: string;
}

const interpretation = (entry: LedgerInterpretation): LedgerInterpretation => entry;

export const LEDGER_INTERPRETATIONS = {
  noFutureFacts: interpretation({
    id: 'ledger.no-future-facts',
    since: '2026-12-01',
    rules: ['ledger.no-future-facts'],
    text:
      'A fact (a filing, review, objection, approval, evaluation, report, grant, disbursement, refund, …) is not dated ' +
      "after the ledger's business today: such a command is invalid input (400) for every module alike. A plan may be: " +
      "a public notice's start (`startsOn`) may lie ahead.",
    replaces: 'Consortia and subsidies accepted future dates (a ledger records decisions taken on paper in advance).',
  }),
  programmeTargets: interpretation({
    id: 'ledger.programme-targets',
    since: '2026-12-01',
    rules: ['nmg.consortia-target', 'liaoning.alliances-target'],
    text:
      'A programme target counts the consortia under the policy that are active today (approved, not dissolved, ' +
      'delisted or otherwise ended). Targets refuse nothing: the dashboard shows progress toward them.',
  }),
  mengzhuStatus: interpretation({
    id: 'liaoning.mengzhu-status',
    since: '2026-12-01',
    rules: ['liaoning.mengzhu-annual-cap'],
    text:
      "A unit is a 盟主 from its alliance's approval until that alliance ends (dissolved, delisted) or takes another " +
      '盟主; the registry of 盟主 (one stream per unit) records it. Whenever a unit that is a 盟主 receives any ' +
      'liaoning-2021-alliance grant — as 盟主 or as a member of another alliance — everything it received under the ' +
      'policy in that fiscal year counts, grants received before it became 盟主 included, and a grant that would take ' +
      'the total over 2000万 is refused. Approval is never refused for past receipts.',
    replaces:
      'The cap was checked only when the unit received as 盟主 of the alliance paying it, so the order of grants mattered.',
  }),
  nmgNamingScripts: interpretation({
    id: 'nmg.naming-scripts',
    since: '2026-12-01',
    rules: ['nmg.naming'],
    text:
      'The approved name has the form 内蒙古自治区×××产业链创新联合体; the text writes it in traditional characters ' +
      '(內蒙古自治區×××產業鏈創新聯合體), so each part is accepted in either script, and ××× is any non-empty name of the ' +
      'chain. Checked with the other eligibility rules, at filing and at approval.',
  }),
  liaoningSupportWithoutAmounts: interpretation({
    id: 'liaoning.support-without-amounts',
    since: '2026-12-01',
    rules: ['liaoning.key-project', 'liaoning.transformation', 'liaoning.rd-reward'],
    text:
      '若干政策 4–6 set up the 重点科技攻关计划 (to the 盟主), the 成果转化及中试基地 post-subsidy (to the 盟主 or the member ' +
      'leading the project or pilot base) and the 技术能力提升 post-subsidy (to an enterprise of the alliance, in ' +
      'proportion to its R&D spending) but give no amount: no per-grant limit is applied (each grant records that the ' +
      'text sets none), and every one of them counts toward the 盟主 annual cap (若干政策 7).',
  }),
  evaluationWindow: interpretation({
    id: 'ledger.evaluation-window',
    since: '2026-12-01',
    rules: ['luzhou.evaluation-cycle', 'tianjin.evaluation-cycle', 'zone.evaluation-cycle'],
    text:
      'Evaluations fall due on the anniversaries of the cycle (every 2 years from listing under Luzhou, 3 years from ' +
      '备案 under Tianjin, 3 years from approval for zones). An evaluation is accepted from 3 months before its due ' +
      'date and belongs to that cycle; each cycle takes one evaluation; one dated before the first window opens is ' +
      'refused, so it can never count toward delisting. A late evaluation belongs to the cycle whose window it falls ' +
      'in. `period` stays a free label.',
    replaces:
      'The next evaluation was due a cycle after the previous evaluation, and an early one was recorded with a failing ' +
      'check.',
  }),
  tianjinEndWins: interpretation({
    id: 'tianjin.end-wins',
    since: '2026-12-01',
    rules: ['tianjin.evaluation-cycle', 'tianjin.evaluation-award', 'lifecycle.in-force'],
    text:
      "The measures end on 2020-12-31 (第二十一条), before any alliance's first evaluation window (3 years from 备案, " +
      'less 3 months): no Tianjin evaluation can be recorded, so tianjin.evaluation-award can never be granted. The ' +
      'end date wins over the cycle. Evaluations recorded before this reading stay recorded but belong to no cycle ' +
      'and earn no award.',
    replaces: 'An evaluation before the 3 years was recorded with a failing cycle check, and could earn the award.',
  }),
  waivers: interpretation({
    id: 'ledger.waivers',
    since: '2026-12-01',
    rules: [
      'nmg.one-per-lead',
      'nmg.members-min',
      'nmg.members-in-region',
      'nmg.members-enterprises',
      'luzhou.lead',
      'luzhou.members-min',
      'luzhou.annual-call',
      'tianjin.members-min',
      'tianjin.core-local',
    ],
    text:
      'A rule whose clause says 原则上 ("as a rule") can be waived for one consortium, on the approving document\'s ' +
      'number: in the filing body for the rules that refuse the filing itself (nmg.one-per-lead, luzhou.annual-call), ' +
      'or by an officer at any time before the consortium ends for the rules checked at approval. A waived rule that ' +
      'fails shows ok: true with the waiver (reference, reason, actor) in every later verdict, and the approval cites ' +
      'it; a waiver of a rule about the lead holds while the unit it was granted for leads. A rule without 原则上 ' +
      'cannot be waived (422).',
  }),
  zoneRectificationAtEnd: interpretation({
    id: 'zone.rectification-at-end',
    since: '2026-12-01',
    rules: ['zone.rectification', 'zone.removal', 'zone.evaluation-cycle'],
    text:
      'A rectification (2 years from the unqualified evaluation, 七(三) 给予为期2年整改期限) is judged when it ends ' +
      '(到期评估): no evaluation before its end date is accepted. The evaluation on or after the end decides: 不合格 ' +
      'removes the zone; 合格 or 优秀 puts it back in good standing, and its evaluation cycles count from that ' +
      'evaluation: the next is due 3 years after it, accepted from 3 months before.',
    replaces:
      'A qualified or excellent evaluation during the period ended it early, and the cycles kept counting from approval.',
  }),
  grantOnItsDate: interpretation({
    id: 'ledger.grant-on-its-date',
    since: '2026-12-03',
    rules: ['ledger.recipient-member', 'liaoning.mengzhu-annual-cap'],
    text:
      "A grant is judged on the consortium as it stood at the end of the grant's date (`grantedOn`): its lead and its " +
      'members then, whatever changed since. A grant recorded after a lead change but dated before it is the former ' +
      "lead's, as lead (and, under liaoning-2021-alliance, as 盟主); a new lead, or a member that joined later, " +
      "receives nothing dated before it took its place. The 盟主's annual cap (liaoning.mengzhu-status) binds a unit " +
      'in every fiscal year it was a 盟主 for a day, as far as the registry of 盟主 knows when the grant is decided: a ' +
      "grant dated in such a year escapes it neither by being recorded after the unit's alliance ended or took another " +
      '盟主, nor by being dated after that day.',
    replaces:
      'The lead and members were read as they stood when the grant was recorded, and a 盟主 from the registry as it ' +
      "stood then: after a lead change, or once an alliance ended, a grant dated earlier escaped the 盟主's cap, and a " +
      'new lead or a later member could receive a grant dated before it joined.',
  }),
  tianjinMemberKindsApart: interpretation({
    id: 'tianjin.member-kinds-apart',
    since: '2026-12-03',
    rules: ['tianjin.members-min', 'tianjin.member-kinds', 'ledger.waivers'],
    text:
      '第十一条(三) 联盟成员单位原则上不少于10家,要由企业、高校和科研机构等多个独立法人组成: 原则上 qualifies the count ' +
      'only. The kinds (also 第九条(一)) are tianjin.member-kinds, which says no 原则上 and cannot be waived; a waiver ' +
      'of tianjin.members-min sets aside the count, never a missing kind. A filing recorded before keeps its verdicts ' +
      'as recorded. What is decided from this version on — the approval, a member or lead change — checks ' +
      'tianjin.member-kinds, even where tianjin.members-min was waived before: a filing without one of the kinds is ' +
      'approved once a unit of that kind has joined it. An alliance approved before stays approved; its later member ' +
      'changes record the verdict, as they record every verdict, and refuse nothing.',
    replaces:
      'tianjin.members-min held the count and the kinds in one verdict, so a waiver of it set aside a missing ' +
      'enterprise, university or research institute too.',
  }),
  zoneEvaluationFromAnniversary: interpretation({
    id: 'zone.evaluation-from-anniversary',
    since: '2026-12-03',
    rules: ['zone.evaluation-cycle', 'zone.rectification'],
    text:
      '六(四) 自治区科技厅对批准设立满3年的示范区组织开展绩效评估,评估周期为3年: a zone is evaluated once it has been ' +
      'approved 3 years (满3年), from the third anniversary of its approval on, never before; each later cycle likewise ' +
      'from its anniversary (the sixth, the ninth, …), and after a rectification from the anniversaries of the ' +
      'evaluation that restored it (zone.rectification-at-end). An evaluation takes the cycle of the latest anniversary ' +
      'on or before its date; one per cycle. Evaluations recorded before keep the cycle they took and what they ' +
      'decided (a rectification they started runs on). Luzhou and Tianjin keep ledger.evaluation-window.',
    replaces:
      'ledger.evaluation-window held for zones too: an evaluation was accepted from 3 months before its due date, so a ' +
      'zone could be evaluated, and put into rectification, before it had been approved 3 years.',
  }),
  zoneRdIntensityAverage: interpretation({
    id: 'zone.rd-intensity-average',
    since: '2026-12-01',
    rules: ['zone.rd-intensity'],
    text:
      '四(三) 园区内研发经费投入占园区GDP的比重高于全区平均水平: a report giving `rdSpending` and `parkGdp` passes when ' +
      "R&D spending / park GDP is strictly above the region's average for the report's year, compared exactly " +
      '(R&D × 1,000,000 > average in millionths × GDP). The average is recorded per year by an administrator ' +
      '(RegionalAverageRecorded). A report is judged on the average the ledger held when it was recorded, and the ' +
      'finding is kept: with no average yet, or without the two figures, the finding is "not assessed" and stays so; ' +
      'an average recorded or revised later applies to reports (and corrections) recorded after it.',
  }),
  zoneGrowthYearOnYear: interpretation({
    id: 'zone.growth-year-on-year',
    since: '2026-12-01',
    rules: ['zone.growth'],
    text:
      '四(二) 技术交易项数、金额等主要指标实现持续增长: a report passes when both the number of technology contracts ' +
      "(`techContractCount`) and their turnover (技术合同成交额) are strictly above those of the zone's report for the " +
      'previous year, as the ledger held it when this report was recorded. With no report for the previous year, or ' +
      'no contract count in either, that part is "not assessed"; a later report or correction of the previous year ' +
      'does not judge this one again.',
  }),
} as const;

/** ledger.evaluation-window: how long before its due date a cycle's evaluation is accepted, in months. */
export const EVALUATION_WINDOW_MONTHS: PolicyParam<number> = param(
  LEDGER_INTERPRETATIONS.evaluationWindow.id,
  `Ledger interpretation ${LEDGER_INTERPRETATIONS.evaluationWindow.since}`,
  "months before a cycle's due date from which its evaluation is accepted",
  3,
  // Every business date: the catalogue version, not the business date, decides which commands this reading judges.
  '1949-10-01',
  { interpretation: LEDGER_INTERPRETATIONS.evaluationWindow.text },
);

/** The rule a future-dated fact breaks, for the rejection. */
export const NO_FUTURE_FACTS: RuleRef = {
  rule: LEDGER_INTERPRETATIONS.noFutureFacts.id,
  citation: `Ledger interpretation ${LEDGER_INTERPRETATIONS.noFutureFacts.since}`,
};

/** ledger.no-future-facts: a well-formed date after the ledger's today, as the rejection every module answers. */
export function futureFact(field: string, date: BusinessDate, today: BusinessDate): Rejection | undefined {
  if (date <= today) return undefined;
  return invalidInput(
    [{ field, problem: say`must not be after today (${today}): ${date} has not happened yet` }],
    NO_FUTURE_FACTS,
  );
}
