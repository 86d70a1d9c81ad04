import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { RecordedEvent } from '@ledger/event-store';
import { Projector, statement } from '@ledger/platform';
import { subsidyEventOf } from '../subsidies/subsidies.projector';
import { MONEY_COLUMNS_SQL, moneyOfRow, MOVEMENT_COLUMN } from '../subsidies/money-columns';
import { MoneyFigures, NO_MONEY } from '@ledger/presentation/subsidy.view';
import { SubsidyEvent } from '@ledger/domain/subsidy/subsidy.events';
import { evolveBoundary } from '@ledger/domain/subsidy/subsidy.state';
import { FundingBoundaryEvent } from '@ledger/domain/subsidy/subsidy.events';
import { FundingBoundaryState, initialBoundaryState } from '@ledger/domain/policies/funding/funding-boundary';

const BOUNDARY_EVENTS: ReadonlySet<string> = new Set(['FundingCommitted', 'FundingReleased']);

/**
 * What a recipient receives in a fiscal year, and the funding boundaries its caps are counted on:
 *  - `funding_years`: per recipient and fiscal year, the running totals of its subsidies' movements;
 *  - `funding_boundaries`: every boundary stream (funding-…, project-…, platform-…, consortium-funding-…) folded with
 *    the domain's own `evolveBoundary`, the same fold the command handler decides caps on.
 * The caps' figures are evaluated from these folds at query time (see funding-caps.ts).
 */
@Injectable()
export class FundingProjector implements Projector {
  readonly name = 'funding';

  setup(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS funding_years (
      recipient TEXT NOT NULL, fiscal_year INTEGER NOT NULL, subsidies INTEGER NOT NULL, ${MONEY_COLUMNS_SQL},
      last_position INTEGER NOT NULL,
      updated_at TEXT NOT NULL, PRIMARY KEY (recipient, fiscal_year));
      CREATE TABLE IF NOT EXISTS funding_keys (subsidy_id TEXT PRIMARY KEY, recipient TEXT NOT NULL, fiscal_year INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS funding_boundaries (
        stream_id TEXT PRIMARY KEY, last_position INTEGER NOT NULL, updated_at TEXT NOT NULL, state TEXT NOT NULL);`);
  }

  drop(db: Database.Database): void {
    db.exec(
      'DROP TABLE IF EXISTS funding_years; DROP TABLE IF EXISTS funding_keys; DROP TABLE IF EXISTS funding_boundaries;',
    );
  }

  apply(event: RecordedEvent, db: Database.Database): void {
    if (BOUNDARY_EVENTS.has(event.type) && event.data?.boundary === event.streamId)
      return this.applyBoundary(event, db);
    const subsidyEvent = subsidyEventOf(event);
    const column = subsidyEvent && MOVEMENT_COLUMN[subsidyEvent.type];
    if (subsidyEvent && column) this.applyMovement(subsidyEvent, column, event, db);
  }

  private applyBoundary(event: RecordedEvent, db: Database.Database): void {
    const state = evolveBoundary(readBoundary(db, event.streamId), {
      type: event.type,
      data: event.data,
    } as FundingBoundaryEvent);
    statement(
      db,
      `INSERT INTO funding_boundaries VALUES (@streamId, @position, @updatedAt, @state)
       ON CONFLICT (stream_id) DO UPDATE SET last_position = @position, updated_at = @updatedAt, state = @state`,
    ).run({
      streamId: event.streamId,
      position: event.position,
      updatedAt: event.recordedAt,
      state: JSON.stringify(state),
    });
  }

  private applyMovement(subsidyEvent: SubsidyEvent, column: string, event: RecordedEvent, db: Database.Database): void {
    const { subsidyId, amountFen } = subsidyEvent.data as { subsidyId: string; amountFen: number };
    if (subsidyEvent.type === 'SubsidyGranted') {
      const { recipient, fiscalYear } = subsidyEvent.data;
      statement(db, 'INSERT OR IGNORE INTO funding_keys VALUES (?, ?, ?)').run(subsidyId, recipient, fiscalYear);
      statement(
        db,
        `INSERT INTO funding_years VALUES (?, ?, 1, 0, 0, 0, 0, 0, ?, ?)
         ON CONFLICT (recipient, fiscal_year) DO UPDATE SET subsidies = subsidies + 1`,
      ).run(recipient, fiscalYear, event.position, event.recordedAt);
    }
    const key = statement(db, 'SELECT recipient, fiscal_year FROM funding_keys WHERE subsidy_id = ?').get(subsidyId) as
      { recipient: string; fiscal_year: number } | undefined;
    if (!key) return;
    statement(
      db,
      `UPDATE funding_years SET ${column} = ${column} + ?, last_position = ?, updated_at = ? WHERE recipient = ? AND fiscal_year = ?`,
    ).run(amountFen, event.position, event.recordedAt, key.recipient, key.fiscal_year);
  }
}

export function readBoundary(db: Database.Database, streamId: string): FundingBoundaryState {
  const row = statement(db, 'SELECT state FROM funding_boundaries WHERE stream_id = ?').get(streamId) as
    { state: string } | undefined;
  return row ? JSON.parse(row.state) : initialBoundaryState();
}

export interface FundingYear extends MoneyFigures {
  subsidies: number;
  lastPosition?: number;
}

/** A recipient's totals in a fiscal year; zeros when it received nothing that year. */
export function readFundingYear(db: Database.Database, recipient: string, fiscalYear: number): FundingYear {
  const row = statement(db, 'SELECT * FROM funding_years WHERE recipient = ? AND fiscal_year = ?').get(
    recipient,
    fiscalYear,
  ) as Record<string, any> | undefined;
  if (!row) return { ...NO_MONEY, subsidies: 0 };
  return { subsidies: row.subsidies, ...moneyOfRow(row), lastPosition: row.last_position };
}
