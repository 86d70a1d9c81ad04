import { say } from '../../shared/sentence';
import { LEDGER_FUNDING_RULES as LEDGER } from '../../policies/funding/ledger-funding-rules';
import { Decision, isRejection, reject, Rejection } from '../../shared/decision';
import { ConsortiumState, ENDED_STATUSES } from '../../consortium/consortium.state';
import { fundingPolicy } from '../../policies/funding/funding-catalog';
import { SubsidyContext } from '../subsidy.context';
import { DisburseSubsidy } from '../subsidy.commands';
import { SubsidyLedgerEvent } from '../subsidy.events';
import { SubsidyLedgerState, SubsidyState, undisbursedFen } from '../subsidy.state';
import { beyond, datedBefore, openSubsidy } from './subsidy-movements';
import { dateProblems, invalidInput, movementAmountProblems, textProblems } from '../../shared/input-problems';
import { statusWord } from '../../shared/status-words';

export function decideDisbursement(
  command: DisburseSubsidy,
  state: SubsidyLedgerState,
  { consortium }: SubsidyContext,
): Decision<SubsidyLedgerEvent> {
  const { subsidyId, amountFen, paidOn, voucher } = command.data;
  const problems = [
    ...movementAmountProblems('amount', amountFen),
    ...dateProblems('paidOn', paidOn),
    ...textProblems('voucher', voucher),
  ];
  if (problems.length > 0) return invalidInput(problems);
  const subsidy = openSubsidy(state, subsidyId);
  if (isRejection(subsidy)) return subsidy;
  const backdated = datedBefore(subsidy, 'paidOn', paidOn);
  if (backdated) return backdated;
  const stopped = stoppedByConsortiumEnd(subsidy, paidOn, consortium);
  if (stopped) return stopped;
  const available = undisbursedFen(subsidy);
  if (amountFen > available) {
    return beyond(LEDGER.disburseWithinGrant, say`disbursed`, {
      limit: subsidy.grantedFen - subsidy.cancelledFen,
      used: subsidy.disbursedFen,
      requested: amountFen,
      headroom: available,
    });
  }
  return [{ type: 'SubsidyDisbursed', data: { ...LEDGER.disburseWithinGrant, subsidyId, amountFen, paidOn, voucher } }];
}

/**
 * nmg.project-change (六(三)), ledger.project-change elsewhere: once the consortium is dissolved, delisted or withdrawn,
 * nothing is paid on its projects until the project's authority has decided it goes on (ContinueSubsidy); terminating
 * the project is the other way out. A payment made before the consortium ended and recorded afterwards is recorded.
 */
function stoppedByConsortiumEnd(
  subsidy: SubsidyState,
  paidOn: string,
  consortium: ConsortiumState | undefined,
): Rejection | undefined {
  if (!consortium?.ended || !ENDED_STATUSES.includes(consortium.status) || subsidy.continuation) return undefined;
  if (paidOn < consortium.ended.on) return undefined;
  const rule = fundingPolicy(subsidy.policy).projectChange;
  return reject(
    'rule-violated',
    say`${rule.rule} (${rule.citation}): consortium ${consortium.id} was ${statusWord(consortium.status)} on ${consortium.ended.on}; subsidy ${subsidy.subsidyId} is paid again only once the project's authority has decided it goes on (POST /v1/subsidies/${subsidy.subsidyId}/continuation), or it is terminated`,
    rule,
  );
}
