import { wordedCheck } from '@ledger/domain/policies/funding/funding-texts';
import { fenToYuan } from '@ledger/domain/shared/money';
import { withYuan } from '@ledger/presentation/money.view';
import { grantSaidOf, subsidyView } from '@ledger/presentation/subsidy.view';
import { SubsidyRecord } from './subsidies.projection';

/**
 * `GET /v1/subsidies/{id}`: the subsidy's figures, the rules its grant passed (with their clauses, from the catalogue),
 * its caps as recorded then and every movement. The as-of answer and every replay step show a subsidy this way too.
 */
export function subsidyDetailView({ state, grant, movements }: SubsidyRecord) {
  return {
    ...subsidyView(state),
    ...(grant && { rule: grant.rule, citation: grant.citation }),
    ...(state.projectTotalInvestmentFen !== undefined && {
      projectTotalInvestment: fenToYuan(state.projectTotalInvestmentFen),
    }),
    ...(state.evaluationPeriod && { evaluationPeriod: state.evaluationPeriod }),
    checks: (grant?.checks ?? []).map((check) => wordedCheck(check, grantSaidOf(state))),
    movements: movements.map(withYuan),
  };
}
