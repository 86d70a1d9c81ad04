import type Database from 'better-sqlite3';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { addDays, BusinessDate } from '@ledger/domain/shared/dates';
import { consortiumPolicies } from '@ledger/domain/policies/consortium-policies';

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
export function consortiumDeadlines(
  db: Database.Database,
  today: BusinessDate,
  horizonDays: number,
): ConsortiumDeadlineRow[] {
  const horizon = addDays(today, horizonDays);
  const rows = db
    .prepare("SELECT state FROM consortia WHERE status IN ('public-notice', 'active') ORDER BY id")
    .all() as Array<{ state: string }>;
  return rows
    .flatMap(({ state }) => deadlinesOf(JSON.parse(state) as ConsortiumState, today))
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
