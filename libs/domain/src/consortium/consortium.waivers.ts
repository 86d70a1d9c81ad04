import { say } from '../shared/sentence';
/**
 * Waivers (ledger.waivers): a rule whose clause says 原则上 can be set aside for one consortium on the approving
 * document. A waived rule that fails shows `ok: true` with the waiver in every later verdict; a waiver of a rule about
 * the lead holds while the unit it was granted for leads. Rules without 原则上 cannot be waived.
 */
import { LEDGER_INTERPRETATIONS } from '../policies/ledger-interpretations';
import { ConsortiumPolicy, WaivableRule } from '../policies/policy';
import { BusinessDate } from '../shared/dates';
import { reject, Rejection } from '../shared/decision';
import { InputProblem, invalidInput, textProblems } from '../shared/input-problems';
import { RuleCheck, RuleRef } from '../shared/rule';
import { WaiverRequest } from './consortium.commands';
import { RuleWaived } from './consortium.events';

export type Waiver = Omit<RuleWaived['data'], 'consortiumId'>;

export const WAIVERS: RuleRef = {
  rule: LEDGER_INTERPRETATIONS.waivers.id,
  citation: `Ledger interpretation ${LEDGER_INTERPRETATIONS.waivers.since}`,
};

/** The verdicts with every failing rule that a waiver on record (for this lead) sets aside marked as passing. */
export function withWaivers(checks: RuleCheck[], waivers: ReadonlyArray<Waiver>, lead: string): RuleCheck[] {
  return checks.map((verdict) => {
    if (verdict.ok) return verdict;
    const waiver = waivers.find((w) => w.rule === verdict.rule && (w.lead === undefined || w.lead === lead));
    if (!waiver) return verdict;
    const { reference, reason, actor } = waiver;
    return { ...verdict, ok: true, waived: { reference, reason, actor } };
  });
}

/** Problems with the shape of a waiver request (`field` is where it sits in the request, e.g. `waivers[0]`). */
export function waiverProblems(request: Partial<WaiverRequest> | undefined, field: string): InputProblem[] {
  if (typeof request !== 'object' || request === null)
    return [{ field, problem: say`must be { rule, reason, reference }` }];
  const at = (name: string) => (field ? `${field}.${name}` : name);
  return [
    ...textProblems(at('rule'), request.rule),
    ...textProblems(at('reason'), request.reason),
    ...textProblems(at('reference'), request.reference),
  ];
}

/**
 * The policy's waivable rule a request names, or why it cannot be waived: an id the policy does not know is invalid
 * input; a rule of the policy without 原则上, or one decided at filing asked for after it, is refused (422).
 */
export function waivableRule(
  policy: ConsortiumPolicy,
  rule: string,
  field: string,
  when: 'filing' | 'later',
): WaivableRule | Rejection {
  const waivable = policy.waivable.find((w) => w.rule === rule);
  if (!waivable) {
    if (!knownRules(policy).includes(rule)) {
      const waivable = policy.waivable.map((w) => w.rule).join(', ') || 'none';
      return invalidInput([{ field, problem: say`${rule} is not a rule of ${policy.id} (waivable: ${waivable})` }]);
    }
    return reject(
      'rule-violated',
      policy.waivable.length
        ? say`${rule} does not say 原则上 in ${policy.id}: it cannot be waived (waivable: ${policy.waivable.map((w) => w.rule).join(', ')})`
        : say`${rule} does not say 原则上 in ${policy.id}: it cannot be waived`,
      WAIVERS,
    );
  }
  if (when === 'later' && waivable.decidedAt === 'filing') {
    return reject(
      'rule-violated',
      say`${rule} (${waivable.citation}) is decided when the consortium is filed: waive it in the filing's \`waivers\``,
      WAIVERS,
    );
  }
  return waivable;
}

/** The event that records a waiver. */
export function ruleWaived(
  consortiumId: string,
  waivable: WaivableRule,
  request: WaiverRequest,
  facts: { on: BusinessDate; actor: string; lead: string },
): RuleWaived {
  return {
    type: 'RuleWaived',
    data: {
      consortiumId,
      rule: waivable.rule,
      citation: waivable.citation,
      on: facts.on,
      reason: request.reason.trim(),
      reference: request.reference.trim(),
      actor: facts.actor,
      ...(waivable.aboutLead && { lead: facts.lead }),
    },
  };
}

/** Every rule id the policy judges a consortium on (its eligibility, lead and claim rules, waivable or not). */
function knownRules(policy: ConsortiumPolicy): string[] {
  const refs: RuleRef[] = [
    ...Object.values(policy.params),
    ...policy.waivable,
    ...Object.values(policy.procedure),
    policy.onLeadChange,
    policy.onRename,
    policy.evaluation,
  ];
  return refs.map((ref) => ref.rule);
}
