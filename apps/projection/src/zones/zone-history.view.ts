import { IndicatorFinding } from '@ledger/domain/policies/nmg-2022-zone';
import { AuditEntry } from '../audit/audit-trail';
import { findingView, indicatorsView } from '@ledger/presentation/zone.view';
import { ZoneIndicators } from '@ledger/domain/policies/zone-indicators';

const REPORT_EVENTS = new Set(['AnnualReportSubmitted', 'AnnualReportCorrected']);

/** An audit entry with a report's money and decimals shown as everywhere else in the API (yuan, "1.60", "0.35"). */
export function zoneHistoryEntryView(entry: AuditEntry): AuditEntry {
  if (!REPORT_EVENTS.has(entry.type)) return entry;
  const data = entry.data as { indicators: ZoneIndicators; findings: IndicatorFinding[] };
  return {
    ...entry,
    data: { ...data, indicators: indicatorsView(data.indicators), findings: data.findings.map(findingView) },
  };
}
