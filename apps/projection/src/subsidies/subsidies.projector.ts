import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { RuleCheck } from '@ledger/domain/shared/rule';
import { RecordedEvent } from '@ledger/event-store';
import { Projector, statement } from '@ledger/platform';
import { evolveSubsidy, initialSubsidyState, SubsidyState } from '@ledger/domain/subsidy/subsidy.state';
import { isSubsidyEvent, SubsidyEvent } from '@ledger/domain/subsidy/subsidy.events';

export const SUBSIDY_STREAM_PREFIX = 'subsidy-';

/** What a subsidy's own events say that its state does not keep: the grant's checks, and every movement. */
export interface SubsidyRecord {
  grant: {
    rule: string;
    citation: string;
    checks: RuleCheck[];
    projectTotalInvestmentFen?: number;
    evaluationPeriod?: string;
  };
  movements: Array<Record<string, unknown> & { type: string; position: number; recordedAt: string }>;
}

/** The events of a subsidy's own stream (`subsidy-{id}`), recognised by stream and type. */
export const subsidyEventOf = (event: RecordedEvent): SubsidyEvent | undefined =>
  event.streamId.startsWith(SUBSIDY_STREAM_PREFIX) && isSubsidyEvent(event)
    ? ({ type: event.type, data: event.data } as SubsidyEvent)
    : undefined;

/** Every subsidy: its state (the domain's own fold, caps as recorded by its grant), its grant's checks and its movements. */
@Injectable()
export class SubsidiesProjector implements Projector {
  readonly name = 'subsidies';

  setup(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS subsidies (
      id TEXT PRIMARY KEY, consortium_id TEXT NOT NULL, recipient TEXT NOT NULL, category TEXT NOT NULL,
      policy TEXT NOT NULL, fiscal_year INTEGER NOT NULL, status TEXT NOT NULL, granted_on TEXT NOT NULL,
      granted_fen INTEGER NOT NULL, cancelled_fen INTEGER NOT NULL, disbursed_fen INTEGER NOT NULL,
      clawed_back_fen INTEGER NOT NULL, refunded_fen INTEGER NOT NULL,
      last_position INTEGER NOT NULL, updated_at TEXT NOT NULL, state TEXT NOT NULL, record TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS subsidies_by_recipient ON subsidies (recipient, fiscal_year);
      CREATE INDEX IF NOT EXISTS subsidies_by_consortium ON subsidies (consortium_id);`);
  }

  drop(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS subsidies');
  }

  apply(event: RecordedEvent, db: Database.Database): void {
    const subsidyEvent = subsidyEventOf(event);
    if (!subsidyEvent) return;
    const id = subsidyEvent.data.subsidyId;
    const before = readSubsidyRow(db, id);
    const state = evolveSubsidy(before?.state ?? initialSubsidyState(id), subsidyEvent);
    if (!state.exists) return; // nothing to show before the grant
    const record = recordOf(before?.record, subsidyEvent, event);
    statement(
      db,
      `INSERT INTO subsidies VALUES (@id, @consortiumId, @recipient, @category, @policy, @fiscalYear, @status, @grantedOn,
         @grantedFen, @cancelledFen, @disbursedFen, @clawedBackFen, @refundedFen, @position, @updatedAt, @state, @record)
       ON CONFLICT (id) DO UPDATE SET status = @status, granted_fen = @grantedFen, cancelled_fen = @cancelledFen,
         disbursed_fen = @disbursedFen, clawed_back_fen = @clawedBackFen, refunded_fen = @refundedFen,
         last_position = @position, updated_at = @updatedAt, state = @state, record = @record`,
    ).run({
      id,
      consortiumId: state.consortiumId,
      recipient: state.recipient,
      category: state.category,
      policy: state.policy,
      fiscalYear: state.fiscalYear,
      status: state.status,
      grantedOn: state.grantedOn,
      grantedFen: state.grantedFen,
      cancelledFen: state.cancelledFen,
      disbursedFen: state.disbursedFen,
      clawedBackFen: state.clawedBackFen,
      refundedFen: state.refundedFen,
      position: event.position,
      updatedAt: event.recordedAt,
      state: JSON.stringify(state),
      record: JSON.stringify(record),
    });
  }
}

function recordOf(before: SubsidyRecord | undefined, event: SubsidyEvent, recorded: RecordedEvent): SubsidyRecord {
  if (event.type === 'SubsidyGranted') {
    const { rule, citation, checks, projectTotalInvestmentFen, evaluationPeriod } = event.data;
    return {
      grant: {
        rule,
        citation,
        checks,
        ...(projectTotalInvestmentFen !== undefined && { projectTotalInvestmentFen }),
        ...(evaluationPeriod && { evaluationPeriod }),
      },
      movements: [],
    };
  }
  const { subsidyId: _id, ...data } = event.data;
  const movement = { type: event.type, ...data, position: recorded.position, recordedAt: recorded.recordedAt };
  return { grant: before!.grant, movements: [...before!.movements, movement] };
}

export function readSubsidyRow(
  db: Database.Database,
  id: string,
): { state: SubsidyState; record: SubsidyRecord } | undefined {
  const row = statement(db, 'SELECT state, record FROM subsidies WHERE id = ?').get(id) as
    { state: string; record: string } | undefined;
  return row && { state: JSON.parse(row.state), record: JSON.parse(row.record) };
}

export interface SubsidyFilter {
  consortiumId?: string;
  recipient?: string;
  policy?: string;
  category?: string;
  fiscalYear?: number;
  status?: string;
}

const FILTER_SQL = [
  '(@consortiumId IS NULL OR consortium_id = @consortiumId)',
  '(@recipient IS NULL OR recipient = @recipient)',
  '(@policy IS NULL OR policy = @policy)',
  '(@category IS NULL OR category = @category)',
  '(@fiscalYear IS NULL OR fiscal_year = @fiscalYear)',
  '(@status IS NULL OR status = @status)',
].join(' AND ');

/** Subsidies matching the filter, oldest grant first; and how many match. */
export function readSubsidies(db: Database.Database, filter: SubsidyFilter, page: { limit: number; offset: number }) {
  const params = {
    consortiumId: filter.consortiumId ?? null,
    recipient: filter.recipient ?? null,
    policy: filter.policy ?? null,
    category: filter.category ?? null,
    fiscalYear: filter.fiscalYear ?? null,
    status: filter.status ?? null,
  };
  const rows = db
    .prepare(
      `SELECT state, record FROM subsidies WHERE ${FILTER_SQL} ORDER BY granted_on, id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, ...page }) as Array<{ state: string; record: string }>;
  const { total } = statement(db, `SELECT COUNT(*) AS total FROM subsidies WHERE ${FILTER_SQL}`).get(params) as {
    total: number;
  };
  const subsidies = rows.map((row) => ({
    state: JSON.parse(row.state) as SubsidyState,
    record: JSON.parse(row.record) as SubsidyRecord,
  }));
  return { subsidies, total };
}
