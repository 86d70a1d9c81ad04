import { BusinessDate } from '../shared/dates';
import { DomainCommand } from '../shared/event';
import { ZoneIndicators } from '../policies/zone-indicators';

export type ZoneGrade = 'excellent' | 'qualified' | 'unqualified';
export const ZONE_GRADES: ReadonlyArray<ZoneGrade> = ['excellent', 'qualified', 'unqualified'];

export type DesignateZone = DomainCommand<
  'DesignateZone',
  { zoneId: string; policy: string; name: string; approvedOn: BusinessDate }
>;

export type SubmitAnnualReport = DomainCommand<
  'SubmitAnnualReport',
  { zoneId: string; year: number; submittedOn: BusinessDate; indicators: ZoneIndicators }
>;

export type RecordZoneEvaluation = DomainCommand<
  'RecordZoneEvaluation',
  { zoneId: string; on: BusinessDate; grade: ZoneGrade }
>;

export type ZoneCommand = DesignateZone | SubmitAnnualReport | RecordZoneEvaluation;

/**
 * The region's average R&D intensity (全区研发经费投入强度) for a year, recorded by an administrator: what
 * zone.rd-intensity (四(三)) compares a park's R&D spending / park GDP with. In millionths (0.0093 → 9300).
 */
export type RecordRegionalAverage = DomainCommand<
  'RecordRegionalAverage',
  { year: number; rdIntensityMillionths: number; source?: string }
>;
