import type Database from 'better-sqlite3';
import { BusinessDate } from '@ledger/domain/shared/dates';
import { readZones } from './zone-status.projector';
import { upcomingDeadlines, ZoneDeadlineKind } from '@ledger/domain/zone/zone-schedule';

export interface ZoneDeadlineRow {
  kind: ZoneDeadlineKind;
  due: BusinessDate;
  overdue: boolean;
  zoneId: string;
  zoneName: string;
  rule: string;
  citation: string;
  /** The report year, for annual reports. */
  year?: number;
}

/**
 * What every zone still owes (annual reports, evaluations, the evaluation at the end of a rectification period):
 * everything overdue, and what falls due from `today` to `today + horizonDays`. Earliest first. For `/v1/dashboard`,
 * next to the consortia's deadlines; `today` is the ledger's business date (`config.today()`).
 */
export function zoneDeadlines(db: Database.Database, today: BusinessDate, horizonDays: number): ZoneDeadlineRow[] {
  return readZones(db)
    .flatMap((zone) =>
      upcomingDeadlines(zone, today, horizonDays).map(({ kind, due, overdue, rule, citation, year }) => ({
        kind,
        due,
        overdue,
        zoneId: zone.id,
        zoneName: zone.name,
        rule,
        citation,
        ...(year !== undefined && { year }),
      })),
    )
    .sort((a, b) => a.due.localeCompare(b.due) || a.zoneId.localeCompare(b.zoneId) || a.kind.localeCompare(b.kind));
}
