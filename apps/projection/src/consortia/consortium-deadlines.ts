import { Jurisdiction, jurisdictionWhere, ReadStore } from '@ledger/platform';
import { CONSORTIA } from './consortia.projection';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { addDays, BusinessDate } from '@ledger/domain/shared/dates';
import { consortiumPolicies } from '@ledger/domain/policies/consortium-policies';

/** More than any programme office has due at once. */
const MAX_DEADLINES = 100_000;

export interface ConsortiumDeadlineRow {
  kind: 'notice-end' | 'evaluation';
  due: BusinessDate;
  overdue: boolean;
  consortiumId: string;
  consortiumName: string;
  policy: string;
  rule: string;
  citation: string;
}

/**
 * What live consortia have coming: public notices ending, and evaluations due under their policy's cycle.
 * Everything overdue, and what falls due from `today` to `today + horizonDays`; earliest first.
 */
export async function consortiumDeadlines(
  readStore: ReadStore,
  today: BusinessDate,
  horizonDays: number,
  jurisdiction?: Jurisdiction,
): Promise<ConsortiumDeadlineRow[]> {
  const horizon = addDays(today, horizonDays);
  // `next_due` holds each consortium's one coming date: reading up to the horizon reads what the answer holds.
  const page = await readStore.findDocuments<ConsortiumState>(CONSORTIA.name, {
    where: { next_due: { lte: horizon }, ...jurisdictionWhere(jurisdiction) },
    orderBy: [['next_due', 'asc']],
    limit: MAX_DEADLINES,
  });
  return page.documents
    .flatMap(({ state }) => deadlinesOf(state, today))
    .filter((row) => row.overdue || row.due <= horizon)
    .sort((a, b) => a.due.localeCompare(b.due) || a.consortiumId.localeCompare(b.consortiumId));
}

function deadlinesOf(state: ConsortiumState, today: BusinessDate): ConsortiumDeadlineRow[] {
  const base = { consortiumId: state.id, consortiumName: state.name, policy: state.policy };
  const rows: ConsortiumDeadlineRow[] = [];
  if (state.status === 'public-notice' && state.notice) {
    const { endsOn, rule, citation } = state.notice;
    rows.push({ kind: 'notice-end', due: endsOn, overdue: false, rule, citation, ...base });
  }
  if (state.status === 'active' && state.nextEvaluationDueOn) {
    const { rule, citation } = consortiumPolicies[state.policy].evaluation;
    rows.push({
      kind: 'evaluation',
      due: state.nextEvaluationDueOn,
      overdue: state.nextEvaluationDueOn < today,
      rule,
      citation,
      ...base,
    });
  }
  return rows;
}
