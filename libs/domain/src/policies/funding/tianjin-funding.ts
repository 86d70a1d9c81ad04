import { say } from '../../shared/sentence';
import { LEDGER_INTERPRETATIONS } from '../ledger-interpretations';
/**
 * 天津市推动产业技术创新战略联盟构建与发展的实施办法(试行) (2018-12-25, in force until 2020-12-31, 第二十一条):
 * 第十三条 once-only subsidies, 第十八条 evaluation awards, 第十六条 fraud.
 */
import { Fen, wan } from '../../shared/money';
import { check, param, paramOn, PolicyParam, RuleCheck, RuleRef } from '../../shared/rule';
import { Commitment, liveCommitments, UnitIntegrityState, usedFen } from './funding-boundary';
import { capOf } from './cap-helpers';
import { FundingCategory, FundingPolicy, GrantFacts } from './funding-policy';
import { CAP_USAGE_INTERPRETATION, LEDGER_FUNDING_RULES } from './ledger-funding-rules';
import { FundingCategoryId } from './grant-terms';

const POLICY = 'tianjin-2018-alliance';
const FROM = '2018-12-25';
const TO = '2020-12-31';

const FILING: RuleRef = { rule: 'tianjin.filing-subsidy', citation: '第十三条' };
const NATIONAL_PILOT: RuleRef = { rule: 'tianjin.national-pilot', citation: '第十三条' };
const EVALUATION_AWARD: RuleRef = { rule: 'tianjin.evaluation-award', citation: '第十八条' };
export const TIANJIN_FRAUD: RuleRef = { rule: 'tianjin.fraud', citation: '第十六条' };

const ONCE = `"Once": a grant that is not wholly cancelled uses it up; ${CAP_USAGE_INTERPRETATION}`;
const TIANJIN_END_WINS = LEDGER_INTERPRETATIONS.tianjinEndWins.text;
const AWARD =
  "The award needs the alliance's latest evaluation graded excellent, and is paid at most once per evaluation " +
  `(POLICIES.md, Ledger interpretation). ${TIANJIN_END_WINS}`;
const tianjinParam = <T>(ref: RuleRef, description: string, value: T, interpretation?: string) =>
  param<T>(ref.rule, ref.citation, description, value, FROM, { to: TO, interpretation });

export const tianjinFundingParams = {
  filingSubsidyCapFen: tianjinParam<Fen | null>(FILING, 'subsidy to a newly filed alliance, at most', wan(50), ONCE),
  filingSubsidyTimes: tianjinParam(FILING, 'filing subsidies per alliance', 1, ONCE),
  nationalPilotFen: tianjinParam<Fen | null>(
    NATIONAL_PILOT,
    'subsidy on inclusion in the national pilot',
    wan(50),
    ONCE,
  ),
  nationalPilotTimes: tianjinParam(NATIONAL_PILOT, 'national-pilot subsidies per alliance', 1, ONCE),
  evaluationAwardCapFen: tianjinParam<Fen | null>(
    EVALUATION_AWARD,
    'award after an evaluation, at most',
    wan(30),
    AWARD,
  ),
  awardsPerEvaluation: tianjinParam(EVALUATION_AWARD, 'awards per evaluation', 1, AWARD),
};
const p = tianjinFundingParams;

/** A unit recorded as dishonest under tianjin.fraud gets no new grant under any policy. */
export function integrityCheck(creditCode: string, unit: UnitIntegrityState | undefined): RuleCheck {
  const record = unit?.dishonest;
  return check(
    TIANJIN_FRAUD,
    !record,
    record
      ? say`${creditCode} was recorded as dishonest (失信) on ${record.on} (subsidy ${record.subsidyId}) and gets no new grant`
      : say`${creditCode} is not recorded as dishonest`,
  );
}

function onceOnlyCategory(
  id: FundingCategoryId,
  ref: RuleRef,
  description: string,
  capFen: PolicyParam<Fen | null>,
  times: PolicyParam<number>,
): FundingCategory {
  const ofThisCategory = (c: Commitment) => c.category === id;
  return {
    id,
    policy: POLICY,
    grantRule: ref,
    description,
    requires: [],
    scopes: ['alliance'],
    params: { capFen, times },
    rules: (facts) => {
      const allowed = paramOn(times, facts.terms.grantedOn);
      const live = liveCommitments(facts.alliance!.state, ofThisCategory);
      return [
        check(
          ref,
          live.length < allowed,
          live.length < allowed
            ? say`not granted to alliance ${facts.terms.consortiumId} before`
            : say`already granted to alliance ${facts.terms.consortiumId} (subsidy ${live.map((c) => c.subsidyId).join(', ')}); it is granted ${allowed === 1 ? say`once` : say`${allowed} times`}`,
        ),
      ];
    },
    caps: (facts) => [
      capOf(
        capFen,
        facts.terms.grantedOn,
        facts.alliance!.streamId,
        usedFen(facts.alliance!.state, ofThisCategory),
        say`${id} for alliance ${facts.terms.consortiumId}`,
      ),
    ],
  };
}

const filing = onceOnlyCategory(
  'tianjin.filing',
  FILING,
  '新备案联盟: subsidy ≤ 50万, once',
  p.filingSubsidyCapFen,
  p.filingSubsidyTimes,
);

const nationalPilot = onceOnlyCategory(
  'tianjin.national-pilot',
  NATIONAL_PILOT,
  '新纳入国家联盟试点: 50万, once',
  p.nationalPilotFen,
  p.nationalPilotTimes,
);

const awardFor = (period: string | undefined) => (c: Commitment) =>
  c.category === 'tianjin.evaluation-award' && c.evaluationPeriod === period;

function awardRules(facts: GrantFacts): RuleCheck[] {
  const latest = facts.latestEvaluation;
  const excellent = check(
    EVALUATION_AWARD,
    latest?.grade === 'excellent' && latest.cycle !== undefined,
    !latest
      ? say`the alliance has no evaluation; an award needs the latest evaluation graded excellent. ${TIANJIN_END_WINS}`
      : latest.cycle === undefined
        ? say`the latest evaluation (${latest.period}, ${latest.on}) was recorded before its cycle's window and belongs to no cycle of tianjin.evaluation-cycle; an award needs a cycle's evaluation graded excellent. ${TIANJIN_END_WINS}`
        : say`the latest evaluation (${latest.period}, ${latest.on}) is graded ${latest.grade}; an award needs excellent`,
  );
  if (!latest || !excellent.ok) return [excellent];
  const allowed = paramOn(p.awardsPerEvaluation, facts.terms.grantedOn);
  const live = liveCommitments(facts.alliance!.state, awardFor(latest.period));
  const once = check(
    EVALUATION_AWARD,
    live.length < allowed,
    live.length < allowed
      ? say`no award yet for the evaluation of ${latest.period}`
      : say`the evaluation of ${latest.period} was already awarded (subsidy ${live.map((c) => c.subsidyId).join(', ')})`,
  );
  return [excellent, once];
}

const evaluationAward: FundingCategory = {
  id: 'tianjin.evaluation-award',
  policy: POLICY,
  grantRule: EVALUATION_AWARD,
  description: '评估择优: ≤ 30万 after an evaluation graded excellent, once per evaluation',
  requires: [],
  scopes: ['alliance'],
  params: { evaluationAwardCapFen: p.evaluationAwardCapFen, awardsPerEvaluation: p.awardsPerEvaluation },
  rules: awardRules,
  caps: (facts) => {
    const period = facts.evaluationPeriod;
    return [
      capOf(
        p.evaluationAwardCapFen,
        facts.terms.grantedOn,
        facts.alliance!.streamId,
        usedFen(facts.alliance!.state, awardFor(period)),
        say`award for the evaluation of ${period} of alliance ${facts.terms.consortiumId}`,
      ),
    ];
  },
  rewardsEvaluation: true,
};

export const tianjinFunding: FundingPolicy = {
  policy: POLICY,
  inForce: { rule: LEDGER_FUNDING_RULES.policyInForce, citation: '第二十一条', from: FROM, to: TO },
  categories: [filing, nationalPilot, evaluationAward],
  params: tianjinFundingParams,
  policyCaps: () => [],
  projectChange: LEDGER_FUNDING_RULES.projectChange,
  termination: LEDGER_FUNDING_RULES.terminateAndRecover,
};
