import { say } from '../../shared/sentence';
import { ConsortiumPolicy } from '../../policies/policy';
import { Decision, isRejection, reject } from '../../shared/decision';
import { invalidInput } from '../../shared/input-problems';
import { WaiveRule } from '../consortium.commands';
import { ConsortiumContext } from '../consortium.context';
import { RuleWaived } from '../consortium.events';
import { ConsortiumState } from '../consortium.state';
import { ruleWaived, WAIVERS, waivableRule, waiverProblems } from '../consortium.waivers';

/**
 * ledger.waivers: an officer sets aside a 原则上 rule checked at approval for this consortium, on the approving
 * document. Recorded at any status before the consortium ends; once per rule (and lead, for a rule about the lead).
 */
export function decideWaiver(
  command: WaiveRule,
  state: ConsortiumState,
  policy: ConsortiumPolicy,
  { actor }: ConsortiumContext,
): Decision<RuleWaived> {
  const { consortiumId, on, ...request } = command.data;
  const problems = waiverProblems(request, '');
  if (problems.length) return invalidInput(problems);
  const waivable = waivableRule(policy, request.rule, 'rule', 'later');
  if (isRejection(waivable)) return waivable;
  if (actor === undefined) throw new Error('a waiver needs context.actor: who granted it is part of the record');
  const lead = state.lead.creditCode;
  const earlier = state.waivers.find((w) => w.rule === waivable.rule && (w.lead === undefined || w.lead === lead));
  if (earlier) {
    return reject(
      'invalid-state',
      say`${waivable.rule} is already waived for consortium ${consortiumId} by ${earlier.reference} (${earlier.on})`,
      WAIVERS,
    );
  }
  return [ruleWaived(consortiumId, waivable, request, { on, actor, lead })];
}
