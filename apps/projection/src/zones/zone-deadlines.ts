import { covers, Jurisdiction, ReadStore } from '@ledger/platform';
import { addDays, BusinessDate } from '@ledger/domain/shared/dates';
import { ZoneState } from '@ledger/domain/zone/zone.state';
import { upcomingDeadlines, ZoneDeadlineKind } from '@ledger/domain/zone/zone-schedule';
import { ZONES } from './zones.projection';

/** More zones than any programme designates. */
const MAX_ZONES = 100_000;

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
  // `next_due` is each zone's earliest outstanding deadline: only the zones it puts within the horizon have any.
  const page = await readStore.findDocuments<ZoneState>(ZONES.name, {
    where: { next_due: { lte: addDays(today, horizonDays) } },
    orderBy: [['next_due', 'asc']],
    limit: MAX_ZONES,
  });
  return page.documents
    .map((d) => d.state)
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
