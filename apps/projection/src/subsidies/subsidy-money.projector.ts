import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { SubsidyEvent } from '@ledger/domain/subsidy';
import { RecordedEvent } from '@ledger/event-store';
import { Projector } from '@ledger/platform';
import { MoneyFigures } from './subsidy.view';
import { subsidyEventOf } from './subsidies.projector';

/** The column each movement adds its amount to; a termination moves money only through the events that follow it. */
const COLUMN: Partial<Record<SubsidyEvent['type'], string>> = {
  SubsidyGranted: 'granted_fen',
  SubsidyCancelled: 'cancelled_fen',
  SubsidyDisbursed: 'disbursed_fen',
  SubsidyClawedBack: 'clawed_back_fen',
  SubsidyRefunded: 'refunded_fen',
};

export interface PolicyYearMoney extends MoneyFigures {
  policy: string;
  fiscalYear: number;
  subsidies: number;
}

/**
 * Money by policy and fiscal year (of the grant): granted, cancelled, disbursed, clawed back, refunded. Kept as running
 * totals, independently of the per-subsidy rows, for the dashboard and the reconciliation's totals.
 */
@Injectable()
export class SubsidyMoneyProjector implements Projector {
  readonly name = 'subsidy-money';

  setup(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS subsidy_money (
      policy TEXT NOT NULL, fiscal_year INTEGER NOT NULL, subsidies INTEGER NOT NULL,
      granted_fen INTEGER NOT NULL, cancelled_fen INTEGER NOT NULL, disbursed_fen INTEGER NOT NULL,
      clawed_back_fen INTEGER NOT NULL, refunded_fen INTEGER NOT NULL, last_position INTEGER NOT NULL,
      PRIMARY KEY (policy, fiscal_year));
      CREATE TABLE IF NOT EXISTS subsidy_money_keys (subsidy_id TEXT PRIMARY KEY, policy TEXT NOT NULL, fiscal_year INTEGER NOT NULL);`);
  }

  drop(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS subsidy_money; DROP TABLE IF EXISTS subsidy_money_keys;');
  }

  apply(event: RecordedEvent, db: Database.Database): void {
    const subsidyEvent = subsidyEventOf(event);
    const column = subsidyEvent && COLUMN[subsidyEvent.type];
    if (!subsidyEvent || !column) return;
    const { subsidyId, amountFen } = subsidyEvent.data as { subsidyId: string; amountFen: number };
    if (subsidyEvent.type === 'SubsidyGranted') {
      const { policy, fiscalYear } = subsidyEvent.data;
      db.prepare('INSERT OR IGNORE INTO subsidy_money_keys VALUES (?, ?, ?)').run(subsidyId, policy, fiscalYear);
      db.prepare(
        `INSERT INTO subsidy_money VALUES (?, ?, 1, 0, 0, 0, 0, 0, 0)
         ON CONFLICT (policy, fiscal_year) DO UPDATE SET subsidies = subsidies + 1`,
      ).run(policy, fiscalYear);
    }
    const key = db.prepare('SELECT policy, fiscal_year FROM subsidy_money_keys WHERE subsidy_id = ?').get(subsidyId) as
      | { policy: string; fiscal_year: number }
      | undefined;
    if (!key) return; // a movement of a subsidy never granted cannot be recorded; nothing to count
    db.prepare(`UPDATE subsidy_money SET ${column} = ${column} + ?, last_position = ? WHERE policy = ? AND fiscal_year = ?`).run(
      amountFen,
      event.position,
      key.policy,
      key.fiscal_year,
    );
  }
}

/** Money by policy and fiscal year, optionally of one policy or year; by policy, then year. */
export function readPolicyYearMoney(db: Database.Database, filter: { policy?: string; fiscalYear?: number } = {}): PolicyYearMoney[] {
  const rows = db
    .prepare(
      `SELECT * FROM subsidy_money WHERE (@policy IS NULL OR policy = @policy) AND (@fiscalYear IS NULL OR fiscal_year = @fiscalYear)
       ORDER BY policy, fiscal_year`,
    )
    .all({ policy: filter.policy ?? null, fiscalYear: filter.fiscalYear ?? null }) as Array<Record<string, any>>;
  return rows.map((row) => ({
    policy: row.policy,
    fiscalYear: row.fiscal_year,
    subsidies: row.subsidies,
    grantedFen: row.granted_fen,
    cancelledFen: row.cancelled_fen,
    disbursedFen: row.disbursed_fen,
    clawedBackFen: row.clawed_back_fen,
    refundedFen: row.refunded_fen,
  }));
}
