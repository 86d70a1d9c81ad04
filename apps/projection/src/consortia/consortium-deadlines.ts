import { Jurisdiction, jurisdictionWhere, ReadStore } from '@ledger/platform';
import { CONSORTIA } from './consortia.projection';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { addDays, BusinessDate } from '@ledger/domain/shared/dates';
import { consortiumPolicies } from '@ledger/domain/policies/consortium-policies';
import { ConsortiumPolicyId } from '@ledger/domain/shared/policy-ids';

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
 * Everything overdue, and what falls due from `today` to `today + horizonDays`; the first `limit` of them, earliest
 * first, and how many there are. `next_due` holds each consortium's one coming date (a consortium has one deadline at a
 * time), indexed with the id: the page is read off the index and the count is one index range, whatever the ledger holds.
 */
export async function consortiumDeadlines(
  readStore: ReadStore,
  today: BusinessDate,
  horizonDays: number,
  limit: number,
  jurisdiction?: Jurisdiction,
): Promise<{ items: ConsortiumDeadlineRow[]; total: number }> {
  const horizon = addDays(today, horizonDays);
  const where = { next_due: { lte: horizon }, ...jurisdictionWhere(jurisdiction) };
  const [page, total] = await Promise.all([
    readStore.findColumns(CONSORTIA.name, { where, orderBy: [['next_due', 'asc']], limit }, DEADLINE_COLUMNS),
    readStore.countDocuments(CONSORTIA.name, where),
  ]);
  const rows = await Promise.all(
    page.rows.map((row) => deadlinesFrom(readStore, row as unknown as DeadlineColumns, today)),
  );
  const items = rows
    .flat()
    .filter((row) => row.overdue || row.due <= horizon)
    .sort((a, b) => a.due.localeCompare(b.due) || a.consortiumId.localeCompare(b.consortiumId));
  return { items, total };
}

const DEADLINE_COLUMNS = ['name', 'policy', 'status', 'next_due'];
interface DeadlineColumns {
  id: string;
  name: string;
  policy: ConsortiumPolicyId;
  status: string;
  next_due: BusinessDate;
}

/**
 * An active consortium's deadline (its next evaluation) is all in its columns; a notice's names the rule recorded with
 * it, so the few consortia in public notice are read whole.
 */
async function deadlinesFrom(
  readStore: ReadStore,
  row: DeadlineColumns,
  today: BusinessDate,
): Promise<ConsortiumDeadlineRow[]> {
  if (row.status !== 'active') {
    const found = await readStore.getDocument<ConsortiumState>(CONSORTIA.name, row.id);
    return found ? deadlinesOf(found.state, today) : [];
  }
  const { rule, citation } = consortiumPolicies[row.policy].evaluation;
  const base = { consortiumId: row.id, consortiumName: row.name, policy: row.policy };
  return [{ kind: 'evaluation', due: row.next_due, overdue: row.next_due < today, rule, citation, ...base }];
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
