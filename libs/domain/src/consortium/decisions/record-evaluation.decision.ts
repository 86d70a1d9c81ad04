import { say } from '../../shared/sentence';
import { BusinessDate } from '../../shared/dates';
import { Cycle, cycleNumbered, cycleOf, EvaluationCycles } from '../../shared/evaluation-cycle';
import { EVALUATION_WINDOW_MONTHS } from '../../policies/ledger-interpretations';
import { ConsortiumDelisted, EvaluationRecorded } from '../consortium.events';
import { ConsortiumPolicy } from '../../policies/policy';
import { ConsortiumState } from '../consortium.state';
import { Decision, reject, Rejection } from '../../shared/decision';
import { Grade } from '../../shared/procedure';
import { PolicyParam, RuleCheck, check, paramOn, refOf } from '../../shared/rule';
import { RecordEvaluation } from '../consortium.commands';
import { outsidePolicyPeriod, ruleViolated } from '../consortium.assessment';
import { oneOfProblems, textProblems } from '../../shared/input-problems';
import { InputProblem, invalidInput } from '../../shared/input-problems';
import { nextDueWithinPolicy } from '../../policies/policy';
import { statusWord } from '../../shared/status-words';

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
      : [{ field: 'scores', problem: say`must map aspects to finite numbers` }]),
  ];
  if (problems.length) return invalidInput(problems);
  if (state.status !== 'active')
    return reject(
      'invalid-state',
      say`only an active consortium is evaluated; consortium ${consortiumId} is ${statusWord(state.status)}`,
      ref,
    );
  const outside = outsidePolicyPeriod(policy, on, 'evaluation');
  if (outside) return outside;
  const earlier = state.evaluations.find((e) => e.period === period);
  if (earlier)
    return ruleViolated(
      ref,
      say`the period ${period} was already evaluated on ${earlier.on}; a period is evaluated once`,
    );

  const checks: RuleCheck[] = [];
  if (rules.aspects) {
    const aspectsRef = { rule: rules.aspects.rule, citation: rules.aspects.citation };
    const keys = Object.keys(scores ?? {});
    const missing = paramOn(rules.aspects, on).filter((a) => !keys.includes(a.key) && !keys.includes(a.name));
    const aspectsCheck = check(
      aspectsRef,
      missing.length === 0,
      missing.length === 0
        ? say`every aspect is scored`
        : say`not scored: ${missing.map((a) => `${a.name} (${a.key})`).join(', ')}`,
    );
    if (!aspectsCheck.ok)
      return ruleViolated(aspectsCheck, say`an evaluation covers every aspect; ${aspectsCheck.detail}`, [aspectsCheck]);
    checks.push(aspectsCheck);
  }
  let cycle: CycleOfEvaluation | undefined;
  if (rules.cycleYears) {
    const cycles = cyclesOf(state, rules.cycleYears, on);
    const judged = cycles && judgeCycle(state, policy, rules.cycleYears, cycles, on);
    if (judged && 'code' in judged) return judged;
    if (judged) {
      cycle = judged.cycle;
      checks.push(judged.check);
    }
  }
  const nextEvaluationDueOn = cycle && nextDueWithinPolicy(policy, cycleNumbered(cycle.cycles, cycle.number + 1).due);
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
      ...(cycle && { cycle: { number: cycle.number, due: cycle.due, opens: cycle.opens } }),
      ...(nextEvaluationDueOn ? { nextEvaluationDueOn } : {}),
    },
  };
  const delisting = delistingAfter(state, policy, period, grade, on);
  return delisting ? [recorded, delisting] : [recorded];
}

type CycleOfEvaluation = Cycle & { cycles: EvaluationCycles };

/** The cycles count from approval (listing, 备案) in years of the cycle in force then. */
function cyclesOf(state: ConsortiumState, cycleYears: PolicyParam<number>, on: BusinessDate) {
  if (!state.approvedOn) return undefined;
  const windowMonths = paramOn(EVALUATION_WINDOW_MONTHS, on);
  return { anchor: state.approvedOn, years: paramOn(cycleYears, state.approvedOn), windowMonths };
}

/**
 * luzhou.evaluation-cycle, tianjin.evaluation-cycle (ledger.evaluation-window): the evaluation belongs to the cycle
 * whose window it falls in; none before the first window; one per cycle.
 */
function judgeCycle(
  state: ConsortiumState,
  policy: ConsortiumPolicy,
  cycleYears: PolicyParam<number>,
  cycles: EvaluationCycles,
  on: BusinessDate,
): { cycle: CycleOfEvaluation; check: RuleCheck } | Rejection {
  const ref = refOf(cycleYears);
  const cycle = cycleOf(cycles, on);
  if (!cycle) {
    const first = cycleNumbered(cycles, 1);
    const afterEnd =
      nextDueWithinPolicy(policy, first.opens) === undefined
        ? `; ${policy.id} ends on ${policy.inForce.to} (${policy.inForce.citation}), before it, so no evaluation can be recorded under it`
        : '';
    return ruleViolated(
      ref,
      say`approved on ${cycles.anchor}: the first evaluation is due on ${first.due} and accepted from ${first.opens}; one on ${on} is too early${afterEnd}`,
    );
  }
  const taken = state.evaluations.find((e) => cycleOf(cycles, e.on)?.number === cycle.number);
  if (taken) {
    return ruleViolated(
      ref,
      say`cycle ${cycle.number} (due ${cycle.due}) was already evaluated on ${taken.on} (${taken.period}); the next is due on ${cycleNumbered(cycles, cycle.number + 1).due}`,
    );
  }
  const when = on <= cycle.due ? say`due on ${cycle.due}` : say`due on ${cycle.due}, late`;
  return {
    cycle: { ...cycle, cycles },
    check: check(ref, true, say`cycle ${cycle.number}: ${when}, evaluated on ${on} (accepted from ${cycle.opens})`),
  };
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
      reason: say`${streak.length} consecutive unqualified evaluations`,
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
