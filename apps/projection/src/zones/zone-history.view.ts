import { IndicatorFinding } from '@ledger/domain/policies/nmg-2022-zone';
import { AuditEntry } from '../audit/audit-trail';
import { findingView, indicatorsView } from '@ledger/presentation/zone.view';
import { ZoneIndicators } from '@ledger/domain/policies/zone-indicators';

const REPORT_EVENTS = new Set(['AnnualReportSubmitted', 'AnnualReportCorrected']);

/** A zone event's data with a report's money and decimals shown as everywhere else in the API (yuan, "1.60", "0.35"). */
export function zoneEventDataView(type: string, data: unknown): unknown {
  if (!REPORT_EVENTS.has(type)) return data;
  const report = data as { indicators: ZoneIndicators; findings: IndicatorFinding[] };
  return { ...report, indicators: indicatorsView(report.indicators), findings: report.findings.map(findingView) };
}

/** An audit entry of a zone, its data shown as above. */
export function zoneHistoryEntryView(entry: AuditEntry): AuditEntry {
  return REPORT_EVENTS.has(entry.type) ? { ...entry, data: zoneEventDataView(entry.type, entry.data) } : entry;
}
