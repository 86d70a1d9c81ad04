import { BusinessDate, addYears } from '../../shared/dates';
import { ConsortiumDelisted, EvaluationRecorded } from '../consortium.events';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumState } from '../consortium.state';
import { Decision, reject } from '../../shared/decision';
import { Grade } from '../../shared/procedure';
import { PolicyParam, RuleCheck, check, paramOn } from '../../shared/rule';
import { RecordEvaluation } from '../consortium.commands';
import { outsidePolicyPeriod, ruleViolated } from '../consortium.assessment';
import { oneOfProblems, textProblems } from '../../shared/input-problems';
import { InputProblem, invalidInput } from '../../shared/input-problems';
import { nextDueWithinPolicy } from '../../policies/policy';

const GRADES: Grade[] = ['excellent', 'qualified', 'unqualified'];

export function decideEvaluation(
  command: RecordEvaluation,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
): Decision<EvaluationRecorded | ConsortiumDelisted> {
  const { consortiumId, period, on, grade, scores } = command.data;
  const rules = policy.evaluation;
  const ref = { rule: rules.rule, citation: rules.citation };
  const problems: InputProblem[] = [
    ...textProblems('period', period),
    ...oneOfProblems('grade', grade, GRADES),
    ...(scores === undefined || isScores(scores)
      ? []
      : [{ field: 'scores', problem: 'must map aspects to finite numbers' }]),
  ];
  if (problems.length) return invalidInput(problems);
  if (state.status !== 'active')
    return reject(
      'invalid-state',
      `only an active consortium is evaluated; consortium ${consortiumId} is ${state.status}`,
      ref,
    );
  const outside = outsidePolicyPeriod(policy, on, 'evaluation');
  if (outside) return outside;
  const earlier = state.evaluations.find((e) => e.period === period);
  if (earlier)
    return ruleViolated(ref, `the period ${period} was already evaluated on ${earlier.on}; a period is evaluated once`);

  const checks: RuleCheck[] = [];
  if (rules.aspects) {
    const aspectsRef = { rule: rules.aspects.rule, citation: rules.aspects.citation };
    const keys = Object.keys(scores ?? {});
    const missing = paramOn(rules.aspects, on).filter((a) => !keys.includes(a.key) && !keys.includes(a.name));
    const aspectsCheck = check(
      aspectsRef,
      missing.length === 0,
      missing.length === 0
        ? 'every aspect is scored'
        : `not scored: ${missing.map((a) => `${a.name} (${a.key})`).join(', ')}`,
    );
    if (!aspectsCheck.ok)
      return ruleViolated(aspectsCheck, `an evaluation covers every aspect; ${aspectsCheck.detail}`, [aspectsCheck]);
    checks.push(aspectsCheck);
  }
  let nextEvaluationDueOn: BusinessDate | undefined;
  if (rules.cycleYears) {
    const cycleRef = { rule: rules.cycleYears.rule, citation: rules.cycleYears.citation };
    // The cycle's date even where it falls after the policy's end (and so is not published as due).
    const due = state.nextEvaluationDueOn ?? cycleDueOn(state, rules.cycleYears);
    const afterEnd =
      due !== undefined && nextDueWithinPolicy(policy, due) === undefined
        ? ` (after ${policy.id} ends on ${policy.inForce.to})`
        : '';
    checks.push(
      due === undefined || on >= due
        ? check(cycleRef, true, due ? `due on ${due}, evaluated on ${on}` : `evaluated on ${on}`)
        : check(cycleRef, false, `evaluated early: due on ${due}${afterEnd}, evaluated on ${on}`),
    );
    nextEvaluationDueOn = nextDueWithinPolicy(policy, addYears(on, paramOn(rules.cycleYears, on)));
  }
  const recorded: EvaluationRecorded = {
    type: 'EvaluationRecorded',
    data: {
      consortiumId,
      period,
      on,
      grade,
      ...(scores !== undefined ? { scores } : {}),
      checks,
      ...ref,
      ...(nextEvaluationDueOn ? { nextEvaluationDueOn } : {}),
    },
  };
  const delisting = delistingAfter(state, policy, period, grade, on);
  return delisting ? [recorded, delisting] : [recorded];
}

/** When the cycle brings the next evaluation: its length after the latest evaluation, or after approval. */
function cycleDueOn(state: ConsortiumState, cycleYears: PolicyParam<number>): BusinessDate | undefined {
  const from = state.evaluations.length ? state.evaluations[state.evaluations.length - 1].on : state.approvedOn;
  return from ? addYears(from, paramOn(cycleYears, from)) : undefined;
}

/** luzhou.delist: the n-th consecutive unqualified evaluation (in the order recorded) cancels the filing. */
function delistingAfter(
  state: ConsortiumState,
  policy: ConsortiumPolicy,
  period: string,
  grade: Grade,
  on: BusinessDate,
): ConsortiumDelisted | null {
  const delist = policy.evaluation.delistAfterConsecutiveUnqualified;
  if (!delist || grade !== 'unqualified') return null;
  const needed = paramOn(delist, on);
  const history = [...state.evaluations.map((e) => ({ period: e.period, grade: e.grade })), { period, grade }];
  const lastQualified = history.map((e) => e.grade).lastIndexOf('qualified');
  const lastExcellent = history.map((e) => e.grade).lastIndexOf('excellent');
  const streak = history.slice(Math.max(lastQualified, lastExcellent) + 1);
  if (streak.length < needed) return null;
  return {
    type: 'ConsortiumDelisted',
    data: {
      consortiumId: state.id,
      on,
      reason: `${streak.length} consecutive unqualified evaluations`,
      periods: streak.map((e) => e.period),
      rule: delist.rule,
      citation: delist.citation,
    },
  };
}

const isScores = (scores: unknown): scores is Record<string, number> =>
  typeof scores === 'object' &&
  scores !== null &&
  !Array.isArray(scores) &&
  Object.values(scores).every((v) => typeof v === 'number' && Number.isFinite(v));
