import { Jurisdiction, jurisdictionText, ReadStore } from '@ledger/platform';
import { readPolicyYearMoney, readSubsidies } from '../subsidies/subsidies.projection';
import { addMoney, moneyView, NO_MONEY } from '@ledger/presentation/subsidy.view';
import { ConsortiumPolicyId } from '@ledger/domain/shared/policy-ids';

/** Every subsidy a reconciliation can hold (one fiscal year of one policy has far fewer). */
const MAX_LINES = 1_000_000;

/**
 * The reconciliation of a fiscal year and/or policy: one line per subsidy (the `subsidies` projection's documents) and the
 * totals (its running totals by policy and year, kept by counters rather than summed from the lines: the two agree
 * because both are folds of the same events, which the tests check).
 */
export async function reconciliationReport(
  readStore: ReadStore,
  filter: { fiscalYear?: number; policy?: ConsortiumPolicyId; jurisdiction?: Jurisdiction },
) {
  const { subsidies } = await readSubsidies(readStore, filter, { limit: MAX_LINES, offset: 0 });
  const lines = subsidies
    .map(({ state: s }) => ({
      id: s.subsidyId,
      policy: s.policy,
      fiscalYear: s.fiscalYear,
      consortiumId: s.consortiumId,
      recipient: s.recipient,
      category: s.category,
      grantedOn: s.grantedOn,
      status: s.status,
      ...moneyView(s),
    }))
    .sort(
      (a, b) =>
        a.policy.localeCompare(b.policy) ||
        a.fiscalYear - b.fiscalYear ||
        a.grantedOn.localeCompare(b.grantedOn) ||
        a.id.localeCompare(b.id),
    );
  const byPolicyAndYear = await readPolicyYearMoney(readStore, filter);
  const totals = byPolicyAndYear.reduce(addMoney, NO_MONEY);
  return {
    fiscalYear: filter.fiscalYear ?? null,
    policy: filter.policy ?? null,
    ...(filter.jurisdiction && { jurisdiction: jurisdictionText(filter.jurisdiction) }),
    subsidies: lines,
    totals: { subsidies: byPolicyAndYear.reduce((n, row) => n + row.subsidies, 0), ...moneyView(totals) },
  };
}

export type ReconciliationReport = Awaited<ReturnType<typeof reconciliationReport>>;
