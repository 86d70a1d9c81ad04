import { ReadStore, covers, Jurisdiction } from '@ledger/platform';
import { BusinessDate } from '@ledger/domain/shared/dates';
import { readZones } from './zones.projection';
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
export async function zoneDeadlines(
  readStore: ReadStore,
  today: BusinessDate,
  horizonDays: number,
  jurisdiction?: Jurisdiction,
): Promise<ZoneDeadlineRow[]> {
  return (await readZones(readStore))
    .filter((zone) => covers(jurisdiction, { policy: zone.policy }))
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
