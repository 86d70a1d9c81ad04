import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { RecordedEvent } from '@ledger/event-store';
import { Projector, statement } from '@ledger/platform';
import { MONEY_COLUMNS_SQL, moneyOfRow, MOVEMENT_COLUMN } from './money-columns';
import { MoneyFigures } from '@ledger/presentation/subsidy.view';
import { subsidyEventOf } from './subsidies.projector';
import { SubsidyEvent } from '@ledger/domain/subsidy/subsidy.events';

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
      policy TEXT NOT NULL, fiscal_year INTEGER NOT NULL, subsidies INTEGER NOT NULL, ${MONEY_COLUMNS_SQL},
      last_position INTEGER NOT NULL,
      PRIMARY KEY (policy, fiscal_year));
      CREATE TABLE IF NOT EXISTS subsidy_money_keys (subsidy_id TEXT PRIMARY KEY, policy TEXT NOT NULL, fiscal_year INTEGER NOT NULL);`);
  }

  drop(db: Database.Database): void {
    db.exec('DROP TABLE IF EXISTS subsidy_money; DROP TABLE IF EXISTS subsidy_money_keys;');
  }

  apply(event: RecordedEvent, db: Database.Database): void {
    const subsidyEvent = subsidyEventOf(event);
    const column = subsidyEvent && MOVEMENT_COLUMN[subsidyEvent.type];
    if (!subsidyEvent || !column) return;
    const { subsidyId, amountFen } = subsidyEvent.data as { subsidyId: string; amountFen: number };
    if (subsidyEvent.type === 'SubsidyGranted') {
      const { policy, fiscalYear } = subsidyEvent.data;
      statement(db, 'INSERT OR IGNORE INTO subsidy_money_keys VALUES (?, ?, ?)').run(subsidyId, policy, fiscalYear);
      statement(
        db,
        `INSERT INTO subsidy_money VALUES (?, ?, 1, 0, 0, 0, 0, 0, 0)
         ON CONFLICT (policy, fiscal_year) DO UPDATE SET subsidies = subsidies + 1`,
      ).run(policy, fiscalYear);
    }
    const key = statement(db, 'SELECT policy, fiscal_year FROM subsidy_money_keys WHERE subsidy_id = ?').get(
      subsidyId,
    ) as { policy: string; fiscal_year: number } | undefined;
    if (!key) return; // a movement of a subsidy never granted cannot be recorded; nothing to count
    statement(
      db,
      `UPDATE subsidy_money SET ${column} = ${column} + ?, last_position = ? WHERE policy = ? AND fiscal_year = ?`,
    ).run(amountFen, event.position, key.policy, key.fiscal_year);
  }
}

/** Money by policy and fiscal year, optionally of one policy or year; by policy, then year. */
export function readPolicyYearMoney(
  db: Database.Database,
  filter: { policy?: string; fiscalYear?: number } = {},
): PolicyYearMoney[] {
  const rows = statement(
    db,
    `SELECT * FROM subsidy_money WHERE (@policy IS NULL OR policy = @policy) AND (@fiscalYear IS NULL OR fiscal_year = @fiscalYear)
       ORDER BY policy, fiscal_year`,
  ).all({ policy: filter.policy ?? null, fiscalYear: filter.fiscalYear ?? null }) as Array<Record<string, any>>;
  return rows.map((row) => ({
    policy: row.policy,
    fiscalYear: row.fiscal_year,
    subsidies: row.subsidies,
    ...moneyOfRow(row),
  }));
}
