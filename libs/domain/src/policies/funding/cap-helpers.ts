import { Words, say, titleOf } from '../../shared/sentence';
import { BusinessDate } from '../../shared/dates';
import { Fen } from '../../shared/money';
import { check, paramOn, PolicyParam, RuleCheck } from '../../shared/rule';
import { amountText } from './amount-text';
import { CapEvaluation, CapFacts, GrantFacts } from './funding-policy';

/** A cap counted on a boundary stream (or on nothing, when the policy sets none: the param's value is null). */
export function capOf(
  p: PolicyParam<Fen | null>,
  on: BusinessDate,
  scope: string,
  usedFen: Fen | null,
  detail: Words,
  limitFen: Fen | null = paramOn(p, on),
): CapEvaluation {
  return { rule: p.rule, citation: p.citation, scope, limitFen, usedFen, detail, interpretation: p.interpretation };
}

/** The upper end of a per-grant range: a cap on the single grant (nothing used before it). */
export function perGrantMaximum(p: PolicyParam<Fen>, facts: CapFacts): CapEvaluation {
  const limitFen = paramOn(p, facts.terms.grantedOn);
  // The rule by its title (in Chinese the clause's words), not the parameter's English description.
  const detail = say`${titleOf(p.rule)}: at most ${amountText(limitFen)} per grant`;
  return capOf(p, facts.terms.grantedOn, 'grant', 0, detail, limitFen);
}

/** The lower end of a per-grant range: below it the grant breaks the rule (not a cap). */
export function perGrantMinimum(p: PolicyParam<Fen>, facts: GrantFacts): RuleCheck {
  const minFen = paramOn(p, facts.terms.grantedOn);
  const { amountFen } = facts.terms;
  return check(
    { rule: p.rule, citation: p.citation },
    amountFen >= minFen,
    say`${amountText(amountFen)} granted; ${titleOf(p.rule)}: at least ${amountText(minFen)}`,
  );
}
