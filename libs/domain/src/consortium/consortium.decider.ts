import { say } from '../shared/sentence';
/**
 * The consortium decider: decide(command, state, context) → events | rejection; evolve(state, event) → state.
 *
 * Choices where API.md leaves things open (POLICIES.md's Ledger interpretations live in the policies):
 * - A command to a consortium that does not exist: `not-found`. To an ended one (dissolved, delisted, rejected,
 *   withdrawn): `invalid-state`, naming the rule that ended it.
 * - Business dates never go backwards: a command dated before the consortium's latest recorded date is
 *   `rule-violated`, naming the rule of the step it belongs to (lifecycle.dates for membership, lead and name changes).
 * - Reviews are recorded in the policy's step order while filed / under review; the notice starts once every step
 *   passed (the latest outcome per stage counts, so a failed stage can be reviewed again).
 * - Approval is tried from filed, under-review or public-notice; refused, it names every unmet rule at once.
 * - Objections are recorded and resolved during the public notice (status public-notice), whatever their date.
 * - Rejection and withdrawal end a filing (before approval); dissolution ends an active consortium.
 * - Members and lead may change before and after approval; eligibility is re-assessed and recorded on the event.
 * - A new lead (where it does not dissolve the consortium) must pass the lead rules; the former lead stays a member.
 * - Evaluations and annual reports concern active consortia; a period (a year) is recorded once.
 * - Evaluations under a cycle fall due on the anniversaries of approval and are accepted from a window before each
 *   (ledger.evaluation-window); a next due date is set only where it falls within the policy's period: Tianjin's ends
 *   2020-12-31 (第二十一条), before any first window, so no Tianjin evaluation is recorded (tianjin.end-wins). evolve
 *   drops such a date from old events too.
 * - A 原则上 rule can be waived for one consortium (ledger.waivers, consortium.waivers.ts).
 * - Bad input is `invalid-input` with `details: [{ field, problem }]`, the field named as the HTTP request names it
 *   (`members[3].creditCode`, `newLead.kind`, `on`); nothing is recorded.
 *
 * Every event names the rule that made its step legitimate (`rule`, `citation` at the top of its data):
 * | event                               | rule                                                                        |
 * |-------------------------------------|-----------------------------------------------------------------------------|
 * | ConsortiumFiled                     | `procedure.filing`: tianjin.filing-steps 第十二条(一); luzhou.annual-call    |
 * |                                     | 第三条(一)(二); lifecycle.filing (nmg 四(二), liaoning: the shared lifecycle) |
 * | ReviewRecorded                      | `procedure.reviewSteps` (lifecycle.review-steps, luzhou.review-chain, …)     |
 * | PublicNoticeStarted                 | `procedure.notice`                                                          |
 * | ObjectionRecorded/ObjectionResolved | `procedure.objections` (lifecycle.objections, luzhou.review-chain 第三条(四), |
 * |                                     | tianjin.filing-steps 第十二条(四))                                           |
 * | ConsortiumApproved/Rejected         | `procedure.approval`                                                        |
 * | ConsortiumWithdrawn                 | `procedure.withdrawal` (lifecycle.withdrawal)                               |
 * | MemberAdded/MemberRemoved           | `procedure.members`: lifecycle.members (nmg cites 六(三))                    |
 * | LeadChanged                         | `onLeadChange`: nmg.dissolve-on-lead-change 六(三) where it dissolves; else  |
 * |                                     | the lead rule the new lead passed (luzhou.lead, liaoning.mengzhu, tianjin.lead) |
 * | ConsortiumRenamed                   | `onRename`: nmg.dissolve-on-rename 六(三) where it dissolves; else lifecycle.rename |
 * | EvaluationRecorded                  | `evaluation` (luzhou.evaluation-cycle, tianjin.evaluation-cycle, …)         |
 * | ConsortiumDissolved                 | the effect's rule (lead change, rename) or `procedure.dissolution`          |
 * | ConsortiumDelisted                  | luzhou.delist 第五条(二)                                                     |
 * | AnnualReportRecorded                | `annualReport` (tianjin.annual-report 第十七条)                               |
 * | RuleWaived                          | the waived rule and its 原则上 clause (nmg.members-min 三(三), …)             |
 * The `lifecycle.*` ids and what they say are in policies/lifecycle-rules.ts.
 */
import { LIFECYCLE_CITATION, lifecycleRule } from '../policies/lifecycle-rules';
import { ConsortiumPolicy } from '../policies/policy';
import { Decision, reject } from '../shared/decision';
import { RuleRef } from '../shared/rule';
import { ruleViolated } from './consortium.assessment';
import { ConsortiumCommand } from './consortium.commands';
import { ConsortiumContext } from './consortium.context';
import { ConsortiumEvent } from './consortium.events';
import { ConsortiumState, ENDED_STATUSES, evolve, initialState } from './consortium.state';
import type { Decider } from '../shared/decider';
import { dateProblems, invalidInput } from '../shared/input-problems';
import { futureFact } from '../policies/ledger-interpretations';
import { decideAddMember } from './decisions/add-member.decision';
import { decideAnnualReport } from './decisions/record-annual-report.decision';
import { decideApproval } from './decisions/approve-consortium.decision';
import { decideDissolution } from './decisions/dissolve-consortium.decision';
import { decideEvaluation } from './decisions/record-evaluation.decision';
import { decideFiling } from './decisions/file-consortium.decision';
import { decideLeadChange } from './decisions/change-lead.decision';
import { decideNotice } from './decisions/start-public-notice.decision';
import { decideObjection } from './decisions/record-objection.decision';
import { decideRejection } from './decisions/reject-consortium.decision';
import { decideRemoveMember } from './decisions/remove-member.decision';
import { decideRename } from './decisions/rename-consortium.decision';
import { decideResolution } from './decisions/resolve-objection.decision';
import { decideReview } from './decisions/record-review.decision';
import { decideWithdrawal } from './decisions/withdraw-consortium.decision';
import { decideWaiver } from './decisions/waive-rule.decision';
import { statusWord } from '../shared/status-words';

type LaterCommand = Exclude<ConsortiumCommand, { type: 'FileConsortium' }>;

export function decide(
  command: ConsortiumCommand,
  state: ConsortiumState,
  context: ConsortiumContext,
): Decision<ConsortiumEvent> {
  if (command.type === 'FileConsortium') return decideFiling(command, state, context);
  const { policy } = context;
  const id = command.data.consortiumId;
  if (!state.exists) return reject('not-found', say`no consortium ${id}`);
  if (policy.id !== state.policy)
    throw new Error(`consortium ${id} is under ${state.policy}; the context holds ${policy.id}`);
  if (ENDED_STATUSES.includes(state.status)) {
    return reject(
      'invalid-state',
      say`consortium ${id} was ${statusWord(state.status)} on ${state.ended?.on}; it accepts no command but queries`,
      {
        rule: state.ended?.rule ?? lifecycleRule('ended').rule,
        citation: state.ended?.citation ?? LIFECYCLE_CITATION,
      },
    );
  }
  const [field, on] = dateOf(command, context);
  const badDate = dateProblems(field, on);
  if (badDate.length) return invalidInput(badDate);
  // A public notice's start is a plan and may lie ahead; every other date is a fact (ledger.no-future-facts).
  const future = command.type === 'StartPublicNotice' ? undefined : futureFact(field, on, context.today);
  if (future) return future;
  if (on < state.lastOn) {
    return ruleViolated(
      dateRuleOf(command, policy),
      say`${field} ${on} is before ${state.lastOn}, the latest date recorded for consortium ${id}; dates do not go backwards`,
    );
  }
  switch (command.type) {
    case 'RecordReview':
      return decideReview(command, state, policy);
    case 'StartPublicNotice':
      return decideNotice(command, state, policy);
    case 'RecordObjection':
      return decideObjection(command, state, policy);
    case 'ResolveObjection':
      return decideResolution(command, state, policy);
    case 'ApproveConsortium':
      return decideApproval(command, state, policy);
    case 'RejectConsortium':
      return decideRejection(command, state, policy);
    case 'WithdrawConsortium':
      return decideWithdrawal(command, state, policy);
    case 'AddMember':
      return decideAddMember(command, state, policy);
    case 'RemoveMember':
      return decideRemoveMember(command, state, policy, on);
    case 'ChangeLead':
      return decideLeadChange(command, state, policy);
    case 'RenameConsortium':
      return decideRename(command, state, policy);
    case 'RecordEvaluation':
      return decideEvaluation(command, state, policy);
    case 'DissolveConsortium':
      return decideDissolution(command, state, policy);
    case 'WaiveRule':
      return decideWaiver(command, state, policy, context);
    case 'RecordAnnualReport':
      return decideAnnualReport(command, state, policy);
    default:
      return invalidInput([
        {
          field: 'type',
          problem: say`is not a consortium command: ${JSON.stringify((command as { type?: unknown }).type)}`,
        },
      ]);
  }
}

function dateOf(command: LaterCommand, context: ConsortiumContext): [string, string] {
  switch (command.type) {
    case 'StartPublicNotice':
      return ['startsOn', command.data.startsOn];
    case 'RecordAnnualReport':
      return ['submittedOn', command.data.submittedOn];
    case 'RemoveMember':
      return ['on', command.data.on ?? context.today];
    default:
      return ['on', (command.data as { on: string }).on];
  }
}

function dateRuleOf(command: LaterCommand, policy: ConsortiumPolicy): RuleRef {
  const ref = (p: RuleRef): RuleRef => ({ rule: p.rule, citation: p.citation });
  switch (command.type) {
    case 'RecordReview':
      return ref(policy.procedure.reviewSteps);
    case 'StartPublicNotice':
      return ref(policy.procedure.notice);
    case 'RecordObjection':
    case 'ResolveObjection':
      return ref(policy.procedure.objections);
    case 'ApproveConsortium':
    case 'RejectConsortium':
      return ref(policy.procedure.approval);
    case 'WithdrawConsortium':
      return ref(policy.procedure.withdrawal);
    case 'DissolveConsortium':
      return ref(policy.procedure.dissolution);
    case 'RecordEvaluation':
      return ref(policy.evaluation);
    case 'RecordAnnualReport':
      return policy.annualReport ? ref(policy.annualReport) : lifecycleRule('dates');
    default:
      return lifecycleRule('dates');
  }
}

export const consortiumDecider: Decider<ConsortiumCommand, ConsortiumEvent, ConsortiumState, ConsortiumContext> = {
  decide,
  evolve,
  initialState,
};
